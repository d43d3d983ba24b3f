import BotScript
import ConformJSON
import Foundation
import JSEngine

/// The Swift side of the sandbox's `__conformNative` functions, and what they record during a turn.
/// Owned by one conversation; the closures installed in its JavaScript context hold it weakly.
final class NativeBridge {
    var random: RandomSource
    var http: HTTPMockProvider
    let options: RuntimeOptions
    let bot: CompiledBot
    var httpLog: [HTTPExchange] = []
    var serviceLog: [ServiceCall] = []
    /// A failure a native function raised that must end the turn even if a script catches its error.
    var failure: RuntimeError?
    var httpCallsThisTurn = 0
    /// JAICP allows at most this many `$http` calls per request.
    static let maxHTTPCallsPerTurn = 15

    init(bot: CompiledBot, options: RuntimeOptions, random: RandomSource, http: HTTPMockProvider) {
        self.bot = bot
        self.options = options
        self.random = random
        self.http = http
    }

    func beginTurn() {
        httpLog = []
        serviceLog = []
        failure = nil
        httpCallsThisTurn = 0
        _ = random.takeDrawn()
    }

    /// Installs `__conformNative` in the engine's current context.
    ///
    /// Bodies that need the engine take it as an argument (`NativeFunctionBatch`), never capture it:
    /// the engine owns them through its context, and a strong reference back kept every engine — a
    /// whole JavaScriptCore VM, about 1.3 MB — alive for the rest of the process (`serve` makes one
    /// per chat).
    func install(in engine: JSEngine) throws(JSScriptError) {
        var natives = NativeFunctionBatch()
        natives.define("replyAdded") { [weak self] _, args in
            guard let self, let count = args.first?.toDouble(), count > Double(self.options.maxReplies) else { return nil }
            self.failure = .tooManyReplies(limit: self.options.maxReplies, state: nil)
            throw JSScriptError(name: "RangeError", message: "more than \(self.options.maxReplies) replies in one turn")
        }
        natives.define("queuedRandom") { [weak self] engine, _, args in
            // No usable bound (`$jsapi.random()`, NaN, 1e30): no queued value either.
            let bound = args.first?.toInt() ?? 0
            return engine.number(Double(self?.random.queued(below: bound) ?? -1))
        }
        natives.define("queueIsRecording") { [weak self] engine, _, _ in
            return engine.bool(self?.random.queueIsRecording ?? false)
        }
        natives.define("drew") { [weak self] _, args in
            if let value = args.first?.toInt() {
                self?.random.record(value, bound: args.count > 1 ? args[1].toInt() ?? 0 : 0)
            }
            return nil
        }
        natives.define("parseInterval") { engine, _, args in
            guard let text = args.first?.toString(), let seconds = TimeFormatting.seconds(of: text) else {
                throw JSScriptError(name: "Error", message: "Illegal timeout interval: \(args.first?.toString() ?? "")")
            }
            return engine.number(seconds)
        }
        natives.define("formatTime") { [weak self] engine, _, args in
            guard args.count >= 2 else { return engine.undefined }
            let zone = args[1].toString()
            let pattern = args.count > 2 && !args[2].isNullOrUndefined ? args[2].toString() : nil
            guard let text = TimeFormatting.format(ms: args[0].toDouble(), zone: zone, pattern: pattern)
                ?? TimeFormatting.format(ms: args[0].toDouble(), zone: self?.options.timezone ?? "UTC", pattern: pattern) else {
                return engine.undefined
            }
            return engine.string(text)
        }
        // NaN for a zone name that is not one.
        natives.define("zoneOffset") { engine, _, args in
            guard args.count >= 2 else { return engine.number(.nan) }
            return engine.number(TimeFormatting.offset(ms: args[0].toDouble(), zone: args[1].toString()) ?? .nan)
        }
        natives.define("service") { [weak self] _, args in
            let name = args.first?.toString() ?? ""
            let arguments = (args.count > 1 ? try? JSONParser.parse(args[1].toString()) : nil) ?? .array([])
            self?.serviceLog.append(ServiceCall(name: name, arguments: arguments))
            return nil
        }
        natives.define("loadLodash") { engine, _, _ in
            try engine.evaluate(RuntimeLodash.script)
            return nil
        }
        // The function that installs `moment` (`RuntimeMoment`), for the runtime to call.
        natives.define("momentInstaller") { engine, _, _ in
            try engine.evaluate(RuntimeMoment.script)
        }
        // A `{{ }}` template's function, from its source text (see `template` in the runtime).
        natives.define("compile") { engine, _, args in
            return try engine.evaluateNested(generated: args.first?.toString() ?? "", source: "conform:template")
        }
        natives.define("http") { [weak self] engine, _, args in
            guard let self else { return nil }
            return engine.string(try self.handleHTTP(args.first?.toString() ?? "{}"))
        }
        natives.define("startupGlobal") { [weak self] engine, _, args in
            guard let self, let index = args.first?.toInt(), self.bot.startupGlobals.indices.contains(index) else {
                return engine.undefined
            }
            return try engine.value(json: self.bot.startupGlobals[index].json)
        }
        natives.define("nlpMatch") { [weak self] engine, _, args in
            guard let self, args.count >= 2 else { return engine.null }
            return self.nlpMatch(text: args[0].toString(), path: args[1].toString()).map(engine.string) ?? engine.null
        }
        natives.define("nlpMatchPatterns") { [weak self] engine, _, args in
            guard let self, args.count >= 2 else { return engine.null }
            return try self.nlpMatchPatterns(text: args[0].toString(), patternsJSON: args[1].toString()).map(engine.string)
                ?? engine.null
        }
        let native = engine.object()
        try engine.install(natives, on: native)
        try engine.setGlobal("__conformNative", native)
    }

    /// Serves one `$http` call from the mocks; an unmocked call ends the turn (and is also thrown into
    /// the script, so code after it does not run on made-up data).
    private func handleHTTP(_ requestText: String) throws -> String {
        let request = (try? JSONParser.parse(requestText)) ?? [:]
        let method = request["method"]?.stringValue ?? "GET"
        let url = request["url"]?.stringValue ?? ""
        let body = request["body"]?.nonNull
        httpCallsThisTurn += 1
        if httpCallsThisTurn > Self.maxHTTPCallsPerTurn {
            return JSONWriter.compact(["isOk": false, "status": -1, "error": "Callback limit reached", "response": [:]])
        }
        let headers = (request["headers"]?.objectValue ?? [:]).compactMap { name, value -> (name: String, value: String)? in
            guard let text = value.stringValue ?? (value.doubleValue != nil ? JSONWriter.compact(value) : nil) else { return nil }
            return (name, text)
        }
        let call = HTTPCall(method: method, url: url, headers: headers, body: body,
                            timeoutMilliseconds: request["timeout"]?.doubleValue)
        guard let response = http.respond(to: call) else {
            httpLog.append(HTTPExchange(method: method, url: url, requestBody: body, status: -1, responseBody: nil,
                                        error: "no mock"))
            failure = failure ?? .unmockedHTTP(method: method, url: url)
            throw JSScriptError(name: "Error", message: "$http \(method) \(url) has no mock (replay never reaches the network)")
        }
        httpLog.append(HTTPExchange(method: method, url: url, requestBody: body, status: response.status,
                                    responseBody: response.body, error: response.error))
        let ok = (200..<300).contains(response.status)
        var result: JSONValue = ["isOk": .bool(ok), "status": .number(JSONNumber(response.status))]
        result["data"] = response.body ?? .null
        result["response"] = ["status": .number(JSONNumber(response.status)), "data": response.body ?? .null]
        if !ok { result["error"] = .string(response.error ?? "HTTP \(response.status)") }
        return JSONWriter.compact(result)
    }

    /// `$nlp.match(text, path)`: the pattern trigger the dialog would choose for `text` with the context
    /// at `path` — the same candidates and ranking as a request (globals, and the context's own,
    /// children's, siblings' and parent's local triggers), as `{targetState, parseTree, score}`; nil
    /// when no pattern matches. (JAICP: "which pattern fired in which state"; `modal` applies there, so
    /// the second argument is a dialog context, not a subtree to search.)
    private func nlpMatch(text: String, path: String) -> String? {
        let context = StatePath.resolve(path, from: "/") ?? "/"
        guard let selection = DialogEngine(bot: bot).selectQuery(RequestText(text), intent: nil, context: context),
              selection.reason == .pattern, let tree = selection.parseTree else { return nil }
        let result: JSONValue = [
            "targetState": .string(selection.state),
            "parseTree": ParseTreeJSON.make(tree, rootValue: bot.triggers[selection.triggerID].trigger.rootValue),
            "score": .number(JSONNumber(selection.score)),
        ]
        return JSONWriter.compact(result)
    }

    /// `$nlp.matchPatterns(text, patterns)`: the best of the given patterns (written in the pattern
    /// language, the bot's named patterns usable) that matches the whole `text`, as
    /// `{pattern, parseTree, score}`; nil when none does. A pure pattern match, so it works offline.
    private func nlpMatchPatterns(text: String, patternsJSON: String) throws -> String? {
        let sources = ((try? JSONParser.parse(patternsJSON))?.arrayValue ?? []).compactMap(\.stringValue)
        let compiler = PatternCompiler(library: bot.library)
        let request = RequestText(text)
        var best: (score: Double, source: String, tree: ParseNode)?
        for source in sources {
            let pattern: CompiledPattern
            do {
                pattern = try compiler.compile(source, file: "$nlp.matchPatterns")
            } catch {
                throw JSScriptError(name: "Error", message: "$nlp.matchPatterns: \(source): \(error.message)")
            }
            guard let match = bot.matcher.match(pattern, request) else { continue }
            if best == nil || match.score > best!.score { best = (match.score, source, match.parseTree) }
        }
        guard let best else { return nil }
        let result: JSONValue = [
            "pattern": .string(best.source),
            "parseTree": ParseTreeJSON.make(best.tree, rootValue: nil),
            "score": .number(JSONNumber(best.score)),
        ]
        return JSONWriter.compact(result)
    }
}
