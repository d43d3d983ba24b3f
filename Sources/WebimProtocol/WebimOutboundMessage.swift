import ConformJSON

/// A message the bot sends into a chat: the `message` of a 2.0 `send_message` call, or one entry of
/// a 1.0 reply's `messages`. `json` writes exactly the documented fields, in the documented order.
///
/// ```swift
/// WebimOutboundMessage.text("Hello").json   // {"kind": "operator", "text": "Hello"}
/// ```
public enum WebimOutboundMessage: Sendable, Equatable {
    /// `{"kind": "operator", "text": …}`
    case text(String)
    /// `{"kind": "keyboard", "buttons": [[{"id", "text"}], …]}` — rows of buttons.
    case keyboard([[WebimButton]])
    /// `{"kind": "file_operator", "data": {"url", "name", "media_type"}}`
    case file(WebimFile)

    public var kind: String {
        switch self {
        case .text: WebimMessage.Kind.operator
        case .keyboard: WebimMessage.Kind.keyboard
        case .file: WebimMessage.Kind.fileOperator
        }
    }

    public var json: JSONValue {
        switch self {
        case .text(let text):
            return ["kind": .string(kind), "text": .string(text)]
        case .keyboard(let rows):
            return ["kind": .string(kind), "buttons": .array(rows.map { .array($0.map(\.json)) })]
        case .file(let file):
            return ["kind": .string(kind), "data": file.json]
        }
    }

    /// Reads a message a bot sent (for checking a bot's calls against the protocol).
    public static func decode(_ json: JSONValue, path: String = "message") throws(WebimProtocolError) -> WebimOutboundMessage {
        try decode(JSONField(json, path: path))
    }

    static func decode(_ field: JSONField) throws(WebimProtocolError) -> WebimOutboundMessage {
        let object = try field.object(expected: "a message object {\"kind\": …}")
        let kind = try object.required("kind", expected: "\"operator\", \"keyboard\" or \"file_operator\"").string()
        switch kind {
        case WebimMessage.Kind.operator:
            return .text(try object.required("text", expected: "the text to show (a string)").string())
        case WebimMessage.Kind.keyboard:
            var rows: [[WebimButton]] = []
            for row in try object.required("buttons", expected: "rows of buttons [[{\"id\", \"text\"}]]")
                .elements(expected: "an array of rows") {
                var buttons: [WebimButton] = []
                for button in try row.elements(expected: "a row: an array of buttons {\"id\", \"text\"}") {
                    buttons.append(try WebimButton.decode(button))
                }
                rows.append(buttons)
            }
            return .keyboard(rows)
        case WebimMessage.Kind.fileOperator:
            return .file(try WebimFile.decode(object.required("data", expected: "the file {\"url\", \"name\", \"media_type\"}")))
        default:
            throw .invalidValue(path: object.childPath("kind"), expected: "\"operator\", \"keyboard\" or \"file_operator\"",
                                found: "\"\(kind)\"")
        }
    }
}

/// A keyboard button: `{"id": …, "text": …}`.
public struct WebimButton: Sendable, Equatable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }

    public var json: JSONValue { ["id": .string(id), "text": .string(text)] }

    static func decode(_ field: JSONField) throws(WebimProtocolError) -> WebimButton {
        let object = try field.object(expected: "a button {\"id\", \"text\"}")
        return WebimButton(id: try object.required("id", expected: "the button's id (a string)").string(),
                           text: try object.required("text", expected: "the button's text (a string)").string())
    }
}

/// A file the bot sends: `{"url", "name", "media_type"}`.
public struct WebimFile: Sendable, Equatable {
    public var url: String
    public var name: String
    public var mediaType: String

    public init(url: String, name: String, mediaType: String) {
        self.url = url
        self.name = name
        self.mediaType = mediaType
    }

    public var json: JSONValue { ["url": .string(url), "name": .string(name), "media_type": .string(mediaType)] }

    static func decode(_ field: JSONField) throws(WebimProtocolError) -> WebimFile {
        let object = try field.object(expected: "a file {\"url\", \"name\", \"media_type\"}")
        return WebimFile(url: try object.required("url", expected: "the file's URL (a string)").string(),
                         name: try object.required("name", expected: "the file name (a string)").string(),
                         mediaType: try object.required("media_type", expected: "the MIME type (a string)").string())
    }
}
