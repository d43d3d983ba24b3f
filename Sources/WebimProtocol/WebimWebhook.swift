import ConformJSON

/// One webhook body from Webim, decoded leniently: unknown members are ignored but kept in `body`,
/// which is exactly what arrived (it becomes the script's `$request.rawRequest`).
///
/// ```swift
/// let body = try WebimWebhook.parse(bytes: bytes, limit: 1 << 20)
/// let hook = try WebimWebhook.decode(body, dialect: .botAPI2)
/// if case .newChat(let chat) = hook.event { chat.visitor.id }
/// ```
public struct WebimWebhook: Sendable, Equatable {
    public var dialect: WebimDialect
    public var event: WebimEvent
    public var body: JSONValue

    public init(dialect: WebimDialect, event: WebimEvent, body: JSONValue) {
        self.dialect = dialect
        self.event = event
        self.body = body
    }

    /// Nesting this deep never occurs in Webim bodies; refusing it early keeps garbage cheap.
    public static let maxDepth = 64

    /// Parses a body's bytes, refusing one larger than `limit` before reading it.
    public static func parse(bytes: [UInt8], limit: Int) throws(WebimProtocolError) -> JSONValue {
        guard bytes.count <= limit else { throw .bodyTooLarge(bytes: bytes.count, limit: limit) }
        do {
            return try JSONParser.parse(bytes: bytes, maxDepth: maxDepth)
        } catch {
            throw .malformedJSON(error)
        }
    }

    /// Decodes a body in `dialect`. The event's shape decides where fields are read from; the
    /// dialect only decides which path an error names when neither shape is there.
    public static func decode(_ body: JSONValue, dialect: WebimDialect) throws(WebimProtocolError) -> WebimWebhook {
        guard dialect.isKnown else { throw .unknownDialect(name: dialect.rawValue, evidence: "the dialect the body was decoded in") }
        let root = try JSONField(body).object(expected: "a JSON object {\"event\": …}")
        let name = try root.required("event", expected: "the event name (a string such as \"new_chat\")").string()
        let event: WebimEvent
        switch name {
        case WebimEvent.newChatName: event = .newChat(try decodeNewChat(root))
        case WebimEvent.newMessageName: event = .newMessage(try decodeNewMessage(root, dialect: dialect))
        default: event = .other(name: name)
        }
        return WebimWebhook(dialect: dialect, event: event, body: body)
    }

    private static func decodeNewChat(_ root: JSONField) throws(WebimProtocolError) -> WebimNewChat {
        let chatID = try chatID(in: root, preferTopLevel: false)
        let visitor = try WebimVisitor.decode(root.required("visitor", expected: "the visitor {\"id\": …}"))
        let location = try root.member("location").map { (field) throws(WebimProtocolError) in try WebimLocation.decode(field) }
        var messages: [WebimMessage]?
        if let list = root.member("messages") {
            messages = []
            for item in try list.elements(expected: "an array of pre-chat messages") {
                messages?.append(try WebimMessage.decode(item))
            }
        }
        return WebimNewChat(chatID: chatID, visitor: visitor, location: location, messages: messages)
    }

    private static func decodeNewMessage(_ root: JSONField, dialect: WebimDialect) throws(WebimProtocolError) -> WebimNewMessage {
        let chatID = try chatID(in: root, preferTopLevel: dialect == .botAPI2)
        let visitor = try root.member("visitor").map { (field) throws(WebimProtocolError) in try WebimVisitor.decode(field) }
        let message: WebimMessage
        if let nested = root.member("message") {
            message = try WebimMessage.decode(nested)  // 2.0
        } else if root.member("kind") != nil {
            message = try WebimMessage.decode(root)    // 1.0: kind/text/response at the top level
        } else if dialect == .botAPI1 {
            throw .missing(path: "kind", expected: "the message kind at the top level (a string such as \"visitor\")")
        } else {
            throw .missing(path: "message", expected: "the message {\"kind\": …, \"text\": …}")
        }
        return WebimNewMessage(chatID: chatID, message: message, visitor: visitor)
    }

    /// The chat id: `chat_id` (2.0 `new_message`) or `chat.id` (`new_chat`, 1.0). Both are accepted
    /// in every event; a missing id is reported at the path the dialect documents.
    private static func chatID(in root: JSONField, preferTopLevel: Bool) throws(WebimProtocolError) -> WebimID {
        if let topLevel = root.member("chat_id") { return try WebimID.decode(topLevel) }
        if let chat = root.member("chat") {
            let object = try chat.object(expected: "an object {\"id\": …}")
            if let id = object.member("id") { return try WebimID.decode(id) }
            if !preferTopLevel { throw .missing(path: "chat.id", expected: "the chat id (an integer or a string)") }
        }
        throw preferTopLevel
            ? .missing(path: "chat_id", expected: "the chat id (an integer or a string)")
            : .missing(path: "chat.id", expected: "the chat id (an integer or a string)")
    }
}
