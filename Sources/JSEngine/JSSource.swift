/// Code that is evaluated again and again, each time in a fresh context: conform's runtime JavaScript,
/// a bot's startup files and its state bodies, compiled templates. `JSEngine.evaluate(_:)` parses it
/// into a JavaScriptCore script the first time an engine meets it and reuses that script afterwards;
/// handing JavaScriptCore the text anew cost a UTF-16 conversion, a copy and a hash of the whole text
/// on every evaluation (a fifth of starting a conversation, for the runtime's 30 KB alone).
///
/// Engines know a source by identity, so make one per piece of code and keep it:
///
/// ```swift
/// static let runtime = JSSource(code, file: "conform:runtime.js")
/// try engine.evaluate(Self.runtime)
/// ```
public final class JSSource: Sendable {
    public let code: String
    /// Where the code comes from and the line its first line is, for error positions.
    public let file: String
    public let line: Int

    public init(_ code: String, file: String, line: Int = 1) {
        self.code = code
        self.file = file
        self.line = line
    }
}
