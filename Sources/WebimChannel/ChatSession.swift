import BotRuntime
import WebimProtocol

/// One open chat: its conversation with the bot and what the channel remembers about it.
public struct ChatSession {
    public let chatID: WebimID
    /// The bot conversation; a new one for every `new_chat` (a new JAICP session).
    public let conversation: Conversation
    /// The visitor from `new_chat` (2.0 `new_message` bodies do not repeat it).
    public var visitorID: String?
    /// The dialect the chat was last spoken in: used when a request says nothing decisive.
    public var dialect: WebimDialect
    /// How the session began.
    public var start: ChatSessionStart
    /// Webhooks processed as bot turns in this session.
    public var turns = 0
    /// The bot closed the chat (`close_chat` was sent).
    public var closed = false
}
