import ConformJSON
import Foundation
import OrderedCollections
import Recording
import WebimProtocol

/// Webim's stored messages as the calls a bot would have made to show them: `send_message` with the
/// message as the bot API spells it, marked `"source": "history"` so replay compares only what
/// history keeps (kind, text, buttons). Only the bot's side is taken (visitor messages are the
/// webhooks already recorded); each message joins the latest turn that arrived before it.
enum HistoryMessages {
    /// Kinds a bot's message can have in Webim's history.
    static let botKinds: Set<String> = ["operator", "keyboard", "file_operator"]

    static func calls(_ messages: [JSONValue], chat: String, turns: [(turn: Int, at: String)]) -> [(turn: Int, call: JSONValue)] {
        let turnTimes = turns.compactMap { turn in RecordingTime.milliseconds(turn.at).map { (turn.turn, $0) } }
        guard let first = turnTimes.first else { return [] }
        let chatID: JSONValue = Int(chat).map { .number(JSONNumber($0)) } ?? .string(chat)
        var result: [(turn: Int, call: JSONValue)] = []
        for message in messages {
            guard let kind = message["kind"]?.stringValue, botKinds.contains(kind) else { continue }
            let time = Self.time(of: message)
            let owner = time.flatMap { t in turnTimes.last(where: { $0.1 <= t })?.0 } ?? first.0
            var body = OrderedDictionary<String, JSONValue>()
            body["kind"] = .string(kind)
            switch kind {
            case "keyboard":
                body["buttons"] = message["data"]?["buttons"] ?? message["buttons"] ?? .array([])
            case "file_operator":
                if let data = message["data"] { body["data"] = data }
            default:
                body["text"] = message["text"] ?? .string("")
            }
            let request = HTTPRequestRecord(method: "POST", path: WebimBotAPI2Method.pathPrefix + "send_message",
                                            body: ["chat_id": chatID, "message": .object(body)])
            let at = time.map { RecordingTime.string(milliseconds: $0) }
            result.append((owner, RecordingWriter.exchange(at: at, request: request, response: nil,
                                                           source: Exchange.historySource)))
        }
        return result
    }

    /// `created_at` as ISO 8601, or `ts`/`created_ts` as Unix seconds (or milliseconds).
    static func time(of message: JSONValue) -> Double? {
        if let text = message["created_at"]?.stringValue, let ms = RecordingTime.milliseconds(text) { return ms }
        for key in ["ts", "created_ts", "timestamp"] {
            if let value = message[key]?.doubleValue { return value > 10_000_000_000 ? value : value * 1000 }
        }
        return nil
    }
}
