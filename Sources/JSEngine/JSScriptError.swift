import CJavaScriptCore

/// A JavaScript exception (or a stopped runaway script) as a Swift error, with where it happened.
public struct JSScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `Error.name` of the thrown object ("TypeError", "SyntaxError", …), or "Error" for a thrown non-Error.
    public var name: String
    public var message: String
    /// The source name given to `evaluate` (usually a `.sc` or `.js` path).
    public var source: String?
    /// 1-based line in that source, already offset by the evaluation's starting line.
    public var line: Int?
    public var column: Int?
    public var stack: String?
    /// The script ran past its CPU time limit and was stopped.
    public var isTimeout: Bool

    public init(name: String, message: String, source: String? = nil, line: Int? = nil, column: Int? = nil,
                stack: String? = nil, isTimeout: Bool = false) {
        self.name = name
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.stack = stack
        self.isTimeout = isTimeout
    }

    /// Reads `name`, `message`, `line`, `column`, `sourceURL` and `stack` off a thrown value.
    init(exception: JSValueRef, in ctx: JSContextRef) {
        let value = ScriptValueReader(ctx: ctx, value: exception)
        if let object = value.object {
            let reader = ScriptValueReader(ctx: ctx, object: object)
            name = reader.string("name") ?? "Error"
            message = reader.string("message") ?? value.string ?? ""
            source = reader.string("sourceURL")
            line = reader.int("line")
            column = reader.int("column")
            stack = reader.string("stack").flatMap { $0.isEmpty ? nil : $0 }
            if source?.hasPrefix(Self.ownSourcePrefix) == true, let stack, let frame = Self.firstFrame(outside: Self.ownSourcePrefix, in: stack) {
                (source, line, column) = (frame.source, frame.line, frame.column)
            }
        } else {
            // `throw "text"` or `throw 42`: not an Error object.
            name = "Error"
            message = value.string ?? ""
        }
        isTimeout = false
    }

    /// Sources named so are conform's own code (`conform:runtime.js`, compiled templates), never the
    /// bot's: an error thrown there — `$reactions.transition` refusing an empty target, say — is placed
    /// at the nearest frame of the bot's code that called it, the line its author can fix.
    public static let ownSourcePrefix = "conform:"

    /// The first frame of a JavaScriptCore stack (`function@source:line:column` per line) whose source
    /// does not start with `prefix`.
    static func firstFrame(outside prefix: String, in stack: String) -> (source: String, line: Int, column: Int?)? {
        for frame in stack.split(separator: "\n") {
            let location = frame.firstIndex(of: "@").map { frame[frame.index(after: $0)...] } ?? frame[...]
            let parts = location.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { continue }
            let source = parts.dropLast(2).joined(separator: ":")
            guard !source.isEmpty, !source.hasPrefix(prefix) else { continue }
            return (source, line, column)
        }
        return nil
    }

    public var description: String {
        var where_ = ""
        if let source { where_ = source }
        if let line { where_ += (where_.isEmpty ? "line " : ":") + "\(line)" }
        let prefix = where_.isEmpty ? "" : "\(where_): "
        if isTimeout { return "\(prefix)\(message)" }
        return "\(prefix)\(name): \(message)"
    }
}

/// Small helper for reading properties of a raw value without protecting it (used while the value is
/// still on the engine's stack).
struct ScriptValueReader {
    let ctx: JSContextRef
    let value: JSValueRef?
    let object: JSObjectRef?

    init(ctx: JSContextRef, value: JSValueRef) {
        self.ctx = ctx
        self.value = value
        object = JSValueIsObject(ctx, value) ? JSValueToObject(ctx, value, nil) : nil
    }

    init(ctx: JSContextRef, object: JSObjectRef) {
        self.ctx = ctx
        value = object
        self.object = object
    }

    var string: String? {
        guard let value else { return nil }
        return JSStringBridge.consume(JSValueToStringCopy(ctx, value, nil))
    }

    func property(_ name: String) -> JSValueRef? {
        guard let object else { return nil }
        let v = JSStringBridge.withJSString(name) { JSObjectGetProperty(ctx, object, $0, nil) }
        guard let v, !JSValueIsUndefined(ctx, v) else { return nil }
        return v
    }

    func string(_ name: String) -> String? {
        property(name).flatMap { JSStringBridge.consume(JSValueToStringCopy(ctx, $0, nil)) }
    }

    func int(_ name: String) -> Int? {
        guard let v = property(name), JSValueIsNumber(ctx, v) else { return nil }
        let d = JSValueToNumber(ctx, v, nil)
        return d.isFinite ? Int(d) : nil
    }
}
