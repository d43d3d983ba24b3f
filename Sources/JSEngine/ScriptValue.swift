import CJavaScriptCore
import ConformJSON

/// A JavaScript value held from Swift. It is protected from the garbage collector while this object
/// lives, and keeps its context alive, so it can be stored anywhere the engine's worker can reach.
///
/// ```swift
/// let session = try engine.evaluate("({visits: 1})")
/// session.property("visits").toJSON()   // .number(1)
/// ```
public final class ScriptValue {
    let handle: JSContextHandle
    let ref: JSValueRef

    init(_ ref: JSValueRef, in handle: JSContextHandle) {
        self.handle = handle
        self.ref = ref
        JSValueProtect(handle.ref, ref)
    }

    deinit { JSValueUnprotect(handle.ref, ref) }

    var ctx: JSContextRef { handle.ref }

    public var isUndefined: Bool { JSValueIsUndefined(ctx, ref) }
    public var isNull: Bool { JSValueIsNull(ctx, ref) }
    public var isNullOrUndefined: Bool { isUndefined || isNull }
    public var isString: Bool { JSValueIsString(ctx, ref) }
    public var isNumber: Bool { JSValueIsNumber(ctx, ref) }
    public var isBoolean: Bool { JSValueIsBoolean(ctx, ref) }
    public var isObject: Bool { JSValueIsObject(ctx, ref) }
    public var isArray: Bool { JSValueIsArray(ctx, ref) }

    public var isFunction: Bool {
        guard let object = JSValueToObject(ctx, ref, nil) else { return false }
        return JSObjectIsFunction(ctx, object)
    }

    /// JavaScript truthiness (`!!value`).
    public func toBool() -> Bool { JSValueToBoolean(ctx, ref) }

    /// `Number(value)`; NaN when the conversion throws.
    public func toDouble() -> Double {
        var exception: JSValueRef?
        let d = JSValueToNumber(ctx, ref, &exception)
        return exception == nil ? d : .nan
    }

    /// `Number(value)` truncated to a whole number; nil for NaN, infinities and numbers beyond `Int`
    /// (a script's `$jsapi.random()` or `random(1e30)` must not reach `Int(_:)`, which traps).
    public func toInt() -> Int? {
        let d = toDouble()
        guard d.isFinite else { return nil }
        return Int(exactly: d.rounded(.towardZero))
    }

    /// `String(value)` as JavaScript would print it; a throwing `toString` gives its error text.
    public func toString() -> String { Self.text(of: ref, in: ctx) }

    static func text(of ref: JSValueRef, in ctx: JSContextRef) -> String {
        var exception: JSValueRef?
        if let s = JSStringBridge.consume(JSValueToStringCopy(ctx, ref, &exception)) { return s }
        if let exception, let s = JSStringBridge.consume(JSValueToStringCopy(ctx, exception, nil)) { return s }
        return ""
    }

    /// `JSON.stringify(value)` parsed back; `nil` for `undefined`, functions and symbols, which JSON cannot hold.
    public func toJSON() throws(JSScriptError) -> JSONValue? {
        guard let text = try jsonText() else { return nil }
        do {
            return try JSONParser.parse(text, maxDepth: 10_000)
        } catch {
            throw JSScriptError(name: "TypeError", message: "value cannot be converted to JSON: \(error)")
        }
    }

    /// `JSON.stringify(value)`, or nil when the result is `undefined`.
    public func jsonText(indent: UInt32 = 0) throws(JSScriptError) -> String? {
        var exception: JSValueRef?
        let text = JSValueCreateJSONString(ctx, ref, indent, &exception)
        if let exception { throw JSScriptError(exception: exception, in: ctx) }
        return JSStringBridge.consume(text)
    }

    public func property(_ name: String) -> ScriptValue {
        guard let object = JSValueToObject(ctx, ref, nil) else {
            return ScriptValue(JSValueMakeUndefined(ctx), in: handle)
        }
        let value = JSStringBridge.withJSString(name) { JSObjectGetProperty(ctx, object, $0, nil) }
        return ScriptValue(value ?? JSValueMakeUndefined(ctx), in: handle)
    }

    public func setProperty(_ name: String, _ value: ScriptValue) throws(JSScriptError) {
        guard let object = JSValueToObject(ctx, ref, nil) else {
            throw JSScriptError(name: "TypeError", message: "cannot set property '\(name)' of a non-object")
        }
        var exception: JSValueRef?
        JSStringBridge.withJSString(name) { JSObjectSetProperty(ctx, object, $0, value.ref, 0, &exception) }
        if let exception { throw JSScriptError(exception: exception, in: ctx) }
    }

    /// Calls the value as a function with `this` = `thisValue` (or `undefined`).
    @discardableResult
    public func call(_ arguments: [ScriptValue] = [], this thisValue: ScriptValue? = nil) throws(JSScriptError) -> ScriptValue {
        ScriptValue(try callReturningRef(arguments, this: thisValue), in: handle)
    }

    /// The call itself. The result is not protected: the caller converts it at once, while it is
    /// still only on the stack, where JavaScriptCore's collector finds it.
    func callReturningRef(_ arguments: [ScriptValue], this thisValue: ScriptValue?) throws(JSScriptError) -> JSValueRef {
        guard let function = JSValueToObject(ctx, ref, nil), JSObjectIsFunction(ctx, function) else {
            throw JSScriptError(name: "TypeError", message: "\(toString()) is not a function")
        }
        let thisObject = thisValue.flatMap { JSValueToObject(ctx, $0.ref, nil) }
        var exception: JSValueRef?
        let refs: [JSValueRef?] = arguments.map { $0.ref }
        let result = refs.withUnsafeBufferPointer {
            JSObjectCallAsFunction(ctx, function, thisObject, arguments.count, $0.baseAddress, &exception)
        }
        if let exception { throw JSScriptError(exception: exception, in: ctx) }
        return result ?? JSValueMakeUndefined(ctx)
    }
}
