import ConformJSON

/// A message Webim reports: a visitor's text, a click on a keyboard button, a visitor's file, or
/// any other kind (`operator`, `info`, `sticker_visitor`, …) kept with its JSON untouched.
///
/// ```swift
/// // {"id": "m4", "kind": "keyboard_response", "data": {"button": {"id": "b1", "text": "Delivery"}}}
/// if case .keyboardResponse(let click) = message.content { click.text }   // "Delivery"
/// ```
public struct WebimMessage: Sendable, Equatable {
    public var id: String?
    /// The `kind` string as received.
    public var kind: String
    /// `text`, when the message has one.
    public var text: String?
    public var content: Content
    /// The message as received (for 1.0 `new_message`, the whole body, which carries the message's fields).
    public var json: JSONValue

    public init(id: String?, kind: String, text: String?, content: Content, json: JSONValue) {
        self.id = id
        self.kind = kind
        self.text = text
        self.content = content
        self.json = json
    }

    public enum Content: Sendable, Equatable {
        /// `visitor`: what the visitor typed (nil when the message has no text).
        case visitor
        /// `keyboard_response`: a click on a button the bot sent.
        case keyboardResponse(WebimButtonResponse)
        /// `file_visitor`: a file the visitor uploaded.
        case fileVisitor(WebimVisitorFile)
        /// Any other kind; nothing is assumed about its fields.
        case other
    }

    public enum Kind {
        public static let visitor = "visitor"
        public static let keyboardResponse = "keyboard_response"
        public static let fileVisitor = "file_visitor"
        public static let `operator` = "operator"
        public static let keyboard = "keyboard"
        public static let fileOperator = "file_operator"
    }

    /// Reads a message. `response` is where a 1.0 `keyboard_response` keeps its button (top-level
    /// `response`), when the message itself is the body.
    static func decode(_ field: JSONField) throws(WebimProtocolError) -> WebimMessage {
        let object = try field.object(expected: "a message object {\"kind\": …}")
        let kind = try object.required("kind", expected: "the message kind (a string such as \"visitor\")").string()
        let id = try object.member("id")?.identifier()
        let text = try object.member("text")?.string(expected: "the message text (a string)")
        let content: Content
        switch kind {
        case Kind.visitor:
            content = .visitor
        case Kind.keyboardResponse:
            content = .keyboardResponse(try WebimButtonResponse.decode(message: object))
        case Kind.fileVisitor:
            let data = try object.required("data", expected: "the file {\"url\", \"name\", \"media_type\", \"size\"}")
            content = .fileVisitor(try WebimVisitorFile.decode(data))
        default:
            content = .other
        }
        return WebimMessage(id: id, kind: kind, text: text, content: content, json: field.value)
    }
}

/// A `keyboard_response`: the button clicked (`data.button` in 2.0, `response.button` in 1.0) and
/// the keyboard message it answers (`data.request.messageId`).
public struct WebimButtonResponse: Sendable, Equatable {
    public var buttonID: String
    public var buttonText: String?
    /// The button object as received (`{"id": …, "text": …}` and anything else Webim put there).
    public var button: JSONValue
    public var requestMessageID: String?

    public init(buttonID: String, buttonText: String?, button: JSONValue, requestMessageID: String? = nil) {
        self.buttonID = buttonID
        self.buttonText = buttonText
        self.button = button
        self.requestMessageID = requestMessageID
    }

    static func decode(message: JSONField) throws(WebimProtocolError) -> WebimButtonResponse {
        // 2.0 nests the click in `data`, 1.0 in `response`; accept either so a body is never lost to a
        // dialect mix-up, and name the 2.0 path when neither is there.
        let holder = message.member("data") ?? message.member("response")
        guard let holder else {
            throw .missing(path: message.childPath("data.button"), expected: "the button clicked {\"id\", \"text\"}")
        }
        let button = try holder.object(expected: "an object holding `button`")
            .required("button", expected: "the button clicked {\"id\", \"text\"}")
            .object(expected: "a button object {\"id\", \"text\"}")
        let id = try button.required("id", expected: "the button's id").identifier()
        let text = try button.member("text")?.string(expected: "the button's text (a string)")
        let request = try holder.member("request")?.object(expected: "an object {\"messageId\": …}")
        let messageID = try request?.member("messageId")?.identifier()
        return WebimButtonResponse(buttonID: id, buttonText: text, button: button.value, requestMessageID: messageID)
    }
}

/// A visitor's file (`file_visitor` data). `json` keeps the object as received, which is what
/// reaches the script as `$request.data.eventData[0]`.
public struct WebimVisitorFile: Sendable, Equatable {
    public var url: String
    public var name: String?
    public var mediaType: String?
    public var size: Int?
    public var json: JSONValue

    public init(url: String, name: String? = nil, mediaType: String? = nil, size: Int? = nil, json: JSONValue) {
        self.url = url
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.json = json
    }

    static func decode(_ field: JSONField) throws(WebimProtocolError) -> WebimVisitorFile {
        let data = try field.object(expected: "the file {\"url\", \"name\", \"media_type\", \"size\"}")
        let url = try data.required("url", expected: "the file's URL (a string)").string()
        return WebimVisitorFile(url: url, name: try data.optionalString("name"),
                                mediaType: try data.optionalString("media_type"),
                                size: try data.member("size")?.integer(expected: "the size in bytes (an integer)"),
                                json: field.value)
    }
}
