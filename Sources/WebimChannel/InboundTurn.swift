import BotRuntime
import WebimProtocol

/// What a webhook asks of the bot: at most one request, and whether it needs a fresh conversation.
public struct InboundTurn: Sendable {
    /// The request to process, or nil when the webhook runs no bot turn (`reason` says why).
    public var request: BotRequest?
    public var session: ChatSessionStart
    /// Why there is no turn (unknown event or message kind, a message without text).
    public var reason: String?
    /// Things worth a log line: fallbacks taken, pre-chat messages skipped, a chat never opened.
    public var notes: [String]

    public init(request: BotRequest?, session: ChatSessionStart, reason: String? = nil, notes: [String] = []) {
        self.request = request
        self.session = session
        self.reason = reason
        self.notes = notes
    }
}

/// How the request relates to the chat's conversation.
public enum ChatSessionStart: String, Sendable, Equatable {
    /// The chat is open: the request continues its conversation.
    case continued
    /// `new_chat`: a new session — the caller creates a fresh `Conversation` for the chat.
    case newChat
    /// A `new_message` for a chat never opened (no `new_chat` seen): a fresh `Conversation` as well,
    /// and a note saying so.
    case unopenedChat

    /// Whether the caller must create a fresh conversation before processing the request.
    public var startsConversation: Bool { self != .continued }
}
