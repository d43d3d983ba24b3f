import ConformJSON
import OrderedCollections

/// Builds the webhook requests Webim sends, in the documented shapes of each dialect
/// (webim-protocol.md §2): what a simulator posts and what an in-process recording feeds the bot.
public struct WebhookBuilder: Sendable {
    public var dialect: WebimDialect
    public var chatID: WebimID
    public var visitorID: String
    public var visitorFields: JSONValue?
    public var location: String?
    private var messageCounter = 0

    public init(dialect: WebimDialect, chatID: WebimID, visitorID: String, visitorFields: JSONValue? = nil, location: String? = nil) {
        self.dialect = dialect
        self.chatID = chatID
        self.visitorID = visitorID
        self.visitorFields = visitorFields
        self.location = location
    }

    /// Headers Webim 10.5 sends.
    public var headers: [(String, String)] {
        [("content-type", "application/json"), ("x-bot-api-dialect", "Webim Standard"),
         ("x-bot-api-version", dialect == .botAPI1 ? "1.0" : "2.0"), ("x-webim-version", "10.5.62")]
    }

    private mutating func nextMessageID() -> String {
        messageCounter += 1
        return "m\(messageCounter)"
    }

    private var visitor: JSONValue {
        var v: OrderedDictionary<String, JSONValue> = ["id": .string(visitorID)]
        if let visitorFields { v["fields"] = visitorFields }
        return .object(v)
    }

    /// `new_chat`, with the visitor's pre-chat messages when there are any.
    public mutating func newChat(messages: [String] = []) -> JSONValue {
        var body: OrderedDictionary<String, JSONValue> = ["event": "new_chat", "chat": ["id": chatID.json], "visitor": visitor]
        if let location { body["location"] = ["address": .string(location)] }
        if !messages.isEmpty {
            var list: [JSONValue] = []
            for text in messages {
                list.append(["id": .string(nextMessageID()), "kind": "visitor", "text": .string(text)])
            }
            body["messages"] = .array(list)
        }
        return .object(body)
    }

    /// `new_message` with a visitor's text.
    public mutating func text(_ text: String) -> JSONValue {
        let id = nextMessageID()
        if dialect == .botAPI1 {
            return ["event": "new_message", "chat": ["id": chatID.json], "kind": "visitor", "text": .string(text)]
        }
        return ["event": "new_message", "chat_id": chatID.json, "message": ["id": .string(id), "kind": "visitor", "text": .string(text)]]
    }

    /// A click on a keyboard button (`keyboard_response`).
    public mutating func click(buttonID: String, text: String, keyboardMessageID: String?) -> JSONValue {
        let id = nextMessageID()
        let button: JSONValue = ["id": .string(buttonID), "text": .string(text)]
        if dialect == .botAPI1 {
            return ["event": "new_message", "chat": ["id": chatID.json], "kind": "keyboard_response", "response": ["button": button]]
        }
        var data: OrderedDictionary<String, JSONValue> = ["button": button]
        if let keyboardMessageID { data["request"] = ["messageId": .string(keyboardMessageID)] }
        return ["event": "new_message", "chat_id": chatID.json,
                "message": ["id": .string(id), "kind": "keyboard_response", "data": .object(data)]]
    }

    /// A visitor's file (`file_visitor`).
    public mutating func file(_ file: JSONValue) -> JSONValue {
        let id = nextMessageID()
        if dialect == .botAPI1 {
            return ["event": "new_message", "chat": ["id": chatID.json], "kind": "file_visitor", "data": file]
        }
        return ["event": "new_message", "chat_id": chatID.json, "message": ["id": .string(id), "kind": "file_visitor", "data": file]]
    }
}
