import ConformJSON
import WebimProtocol

/// One bot reply (`$response.replies[i]`) → messages, a chat control, or a reason it is not sent.
/// The table is on `WebimOutbound`.
enum ReplyMapping {
    enum Output: Equatable {
        case messages([WebimOutboundMessage])
        case control(ChatControl)
        case skipped(String)
    }

    static func map(_ reply: JSONValue) -> Output {
        let type = reply["type"]?.stringValue ?? ""
        switch type {
        case "text":
            guard let text = reply["text"]?.stringValue else { return .skipped("a text reply without a `text` string") }
            return .messages([.text(text)])
        case "buttons", "inlineButtons":
            let texts = (reply["buttons"]?.arrayValue ?? []).compactMap { $0.stringValue ?? $0["text"]?.stringValue }
            guard !texts.isEmpty else { return .skipped("a \(type) reply without button texts") }
            let ids = WebimButtonID.make(for: texts)
            return .messages([.keyboard(zip(ids, texts).map { [WebimButton(id: $0, text: $1)] })])
        case "image", "audio", "video", "file":
            guard let url = reply[type + "Url"]?.stringValue, !url.isEmpty else {
                return .skipped("a \(type) reply without `\(type)Url`")
            }
            let ownName = reply[type + "Name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            let name = ownName ?? WebimMediaType.lastPathComponent(of: url) ?? type
            var messages: [WebimOutboundMessage] = [.file(WebimFile(url: url, name: name, mediaType: WebimMediaType.guess(url: url, name: name)))]
            // file_operator carries no caption: a caption is sent as the next message instead of lost.
            if let caption = reply["text"]?.stringValue, !caption.isEmpty { messages.append(.text(caption)) }
            return .messages(messages)
        case "switch":
            return .control(.redirect(redirectTarget(
                operatorID: firstValue(reply, ["operatorId", "operator_id"]),
                department: firstValue(reply, ["departmentKey", "department_key", "destination"]))))
        case "timeout":
            return .skipped("Webim has no timer the bot can set; JAICP's timeout reply is not sent on this channel")
        case "":
            return .skipped("a reply without a `type`")
        default:
            return .skipped("reply type '\(type)' has no Webim form")
        }
    }

    /// The first of `keys` holding a non-empty string or a number.
    static func firstValue(_ object: JSONValue, _ keys: [String]) -> JSONValue? {
        for key in keys {
            switch object[key] {
            case .string(let text) where !text.isEmpty: return .string(text)
            case .number(let number): return .number(number)
            default: continue
            }
        }
        return nil
    }

    static func redirectTarget(operatorID: JSONValue?, department: JSONValue?) -> WebimRedirectTarget {
        if let operatorID { return .operator(webimID(operatorID)) }
        if let department { return .department(department.stringValue ?? department.description) }
        return .queue
    }

    /// Webim's operator ids are integers; scripts often write them as strings ("240001"): a string of
    /// digits is sent as the integer, anything else as the string given.
    static func webimID(_ value: JSONValue) -> WebimID {
        switch value {
        case .number(let number): if let int = number.exactInt { return .integer(int) }
        case .string(let text): if !text.isEmpty, text.allSatisfy(\.isASCII), let int = Int(text), String(int) == text { return .integer(int) }
        default: break
        }
        return .string(value.stringValue ?? value.description)
    }
}
