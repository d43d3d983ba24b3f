/// Where `console.*` and `log` output goes: JavaScriptCore's own console prints nothing on Linux,
/// and a replay report wants the bot's log lines anyway.
final class ConsoleBuffer {
    var lines: [String] = []
    /// Bounded so a script logging in a loop cannot eat the worker's memory.
    let maxLines = 10_000
}

/// Installs `console.log/info/warn/error/debug`, `log`, and timer functions that fail loudly.
enum ConsoleBuiltins {
    static func install(in engine: JSEngine, buffer: ConsoleBuffer) {
        var console = NativeFunctionBatch()
        for level in ["log", "info", "warn", "error", "debug", "trace"] {
            let prefix = level == "log" || level == "info" ? "" : "[\(level)] "
            console.define(level) { [unowned buffer] _, args in
                append(prefix + format(args), to: buffer)
                return nil
            }
        }
        var globals = NativeFunctionBatch()
        globals.define("log") { [unowned buffer] _, args in
            append(format(args), to: buffer)
            return nil
        }
        // JAICP scripts run to completion within one request; a timer could never fire. Failing with
        // a clear message beats a callback that silently never runs.
        for name in ["setTimeout", "setInterval", "setImmediate"] {
            globals.define(name) { _, _ in
                throw JSScriptError(name: "TypeError",
                                    message: "\(name) is not available: bot scripts run synchronously within one request")
            }
        }
        for name in ["clearTimeout", "clearInterval", "clearImmediate"] {
            globals.define(name) { _, _ in nil }
        }
        // A fresh context runs nothing before this, so neither install can fail.
        let object = engine.object()
        try? engine.install(console, on: object)
        try? engine.setGlobal("console", object)
        try? engine.install(globals)
    }

    private static func append(_ line: String, to buffer: ConsoleBuffer) {
        guard buffer.lines.count < buffer.maxLines else { return }
        buffer.lines.append(line)
        if buffer.lines.count == buffer.maxLines { buffer.lines.append("[log truncated after \(buffer.maxLines) lines]") }
    }

    /// Strings as they are, everything else as JSON when possible (as browsers' consoles show objects).
    static func format(_ args: [ScriptValue]) -> String {
        args.map { value -> String in
            if value.isString || value.isUndefined || value.isFunction { return value.toString() }
            if value.isObject, let json = try? value.jsonText() { return json }
            return value.toString()
        }.joined(separator: " ")
    }
}
