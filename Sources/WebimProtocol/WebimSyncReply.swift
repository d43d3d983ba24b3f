import ConformJSON

/// What a bot answers in the webhook's HTTP response in External Bot API 1.0.
///
/// ```swift
/// WebimSyncReply.answer([.text("Hi!")]).json   // {"has_answer": true, "messages": [{"kind": "operator", "text": "Hi!"}]}
/// WebimSyncReply.noAnswer.json                 // {"has_answer": false}   (Webim hands the chat to the queue)
/// ```
public enum WebimSyncReply: Sendable, Equatable {
    /// `{"has_answer": true, "messages": [...]}` (messages may be empty).
    case answer([WebimOutboundMessage])
    /// `{"has_answer": false}`: the bot gives the chat up; Webim hands it to the queue.
    case noAnswer
    /// `{}`: a reply Webim's documentation allows, with nothing in it.
    case empty

    public var json: JSONValue {
        switch self {
        case .answer(let messages): ["has_answer": true, "messages": .array(messages.map(\.json))]
        case .noAnswer: ["has_answer": false]
        case .empty: [:]
        }
    }

    public static func decode(_ json: JSONValue) throws(WebimProtocolError) -> WebimSyncReply {
        let root = try JSONField(json).object(expected: "a JSON object {\"has_answer\": …}")
        guard let hasAnswer = root.member("has_answer") else {
            if root.member("messages") == nil { return .empty }
            throw .missing(path: "has_answer", expected: "true when `messages` are given")
        }
        guard case .bool(let answered) = hasAnswer.value else {
            throw .wrongType(path: "has_answer", expected: "a boolean", found: hasAnswer.value.typeName)
        }
        guard answered else { return .noAnswer }
        var messages: [WebimOutboundMessage] = []
        for item in try root.member("messages")?.elements(expected: "an array of messages") ?? [] {
            messages.append(try WebimOutboundMessage.decode(item))
        }
        return .answer(messages)
    }
}

extension WebimSyncReply {
    /// A silent turn's answer by its setting's name (`conform.yaml`'s `silentReply`, `--silent-reply`):
    /// `messages`, `no-answer` or `empty`.
    public init?(setting: String) {
        switch setting {
        case "messages": self = .answer([])
        case "no-answer": self = .noAnswer
        case "empty": self = .empty
        default: return nil
        }
    }
}
