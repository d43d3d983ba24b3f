/// A replayed conversation in chat terms, for reporters that draw it (the HTML report): per turn what
/// the visitor did, what the bot was recorded doing and what it does today. No wire shapes here —
/// Replay translates Webim's messages and calls into these, so Reporting stays independent of them.
///
/// ```swift
/// let turn = ReportedTurn(number: 1, visitor: [.text("hi")], expected: [.text("Hello!")], actual: [.text("Hi!")])
/// ```
public struct ReportedTurn: Sendable, Equatable {
    /// 1-based, as in `ReportedDifference.turn`.
    public var number: Int
    /// When the turn arrived (the recording's `at`).
    public var time: String?
    public var visitor: [ChatItem]
    /// The bot's output as recorded.
    public var expected: [ChatItem]
    /// The bot's output today.
    public var actual: [ChatItem]
    /// Variables and state whose expected value differs: `state`, `$session.x`, `$client.y`.
    public var variables: [VariableDifference]
    /// Things a reader should know about the turn (it was not fed to the bot, the turn failed, …).
    public var notes: [String]

    public init(number: Int, time: String? = nil, visitor: [ChatItem], expected: [ChatItem], actual: [ChatItem],
                variables: [VariableDifference] = [], notes: [String] = []) {
        self.number = number
        self.time = time
        self.visitor = visitor
        self.expected = expected
        self.actual = actual
        self.variables = variables
        self.notes = notes
    }
}

/// One thing said or done in a chat.
public enum ChatItem: Sendable, Equatable {
    case text(String)
    /// Rows of button labels (a keyboard), or the one button a visitor clicked.
    case buttons([[String]])
    case file(name: String, url: String)
    /// Something that is not a message: the chat was opened, transferred, closed, categorised.
    case event(String)
    /// Anything conform cannot draw, as compact JSON.
    case raw(String)
}

/// `$session.orderNumber`: expected `"12345"`, actual `null` — both sides as JSON text, nil when absent.
public struct VariableDifference: Sendable, Equatable {
    public var name: String
    public var expected: String?
    public var actual: String?

    public init(name: String, expected: String?, actual: String?) {
        self.name = name
        self.expected = expected
        self.actual = actual
    }
}
