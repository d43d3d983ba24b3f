import BotScript
import ConformJSON
import JSEngine

/// One conversation with a bot: a fresh JavaScript context (on a worker's engine), the bot's start-up
/// code run once, then one `process` call per request.
///
/// ```swift
/// let engine = JSEngine()
/// let chat = try Conversation(bot: CompiledBot(project: project), engine: engine)
/// let turn = chat.process(BotRequest(query: "hello", time: 1_764_064_800_000))
/// turn.replies   // [{"type": "text", "text": "Hello!", "state": "/Start"}]
/// ```
public final class Conversation {
    public let bot: CompiledBot
    public let engine: JSEngine
    public let options: RuntimeOptions
    let dialog: DialogEngine
    let bridge: NativeBridge
    let api: ScriptValue
    /// The dialog context the next request is matched from.
    public internal(set) var contextPath = "/"
    var definedStates: Set<String> = []
    var functions: [String: ScriptValue] = [:]
    /// State paths and names handed to the sandbox, made into JavaScript strings once per
    /// conversation (each new one costs an allocation, a copy and a protection; paths repeat).
    var names: [String: ScriptValue] = [:]
    /// `null`, `true` and `false`, made once per conversation for the same reason.
    lazy var constants = (null: engine.null, yes: engine.bool(true), no: engine.bool(false))
    var turnStartCPU = 0.0
    var turnStartWall = 0.0

    /// Values the next random draws return, across requests (an XML test's `<random>`).
    public var randomQueue: [Int] {
        get { bridge.random.queue }
        set {
            bridge.random.queue = newValue
            bridge.random.queueIsRecording = false
        }
    }

    /// Draws recorded from this bot, to be made again in order (a recording's `random`).
    public var recordedDraws: [Int] {
        get { bridge.random.queue }
        set {
            bridge.random.queue = newValue
            bridge.random.queueIsRecording = true
        }
    }

    /// The intent JAICP's classifier chose for the next request (a recording's `nlu`), used for
    /// `intent:` triggers when the request names none; cleared by that request.
    public var nextIntent: String?

    public var http: HTTPMockProvider {
        get { bridge.http }
        set { bridge.http = newValue }
    }

    public init(bot: CompiledBot, engine: JSEngine, options: RuntimeOptions = RuntimeOptions(),
                http: HTTPMockProvider = NoHTTPMocks()) throws(RuntimeError) {
        self.bot = bot
        self.engine = engine
        self.options = options
        dialog = DialogEngine(bot: bot)
        let bridge = NativeBridge(bot: bot, options: options, random: RandomSource(), http: http)
        self.bridge = bridge
        engine.reset()
        do {
            api = try engine.withLockHeld { () throws(JSScriptError) -> ScriptValue in
                try bridge.install(in: engine)
                try engine.evaluate(RuntimePrelude.script)
                let api = engine.global("__conform")
                let configuration: JSONValue = [
                    "testMode": .bool(options.testMode),
                    "injector": bot.project.config.injector,
                    "env": .object(.init(uniqueKeysWithValues: options.environment.map { ($0.key, $0.value) })),
                    "secrets": .object(.init(uniqueKeysWithValues: options.secrets.map { ($0.key, $0.value) })),
                    "seed": .number(JSONNumber(Double(options.seed % 1_000_000_007))),
                    "maxReplies": .number(JSONNumber(options.maxReplies)),
                ]
                try engine.call(api.property("configure"), [engine.string(JSONWriter.compact(configuration))], this: api)
                return api
            }
        } catch {
            throw .startup(error)
        }
        try engine.withLockHeld { () throws(RuntimeError) in try runStartupScripts() }
    }

    private func runStartupScripts() throws(RuntimeError) {
        do {
            if let names = bot.startupGlobalsStorage.namesJSON {
                try engine.call(function("lazyGlobals"), [engine.string(names)], this: api, timeLimit: options.turnTimeLimit)
            }
            for script in bot.startupSources {
                try engine.evaluate(try script.get(), timeLimit: options.turnTimeLimit)
            }
        } catch {
            throw .startup(error)
        }
    }

    // MARK: Snapshots

    public func snapshot() -> ConversationSnapshot {
        // Through the engine like every call (its watchdog, its promise jobs), under the turns' limit.
        let snapshot = engine.withLockHeld { try? engine.callForText(function("snapshot"), this: api, timeLimit: options.turnTimeLimit) }
        guard let text = snapshot ?? nil,
              let json = try? JSONParser.parse(text) else { return ConversationSnapshot(contextPath: contextPath) }
        return ConversationSnapshot(session: json["session"] ?? [:], client: json["client"] ?? [:],
                                    global: json["global"] ?? [:], contextPath: contextPath)
    }

    /// Sets variables and the context (replay's `initial`, an XML test's `<context>` and `<state>`).
    public func restore(_ snapshot: ConversationSnapshot) {
        let json: JSONValue = ["session": snapshot.session, "client": snapshot.client, "global": snapshot.global]
        callOutsideTurn("restore", json)
        contextPath = snapshot.contextPath
    }

    /// Sets the given keys of `$session` and `$client`, keeping every other value (an XML test's
    /// `<context>`); unlike `restore`, `$global` and its functions are left alone.
    public func merge(session: JSONValue? = nil, client: JSONValue? = nil) {
        var json: JSONValue = [:]
        if let session { json["session"] = session }
        if let client { json["client"] = client }
        callOutsideTurn("merge", json)
    }

    /// `__conform.<name>(json)` between turns (restoring or merging variables), holding the engine's lock.
    private func callOutsideTurn(_ name: String, _ json: JSONValue) {
        engine.withLockHeld {
            _ = try? engine.call(function(name), [engine.string(JSONWriter.compact(json))], this: api, timeLimit: options.turnTimeLimit)
        }
    }

    /// Moves the dialog context (an XML test's `<state>`).
    public func setContext(_ path: String) {
        contextPath = StatePath.resolve(path, from: "/") ?? "/"
    }

    // MARK: Calls into the sandbox

    /// Calls `__conform.<name>`. Each call may use the whole turn limit (re-arming the engine's
    /// watchdog with a shrinking budget on every call would cost more than the calls); the turn's
    /// total is checked after each call.
    @discardableResult
    func call(_ name: String, _ arguments: [ScriptValue] = []) throws(JSScriptError) -> ScriptValue {
        let value = try engine.call(function(name), arguments, this: api, timeLimit: options.turnTimeLimit)
        try checkTurnTime()
        return value
    }

    private func checkTurnTime() throws(JSScriptError) {
        // The CPU clock is a system call; the wall clock is not, and bounds it from above.
        let limit = options.turnTimeLimit
        if WallClock.now() - turnStartWall > limit, CPUClock.now() - turnStartCPU > limit {
            throw JSScriptError(name: "TimeLimit", message: "the turn used more than its CPU time limit", isTimeout: true)
        }
    }

    /// `__conform.<name>`, looked up once per conversation.
    func function(_ name: String) -> ScriptValue {
        if let cached = functions[name] { return cached }
        let value = api.property(name)
        functions[name] = value
        return value
    }

    /// `call`, with the result as text, nil for `null` or `undefined` (see `JSEngine.callForText`).
    func callText(_ name: String, _ arguments: [ScriptValue] = []) throws(JSScriptError) -> String? {
        let text = try engine.callForText(function(name), arguments, this: api, timeLimit: options.turnTimeLimit)
        try checkTurnTime()
        return text
    }

    /// A state path or another short name as a JavaScript string, made once per conversation.
    func name(_ text: String) -> ScriptValue {
        if let made = names[text] { return made }
        let made = engine.string(text)
        // Bounded: a bot that moves its context to ever-new paths must not grow this without end.
        if names.count < 1_000 { names[text] = made }
        return made
    }

    func hasHandlers(_ type: String) -> Bool {
        (try? call("hasHandlers", [name(type)]).toBool()) ?? false
    }
}

extension PatternLibrary {
    /// CSV dictionaries required with `var = …`, as the values scripts see.
    func dictionaryVariables(_ files: [DictionaryFile]) -> [(variable: String, value: JSONValue)] {
        files.compactMap { file in
            guard let variable = file.variable else { return nil }
            let name = file.name ?? (variable.hasPrefix("$") ? String(variable.dropFirst()) : variable)
            guard let dictionary = dictionary(named: name) else { return nil }
            return (variable, dictionary.scriptValue)
        }
    }
}
