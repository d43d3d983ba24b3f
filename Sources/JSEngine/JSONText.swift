/// JSON text handed to every conversation (a bot's CSV dictionaries and required data files): the
/// engine keeps it in JavaScriptCore's string form after the first use, so each conversation only
/// parses it. zb-common's dictionaries are megabytes; converting them again for every XML test case
/// was 40% of a case.
///
/// ```swift
/// let cities = JSONText(#"["Москва", "Казань"]"#)
/// let value = try engine.value(json: cities)   // converted once per engine, parsed per call
/// ```
public final class JSONText: Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }
}
