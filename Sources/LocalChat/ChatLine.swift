/// One line of a chat transcript, with what it is, so a terminal can colour it and a pipe can
/// print it as it is.
public struct ChatLine: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// What the visitor did (`visitor: hello`).
        case visitor
        /// A message the bot sent (`bot: …`, numbered buttons).
        case bot
        /// A chat event: transfer, category, close.
        case event
        /// The state and `$session` changes after a turn.
        case state
        /// Replies Webim cannot show, notes of the channel adapter.
        case warning
        /// A failed turn or a line that could not be understood.
        case error
        /// Answers to `/help`, `/state`, `/session`.
        case info
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public var description: String { text }
}
