import ConformJSON
import OrderedCollections
import Recording

/// Calls read from Webim's chat history (`"source": "history"`) show what the visitor saw, not the
/// HTTP the bot sent: Webim stores messages, not redirects or categories, and gives buttons its own
/// ids. So they are compared with the bot's `send_message` calls only, and only by what history
/// keeps faithfully: the message kind, its text, and the buttons' texts row by row.
struct HistoryComparison {
    let comparator: JSONComparator

    func differences(_ expected: [Exchange], _ actual: [DrivenCall], base: String) -> [Difference] {
        let sent = actual.filter { $0.path.hasSuffix("/send_message") }
        var differences: [Difference] = []
        if expected.count != sent.count {
            differences.append(Difference(path: "\(base).calls", expected: .number(JSONNumber(expected.count)),
                                          actual: .number(JSONNumber(sent.count)),
                                          note: "number of messages: Webim's history shows \(expected.count), the bot sent \(sent.count)"))
        }
        for i in 0..<max(expected.count, sent.count) {
            let path = "\(base).calls[\(i)].request.body.message"
            guard i < expected.count else {
                differences.append(Difference(path: path, expected: nil, actual: Self.visible(sent[i].body["message"]),
                                              note: "an extra message"))
                continue
            }
            guard i < sent.count else {
                differences.append(Difference(path: path, expected: Self.visible(expected[i].request.body?["message"]), actual: nil,
                                              note: "a missing message"))
                continue
            }
            differences += comparator.compare(expected: Self.visible(expected[i].request.body?["message"]),
                                              actual: Self.visible(sent[i].body["message"]), at: path)
        }
        return differences
    }

    /// What the visitor sees of a message: `{kind, text?, buttons?: [[text]]}`.
    static func visible(_ message: JSONValue?) -> JSONValue {
        var visible = OrderedDictionary<String, JSONValue>()
        visible["kind"] = message?["kind"] ?? .null
        if let text = message?["text"] { visible["text"] = text }
        let rows = message?["buttons"]?.arrayValue ?? message?["data"]?["buttons"]?.arrayValue
        if let rows {
            visible["buttons"] = .array(rows.map { row in .array((row.arrayValue ?? []).map { $0["text"] ?? .null }) })
        }
        return .object(visible)
    }
}
