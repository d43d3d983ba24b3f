import ConformJSON

/// What a webhook reports. Events conform does not model are kept by name (the body stays in the
/// webhook), answered 200 and never run through the bot, as Webim's own sample bot does.
public enum WebimEvent: Sendable, Equatable {
    case newChat(WebimNewChat)
    case newMessage(WebimNewMessage)
    case other(name: String)

    public static let newChatName = "new_chat"
    public static let newMessageName = "new_message"

    public var name: String {
        switch self {
        case .newChat: Self.newChatName
        case .newMessage: Self.newMessageName
        case .other(let name): name
        }
    }

    public var chatID: WebimID? {
        switch self {
        case .newChat(let chat): chat.chatID
        case .newMessage(let message): message.chatID
        case .other: nil
        }
    }
}

/// `new_chat`: a chat was assigned to the bot, possibly with what the visitor wrote before.
public struct WebimNewChat: Sendable, Equatable {
    public var chatID: WebimID
    public var visitor: WebimVisitor
    public var location: WebimLocation?
    /// Pre-chat messages in order; nil when the body has no `messages` (an empty array stays empty).
    public var messages: [WebimMessage]?

    public init(chatID: WebimID, visitor: WebimVisitor, location: WebimLocation? = nil, messages: [WebimMessage]? = nil) {
        self.chatID = chatID
        self.visitor = visitor
        self.location = location
        self.messages = messages
    }
}

/// `new_message`: the visitor wrote, clicked or sent a file in a chat the bot holds.
public struct WebimNewMessage: Sendable, Equatable {
    public var chatID: WebimID
    public var message: WebimMessage
    /// `visitor`, when the body carries one (2.0 bodies usually do not: the chat's visitor is known).
    public var visitor: WebimVisitor?

    public init(chatID: WebimID, message: WebimMessage, visitor: WebimVisitor? = nil) {
        self.chatID = chatID
        self.message = message
        self.visitor = visitor
    }
}
