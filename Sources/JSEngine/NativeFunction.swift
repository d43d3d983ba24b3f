import CJavaScriptCore

/// A Swift closure callable from JavaScript. It receives `this` and the arguments; returning `nil`
/// gives `undefined`, throwing raises a JavaScript `Error` with the error's description.
public typealias NativeFunction = (_ this: ScriptValue, _ arguments: [ScriptValue]) throws -> ScriptValue?

/// Holds the closure behind a native function object; released by the class's finalizer.
final class NativeFunctionBox {
    let name: String
    let body: NativeFunction

    init(name: String, body: @escaping NativeFunction) {
        self.name = name
        self.body = body
    }
}

/// The JSClass behind every native function. Objects of such a class are callable but do not inherit
/// from `Function.prototype`, which is why `JSEngine.makeFunction` sets the prototype afterwards —
/// that is what makes `.call`, `.apply` and `.bind` work as scripts expect.
enum NativeFunctionClass {
    static func create() -> JSClassRef {
        var definition = kJSClassDefinitionEmpty
        return "NativeFunction".withCString { className in
            definition.className = className
            definition.callAsFunction = { ctx, function, thisObject, argumentCount, arguments, exception in
                guard let ctx, let function, let raw = JSObjectGetPrivate(function) else {
                    return JSValueMakeUndefined(ctx)
                }
                let box = Unmanaged<NativeFunctionBox>.fromOpaque(raw).takeUnretainedValue()
                // The box must not own the context (the context owns the function), so the call
                // takes its own reference for the values it hands to Swift.
                let handle = JSContextHandle(retaining: ctx)
                let thisValue = ScriptValue(thisObject ?? JSValueMakeUndefined(ctx), in: handle)
                var args: [ScriptValue] = []
                args.reserveCapacity(argumentCount)
                for i in 0..<argumentCount {
                    args.append(ScriptValue(arguments![i]!, in: handle))
                }
                do {
                    return try box.body(thisValue, args)?.ref ?? JSValueMakeUndefined(ctx)
                } catch let error as JSScriptError {
                    exception?.pointee = JSEngine.makeError(ctx, name: error.name, message: error.message)
                } catch {
                    exception?.pointee = JSEngine.makeError(ctx, name: "Error", message: "\(error)")
                }
                return JSValueMakeUndefined(ctx)
            }
            definition.finalize = { object in
                guard let raw = JSObjectGetPrivate(object) else { return }
                Unmanaged<NativeFunctionBox>.fromOpaque(raw).release()
            }
            return JSClassCreate(&definition)
        }
    }
}
