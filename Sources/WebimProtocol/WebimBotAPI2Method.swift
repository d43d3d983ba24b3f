import ConformJSON

/// A call the bot makes to Webim's External Bot API 2.0: `POST https://<domain>/api/bot/v2/<name>`.
/// `body` carries exactly the documented fields — no extra ids or timestamps — so a replayed call
/// compares equal to a recorded one.
///
/// ```swift
/// let call = WebimBotAPI2Method.sendMessage(chatID: .integer(1), message: .text("Hello"))
/// call.path   // "/api/bot/v2/send_message"
/// call.body   // {"chat_id": 1, "message": {"kind": "operator", "text": "Hello"}}
/// ```
public enum WebimBotAPI2Method: Sendable, Equatable {
    case sendMessage(chatID: WebimID, message: WebimOutboundMessage)
    case redirectChat(chatID: WebimID, target: WebimRedirectTarget)
    case closeChat(chatID: WebimID)
    case setCategory(chatID: WebimID, category: String, subcategory: String?)

    public static let pathPrefix = "/api/bot/v2/"
    /// What the bot's webhook answers Webim in this dialect; the work happens in the calls.
    public static let webhookAcknowledgement: JSONValue = ["result": "ok"]

    public var name: String {
        switch self {
        case .sendMessage: "send_message"
        case .redirectChat: "redirect_chat"
        case .closeChat: "close_chat"
        case .setCategory: "set_category"
        }
    }

    public var path: String { Self.pathPrefix + name }

    public var chatID: WebimID {
        switch self {
        case .sendMessage(let id, _), .redirectChat(let id, _), .closeChat(let id), .setCategory(let id, _, _): id
        }
    }

    public var body: JSONValue {
        var body: JSONValue = ["chat_id": chatID.json]
        switch self {
        case .sendMessage(_, let message):
            body["message"] = message.json
        case .redirectChat(_, let target):
            switch target {
            case .operator(let id): body["operator_id"] = id.json
            case .department(let key): body["dep_key"] = .string(key)
            case .queue: break
            }
        case .closeChat:
            break
        case .setCategory(_, let category, let subcategory):
            body["category"] = .string(category)
            if let subcategory { body["subcategory"] = .string(subcategory) }
        }
        return body
    }

    /// Reads a call by its method name and body (for checking a bot's calls against the protocol).
    /// Unknown members are ignored; a missing or mistyped documented one is an error naming it.
    public static func decode(name: String, body: JSONValue) throws(WebimProtocolError) -> WebimBotAPI2Method {
        let root = try JSONField(body).object(expected: "a JSON object {\"chat_id\": …}")
        let chatID = try WebimID.decode(root.required("chat_id", expected: "the chat id (an integer or a string)"))
        switch name {
        case "send_message":
            return .sendMessage(chatID: chatID,
                                message: try WebimOutboundMessage.decode(root.required("message", expected: "the message {\"kind\": …}")))
        case "redirect_chat":
            if let operatorID = root.member("operator_id") {
                return .redirectChat(chatID: chatID, target: .operator(try WebimID.decode(operatorID)))
            }
            if let department = root.member("dep_key") {
                return .redirectChat(chatID: chatID, target: .department(try department.string(expected: "the department key (a string)")))
            }
            return .redirectChat(chatID: chatID, target: .queue)
        case "close_chat":
            return .closeChat(chatID: chatID)
        case "set_category":
            return .setCategory(chatID: chatID,
                                category: try root.required("category", expected: "the category (a string)").string(),
                                subcategory: try root.optionalString("subcategory"))
        default:
            throw .invalidValue(path: "", expected: "one of the methods send_message, redirect_chat, close_chat, set_category",
                                found: "the method \"\(name)\"")
        }
    }

    /// The method named by a call's path (`/api/bot/v2/send_message` → `send_message`), if it is one.
    public static func methodName(fromPath path: String) -> String? {
        // Searched in the UTF-8 bytes: the generic string search was a visible part of replaying a turn.
        let bytes = Array(path.utf8), prefix = Array(pathPrefix.utf8)
        guard bytes.count > prefix.count,
              let start = (0...(bytes.count - prefix.count)).first(where: { bytes[$0..<($0 + prefix.count)].elementsEqual(prefix) })
        else { return nil }
        let name = bytes[(start + prefix.count)...].prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "/") }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }
}

/// Where `redirect_chat` sends a chat.
public enum WebimRedirectTarget: Sendable, Equatable {
    /// `operator_id`: one agent.
    case `operator`(WebimID)
    /// `dep_key`: a department.
    case department(String)
    /// No target: the general queue (Webim ≥ 10.4).
    case queue
}
