import CJavaScriptCore

/// Swift functions made callable from JavaScript together, for a context that needs many of them
/// (the console, the runtime's natives): every conversation starts in a fresh context, and a native
/// function object cost about 20,000 instructions to make there (a callback object, its `name`, a new
/// prototype, the property), while a JavaScript closure costs a few hundred. So a context gets one
/// native function, a dispatcher that runs body number `i`, and each name becomes a small JavaScript
/// function calling it with its number: a real function (`typeof`, `name`, `call`, `apply`, `bind`
/// as scripts expect) whose calls reach the Swift body with the same `this` and arguments.
///
/// ```swift
/// var natives = NativeFunctionBatch()
/// natives.define("double") { engine, _, args in engine.number(2 * (args.first?.toDouble() ?? 0)) }
/// try engine.install(natives, on: engine.globalObject)
/// ```
public struct NativeFunctionBatch {
    /// A body gets the engine (held weakly by the context's dispatcher: the context owns the
    /// dispatcher, so holding its engine strongly would keep a whole JavaScriptCore VM alive).
    public typealias Body = (JSEngine, _ this: ScriptValue, _ arguments: [ScriptValue]) throws -> ScriptValue?

    var names: [String] = []
    var bodies: [Body] = []

    public init() {}

    public mutating func define(_ name: String, _ body: @escaping Body) {
        names.append(name)
        bodies.append(body)
    }

    /// For a body that does not need the engine.
    public mutating func define(_ name: String, _ body: @escaping NativeFunction) {
        define(name) { _, this, arguments in try body(this, arguments) }
    }
}

/// The bodies installed in one context, by number, owned by that context's dispatcher: a function
/// kept from an earlier context still runs its own body.
final class NativeFunctionTable {
    var bodies: [NativeFunctionBatch.Body] = []
}

extension JSEngine {
    /// Defines the batch's functions as properties of `object` (the global object when nil).
    public func install(_ batch: NativeFunctionBatch, on object: ScriptValue? = nil) throws(JSScriptError) {
        let table = nativeTable
        let first = table.bodies.count
        table.bodies += batch.bodies
        let installer: ScriptValue
        if let made = nativeInstaller {
            installer = made
        } else {
            installer = try makeInstaller(table)
            nativeInstaller = installer
        }
        let names = try value(json: .array(batch.names.map { .string($0) }))
        try call(installer, [object ?? globalObject, names, number(Double(first))])
    }

    private func makeInstaller(_ table: NativeFunctionTable) throws(JSScriptError) -> ScriptValue {
        // The table is the dispatcher's own; the engine, which owns the context, is held weakly.
        let dispatcher = function("nativeDispatch") { [weak self] this, arguments in
            guard let self, let index = arguments.first?.toInt(),
                  table.bodies.indices.contains(index) else { return nil }
            return try table.bodies[index](self, this, Array(arguments.dropFirst()))
        }
        let make = try evaluate(Self.installerSource)
        return try call(make, [dispatcher])
    }

    /// `apply` is taken when the context starts, so a script replacing `Reflect.apply` later does not
    /// break the console.
    static let installerSource = JSSource("""
        (function (dispatch) {
          var apply = Reflect.apply, define = Object.defineProperty;
          function wrap(index, name) {
            var f = function () {
              // No `push`: a library patching Array.prototype must not break every native.
              var args = [index];
              for (var i = 0; i < arguments.length; i++) args[i + 1] = arguments[i];
              return apply(dispatch, this, args);
            };
            define(f, "name", { value: name });
            return f;
          }
          return function (target, names, first) {
            for (var i = 0; i < names.length; i++) target[names[i]] = wrap(first + i, names[i]);
          };
        })
        """, file: "conform:natives.js")
}
