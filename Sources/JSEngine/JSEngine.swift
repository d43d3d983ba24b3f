import CJavaScriptCore
import ConformJSON

/// One JavaScriptCore engine, owned by one worker (it is not `Sendable`: never share it between threads).
///
/// The engine is a context group holding one current global context; `reset()` swaps in a fresh
/// context (a new conversation) while keeping the group, which is much cheaper than a new engine.
/// Every evaluation runs under a CPU-time limit that stops runaway scripts and leaves the engine usable.
///
/// ```swift
/// let engine = JSEngine()
/// try engine.setGlobal("$session", json: ["visits": 1])
/// try engine.evaluate("$session.visits += 1", source: "main.sc", line: 12)
/// try engine.global("$session").toJSON()   // {"visits": 2}
/// ```
public final class JSEngine {
    /// CPU seconds one `evaluate` may use unless the call says otherwise.
    public var defaultTimeLimit: Double

    private let group: JSContextGroupRef
    private let functionClass: JSClassRef
    private let watchdog = Watchdog()
    private var armedLimit: Double?
    private(set) var handle: JSContextHandle
    private var functionPrototype: ScriptValue?
    /// The current context's batch-installed native functions and the JavaScript that installs them
    /// (`install(_:on:)`).
    var nativeTable = NativeFunctionTable()
    var nativeInstaller: ScriptValue?
    /// Lines scripts printed with `console.*` or `log` since the last `takeLog()`.
    private let console = ConsoleBuffer()
    /// Sources parsed into scripts of this engine's group (nil: the text has a syntax error, which
    /// plain evaluation reports), each with its source kept so the identity stays unique.
    private var prepared: [ObjectIdentifier: (source: JSSource, script: JSScriptRef?)] = [:]
    /// Sources made for texts a script compiles at run time (templates), by text.
    private var sourcesByText: [String: JSSource] = [:]
    /// `JSONText`s already converted to JavaScriptCore strings, each kept with its text object.
    private var jsonStrings: [ObjectIdentifier: (text: JSONText, string: JSStringRef)] = [:]
    /// More sources than any bot has: the caches are emptied then (a `--watch` session reloads bots).
    static let preparedLimit = 20_000
    /// Where `withLockHeld` keeps its `JSLockHolder`, how deeply holds are nested, and how deeply
    /// conform's calls into JavaScript are (promise jobs are drained when the outermost returns).
    private let lockHolder = UnsafeMutableRawPointer.allocate(byteCount: JSAPILock.holderSize, alignment: 16)
    private var holds = 0
    private var entries = 0

    public init(defaultTimeLimit: Double = 2.0) {
        EngineTuning.applied
        self.defaultTimeLimit = defaultTimeLimit
        group = JSContextGroupCreate()
        functionClass = NativeFunctionClass.create()
        handle = JSContextHandle(group: group)
        installBuiltins()
    }

    deinit {
        for entry in prepared.values { if let script = entry.script { JSScriptRelease(script) } }
        for entry in jsonStrings.values { JSStringRelease(entry.string) }
        functionPrototype = nil
        JSContextGroupClearExecutionTimeLimit(group)
        JSClassRelease(functionClass)
        JSContextGroupRelease(group)
        lockHolder.deallocate()
    }

    var ctx: JSGlobalContextRef { handle.ref }

    /// Drops every global of the current context and starts a fresh one in the same group.
    public func reset() {
        functionPrototype = nil
        nativeTable = NativeFunctionTable()
        nativeInstaller = nil
        handle = JSContextHandle(group: group)
        console.lines.removeAll()
        installBuiltins()
    }

    // MARK: Evaluation

    /// Runs `code` as a classic script in the global scope. `source` and `line` name where the code
    /// starts, so errors point into the `.sc` or `.js` file it came from.
    @discardableResult
    public func evaluate(_ code: String, source: String = "<script>", line: Int = 1,
                         timeLimit: Double? = nil) throws(JSScriptError) -> ScriptValue {
        let limit = timeLimit ?? defaultTimeLimit
        arm(limit)

        var exception: JSValueRef?
        let result = entering { evaluateText(code, source: source, line: line, &exception) }
        if let exception { throw makeScriptError(exception, source: source, line: line, limit: limit) }
        return ScriptValue(result ?? JSValueMakeUndefined(ctx), in: handle)
    }

    /// Runs `source` as a classic script in the global scope, like `evaluate(_:source:line:)`, parsing
    /// it only the first time this engine sees it.
    @discardableResult
    public func evaluate(_ source: JSSource, timeLimit: Double? = nil) throws(JSScriptError) -> ScriptValue {
        let limit = timeLimit ?? defaultTimeLimit
        guard let script = script(for: source) else {
            return try evaluate(source.code, source: source.file, line: source.line, timeLimit: limit)
        }
        arm(limit)
        var exception: JSValueRef?
        let result = entering { JSScriptEvaluate(ctx, script, JSContextGetGlobalObject(ctx), &exception) }
        if let exception { throw makeScriptError(exception, source: source.file, line: source.line, limit: limit) }
        return ScriptValue(result ?? JSValueMakeUndefined(ctx), in: handle)
    }

    /// Evaluates code a running script produced (a template compiled to a function), under that
    /// script's time limit, keeping it prepared by its text: every conversation using the template
    /// compiles it again.
    public func evaluateNested(generated code: String, source: String) throws(JSScriptError) -> ScriptValue {
        if sourcesByText.count >= Self.preparedLimit { sourcesByText.removeAll() }
        let made = sourcesByText[code] ?? JSSource(code, file: source)
        sourcesByText[code] = made
        var exception: JSValueRef?
        let result: JSValueRef?
        if let script = script(for: made) {
            result = JSScriptEvaluate(ctx, script, JSContextGetGlobalObject(ctx), &exception)
        } else {
            result = evaluateText(code, source: source, line: 1, &exception)
        }
        if let exception { throw JSScriptError(exception: exception, in: ctx) }
        return ScriptValue(result ?? JSValueMakeUndefined(ctx), in: handle)
    }

    /// `JSEvaluateScript` on text, without arming the watchdog.
    private func evaluateText(_ code: String, source: String, line: Int, _ exception: inout JSValueRef?) -> JSValueRef? {
        JSStringBridge.withJSString(code) { script in
            JSStringBridge.withJSString(source) { url in
                JSEvaluateScript(ctx, script, nil, url, Int32(clamping: line), &exception)
            }
        }
    }

    private func script(for source: JSSource) -> JSScriptRef? {
        let key = ObjectIdentifier(source)
        if let known = prepared[key] { return known.script }
        if prepared.count >= Self.preparedLimit {
            for entry in prepared.values { if let script = entry.script { JSScriptRelease(script) } }
            prepared.removeAll()
        }
        // This JavaScriptCore ignores `JSScriptCreateFromString`'s starting line (errors count lines
        // from 1 whatever it is given), so the code is moved down to its line with newlines instead.
        let padded = String(repeating: "\n", count: max(0, source.line - 1)) + source.code
        let script = JSStringBridge.withJSString(padded) { text in
            JSStringBridge.withJSString(source.file) { url in
                JSScriptCreateFromString(group, url, 1, text, nil, nil)
            }
        }
        prepared[key] = (source, script)
        return script
    }

    /// Parses `code` without running it; throws the `SyntaxError` with its line.
    public func checkSyntax(_ code: String, source: String = "<script>", line: Int = 1) throws(JSScriptError) {
        var exception: JSValueRef?
        let ok = JSStringBridge.withJSString(code) { script in
            JSStringBridge.withJSString(source) { url in
                JSCheckScriptSyntax(ctx, script, url, Int32(clamping: line), &exception)
            }
        }
        if !ok, let exception { throw JSScriptError(exception: exception, in: ctx) }
    }

    /// Calls `function` under the time limit, like `evaluate` (handlers and callbacks run this way).
    @discardableResult
    public func call(_ function: ScriptValue, _ arguments: [ScriptValue] = [], this thisValue: ScriptValue? = nil,
                     timeLimit: Double? = nil) throws(JSScriptError) -> ScriptValue {
        try call(function, arguments, this: thisValue, timeLimit: timeLimit) { ScriptValue($0, in: handle) }
    }

    /// `call`, with the result as text (`String(result)`), or nil when it is `null` or `undefined`:
    /// no `ScriptValue` is made (and protected, and released) for a result only read once.
    public func callForText(_ function: ScriptValue, _ arguments: [ScriptValue] = [], this thisValue: ScriptValue? = nil,
                            timeLimit: Double? = nil) throws(JSScriptError) -> String? {
        try call(function, arguments, this: thisValue, timeLimit: timeLimit) { result in
            if JSValueIsNull(ctx, result) || JSValueIsUndefined(ctx, result) { return nil }
            return ScriptValue.text(of: result, in: ctx)
        }
    }

    private func call<R>(_ function: ScriptValue, _ arguments: [ScriptValue], this thisValue: ScriptValue?,
                         timeLimit: Double?, _ convert: (JSValueRef) -> R) throws(JSScriptError) -> R {
        let limit = timeLimit ?? defaultTimeLimit
        arm(limit)
        do {
            let result = try entering { () throws(JSScriptError) in try function.callReturningRef(arguments, this: thisValue) }
            return convert(result)
        } catch where watchdog.fired {
            throw JSScriptError(name: "TimeLimit", message: Self.timeoutMessage(limit), isTimeout: true)
        }
    }

    // MARK: The API lock

    /// Runs `body` holding JavaScriptCore's API lock, so the engine calls inside it do not each take
    /// and release it (see `JSAPILock`). Holds nest; the body must stay on this thread.
    public func withLockHeld<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        guard let lock = JSAPILock.available else { return try body() }
        if holds == 0 { lock.acquire(lockHolder, group: group) }
        holds += 1
        defer {
            holds -= 1
            if holds == 0 { lock.release(lockHolder) }
        }
        return try body()
    }

    /// A call from Swift into JavaScript. When the outermost one returns under a hold, the promise
    /// jobs it queued run, as they would have when JavaScriptCore released its own lock.
    private func entering<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        entries += 1
        defer {
            if entries == 1 && holds > 0 {
                // Still counted as inside: a job that calls back into Swift and then into the engine
                // must not start a second drain from within this one.
                JSAPILock.available?.drainMicrotasks(group: group)
            }
            entries -= 1
        }
        return try body()
    }

    /// Arms the watchdog for the next entry into the engine. The limit applies to each top-level
    /// entry on its own; setting it is skipped when it is unchanged, as every call pays for it.
    private func arm(_ limit: Double) {
        watchdog.fired = false
        guard limit != armedLimit else { return }
        JSContextGroupSetExecutionTimeLimit(group, limit, Watchdog.callback, Unmanaged.passUnretained(watchdog).toOpaque())
        armedLimit = limit
    }

    private func makeScriptError(_ exception: JSValueRef, source: String, line: Int, limit: Double) -> JSScriptError {
        if watchdog.fired {
            // The termination value is not an Error object and carries no position.
            return JSScriptError(name: "TimeLimit", message: Self.timeoutMessage(limit), source: source, line: line,
                                 isTimeout: true)
        }
        var error = JSScriptError(exception: exception, in: ctx)
        if error.source == nil { error.source = source }
        return error
    }

    static func timeoutMessage(_ limit: Double) -> String {
        "the script ran longer than its time limit (\(limit) s of CPU time) and was stopped"
    }

    // MARK: Values

    public var globalObject: ScriptValue { ScriptValue(JSContextGetGlobalObject(ctx), in: handle) }

    public func global(_ name: String) -> ScriptValue { globalObject.property(name) }

    public func setGlobal(_ name: String, _ value: ScriptValue) throws(JSScriptError) {
        try globalObject.setProperty(name, value)
    }

    public func setGlobal(_ name: String, json: JSONValue) throws(JSScriptError) {
        try setGlobal(name, value(json: json))
    }

    /// A JavaScript value built from JSON (`JSON.parse` semantics).
    public func value(json: JSONValue) throws(JSScriptError) -> ScriptValue {
        try value(jsonText: JSONWriter.compact(json))
    }

    /// A JavaScript value parsed from `json`, whose conversion to a JavaScript string is kept for the
    /// next conversation (`JSONText`).
    public func value(json: JSONText) throws(JSScriptError) -> ScriptValue {
        let key = ObjectIdentifier(json)
        let string: JSStringRef
        if let known = jsonStrings[key] {
            string = known.string
        } else {
            if jsonStrings.count >= Self.preparedLimit {
                for entry in jsonStrings.values { JSStringRelease(entry.string) }
                jsonStrings.removeAll()
            }
            string = JSStringBridge.make(json.text)
            jsonStrings[key] = (json, string)
        }
        return try parsed(string)
    }

    public func value(jsonText: String) throws(JSScriptError) -> ScriptValue {
        let string = JSStringBridge.make(jsonText)
        defer { JSStringRelease(string) }
        return try parsed(string)
    }

    private func parsed(_ json: JSStringRef) throws(JSScriptError) -> ScriptValue {
        guard let ref = JSValueMakeFromJSONString(ctx, json) else {
            throw JSScriptError(name: "SyntaxError", message: "invalid JSON handed to the engine")
        }
        return ScriptValue(ref, in: handle)
    }

    public func string(_ s: String) -> ScriptValue {
        ScriptValue(JSStringBridge.withJSString(s) { JSValueMakeString(ctx, $0) }, in: handle)
    }

    public func number(_ d: Double) -> ScriptValue { ScriptValue(JSValueMakeNumber(ctx, d), in: handle) }
    public func bool(_ b: Bool) -> ScriptValue { ScriptValue(JSValueMakeBoolean(ctx, b), in: handle) }
    public var undefined: ScriptValue { ScriptValue(JSValueMakeUndefined(ctx), in: handle) }
    public var null: ScriptValue { ScriptValue(JSValueMakeNull(ctx), in: handle) }
    public func object() -> ScriptValue { ScriptValue(JSObjectMake(ctx, nil, nil), in: handle) }

    /// A real JavaScript function backed by a Swift closure: `typeof` is "function" and it inherits
    /// `call`, `apply` and `bind` from `Function.prototype`.
    public func function(_ name: String, _ body: @escaping NativeFunction) -> ScriptValue {
        let box = NativeFunctionBox(name: name, body: body)
        let object = JSObjectMake(ctx, functionClass, Unmanaged.passRetained(box).toOpaque())!
        // `name` first: once Function.prototype (whose `name` is read-only) is the prototype, a plain
        // set of `name` would be refused.
        let nameValue = JSStringBridge.withJSString(name) { JSValueMakeString(ctx, $0) }
        JSStringBridge.withJSString("name") {
            JSObjectSetProperty(ctx, object, $0, nameValue,
                                JSPropertyAttributes(kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontEnum), nil)
        }
        if functionPrototype == nil {
            functionPrototype = global("Function").property("prototype")
        }
        JSObjectSetPrototype(ctx, object, functionPrototype!.ref)
        return ScriptValue(object, in: handle)
    }

    /// Defines a global function (or a method of `object`) backed by a Swift closure. For many
    /// functions in every fresh context, `install(_:on:)` costs a small fraction of this per function.
    public func defineFunction(_ name: String, on object: ScriptValue? = nil, _ body: @escaping NativeFunction) {
        let fn = function(name, body)
        // Setting a property of a fresh object or the global object cannot throw.
        try? (object ?? globalObject).setProperty(name, fn)
    }

    /// An `Error` object (with `name` set) for throwing from native code.
    static func makeError(_ ctx: JSContextRef, name: String, message: String) -> JSValueRef {
        let messageValue = JSStringBridge.withJSString(message) { JSValueMakeString(ctx, $0) }
        var args: [JSValueRef?] = [messageValue]
        let error = args.withUnsafeMutableBufferPointer { JSObjectMakeError(ctx, 1, $0.baseAddress, nil) }!
        let nameValue = JSStringBridge.withJSString(name) { JSValueMakeString(ctx, $0) }
        JSStringBridge.withJSString("name") { JSObjectSetProperty(ctx, error, $0, nameValue, 0, nil) }
        return error
    }

    // MARK: Console

    /// The lines scripts logged since the last call, oldest first.
    public func takeLog() -> [String] {
        defer { console.lines.removeAll() }
        return console.lines
    }

    private func installBuiltins() {
        ConsoleBuiltins.install(in: self, buffer: console)
    }
}

/// Set by JavaScriptCore's watchdog callback when it stops a script.
final class Watchdog {
    var fired = false

    static let callback: JSShouldTerminateCallback = { _, context in
        guard let context else { return true }
        Unmanaged<Watchdog>.fromOpaque(context).takeUnretainedValue().fired = true
        return true
    }
}
