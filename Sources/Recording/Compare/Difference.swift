import ConformJSON

/// One way today's bot differs from a recording, at a JSON path of the recording.
public struct Difference: Sendable, Equatable, CustomStringConvertible {
    /// `turns[2].calls[0].request.body.message.text`
    public var path: String
    /// Nil when the recording has nothing there (the bot produced something extra).
    public var expected: JSONValue?
    /// Nil when the bot produced nothing there (something is missing).
    public var actual: JSONValue?
    /// A sentence for differences that are not just two values (a count, a matcher).
    public var note: String?

    public init(path: String, expected: JSONValue?, actual: JSONValue?, note: String? = nil) {
        self.path = path
        self.expected = expected
        self.actual = actual
        self.note = note
    }

    public var description: String {
        let e = expected.map(JSONWriter.compact) ?? "(nothing)"
        let a = actual.map(JSONWriter.compact) ?? "(nothing)"
        return "\(path): expected \(e), got \(a)\(note.map { " (\($0))" } ?? "")"
    }
}
