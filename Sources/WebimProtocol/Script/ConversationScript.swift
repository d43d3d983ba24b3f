import ConformJSON

/// A scripted Webim conversation: what a visitor does, step by step. `conform record --bot … --script`
/// plays it in process to make a recording; a Webim simulator plays the same steps over HTTP.
///
/// ```yaml
/// name: pre-chat messages are combined into one query
/// dialect: bot-api-2          # or bot-api-1
/// chat: 1                     # the chat id (a number, or a string such as a UUID)
/// visitor: {id: v-1, fields: {name: Anna}}
/// location: https://shop.example.com/delivery
/// start: 2026-11-25T10:00:00Z
/// steps:
///   - open                                   # new_chat without messages
///   - prechat: ["hi", "where is my order"]   # new_chat with the visitor's pre-chat messages
///   - say: track 123                         # new_message, kind visitor
///   - click: Delivery                        # keyboard_response to the last keyboard's button
///   - file: {url: "https://…/t.txt", name: t.txt, media_type: text/plain, size: 24}
///   - wait: 30                               # seconds before the next step (default 5)
/// ```
public struct ConversationScript: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        case open
        case prechat([String])
        case say(String)
        case click(String)
        case file(JSONValue)
        case wait(Double)
    }

    public var name: String?
    public var dialect: WebimDialect
    public var chatID: WebimID
    public var visitorID: String
    public var visitorFields: JSONValue?
    public var location: String?
    /// ISO 8601 start time (the first step's time).
    public var start: String?
    public var steps: [Step]

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Where in the script (`steps[2]`).
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    public init(json: JSONValue) throws(Problem) {
        guard case .object = json else { throw Problem(path: "$", message: "a script is a mapping with `steps:`") }
        name = json["name"]?.stringValue
        let dialectName = json["dialect"]?.stringValue ?? WebimDialect.botAPI2.rawValue
        dialect = WebimDialect(dialectName)
        guard dialect.isKnown else {
            throw Problem(path: "dialect", message: "must be one of \(WebimDialect.known.map(\.rawValue).joined(separator: ", ")), found \(dialectName)")
        }
        switch json["chat"] {
        case nil: chatID = .integer(1)
        case .number(let n)?: guard let i = n.exactInt else { throw Problem(path: "chat", message: "must be a whole number or a string") }
            chatID = .integer(i)
        case .string(let s)?: chatID = .string(s)
        default: throw Problem(path: "chat", message: "must be a whole number or a string")
        }
        visitorID = json["visitor"]?["id"]?.stringValue ?? "visitor-1"
        visitorFields = json["visitor"]?["fields"]
        location = json["location"]?.stringValue
        start = json["start"]?.stringValue
        guard let items = json["steps"]?.arrayValue, !items.isEmpty else {
            throw Problem(path: "steps", message: "needs at least one step (open, prechat, say, click, file, wait)")
        }
        var steps: [Step] = []
        for (index, item) in items.enumerated() {
            let path = "steps[\(index)]"
            if item.stringValue == "open" { steps.append(.open); continue }
            guard case .object(let members) = item, members.count == 1 else {
                throw Problem(path: path, message: "a step is `open` or one of {prechat|say|click|file|wait: …}")
            }
            let key = members.keys[0]
            let value = members.values[0]
            switch key {
            case "prechat":
                guard let texts = value.arrayValue?.compactMap({ $0.stringValue }), !texts.isEmpty else {
                    throw Problem(path: "\(path).prechat", message: "must be a list of texts")
                }
                steps.append(.prechat(texts))
            case "say":
                guard let text = value.stringValue else { throw Problem(path: "\(path).say", message: "must be a text") }
                steps.append(.say(text))
            case "click":
                guard let text = value.stringValue else { throw Problem(path: "\(path).click", message: "must be a button's text") }
                steps.append(.click(text))
            case "file":
                guard case .object = value, value["url"]?.stringValue != nil else {
                    throw Problem(path: "\(path).file", message: "must be {url, name, media_type, size}")
                }
                steps.append(.file(value))
            case "wait":
                guard let seconds = value.doubleValue, seconds >= 0 else {
                    throw Problem(path: "\(path).wait", message: "must be a number of seconds")
                }
                steps.append(.wait(seconds))
            default:
                throw Problem(path: path, message: "unknown step `\(key)` (open, prechat, say, click, file, wait)")
            }
        }
        self.steps = steps
    }
}

extension ConversationScript {
    /// The script with each `file:` URL that is only a path (`/api/bot/v2/file/c06?hash=a01`) made
    /// absolute on `account`, as the Webim account it plays would send it.
    public func locatingFiles(on account: WebimAccount) -> ConversationScript {
        var copy = self
        copy.steps = steps.map { step in
            guard case .file(var file) = step, let url = file["url"]?.stringValue, url.hasPrefix("/") else { return step }
            file["url"] = .string(account.baseURL + url)
            return .file(file)
        }
        return copy
    }
}
