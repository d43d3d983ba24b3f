import ConformJSON
import Recording

/// What happened in a replayed turn, for people: the visitor's side, the bot's replies, the calls.
enum Transcript {
    static func lines(for outcome: DrivenTurn, turn: Int, request: HTTPRequestRecord) -> [String] {
        var lines: [String] = []
        lines.append("turn \(turn) · \(request.method) \(request.path)" + (outcome.asked.map { " · \($0)" } ?? ""))
        for note in outcome.notes { lines.append("  note: \(note)") }
        if let turnResult = outcome.turn {
            for reply in turnResult.replies {
                let type = reply["type"]?.stringValue ?? "?"
                let state = reply["state"]?.stringValue.map { " [\($0)]" } ?? ""
                switch type {
                case "text": lines.append("  bot\(state): \(reply["text"]?.stringValue ?? "")")
                case "buttons", "inlineButtons":
                    let texts = reply["buttons"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
                    lines.append("  bot\(state): buttons " + texts.map { "[\($0)]" }.joined(separator: " "))
                default: lines.append("  bot\(state): \(type) \(JSONWriter.compact(reply))")
                }
            }
            if let state = turnResult.state { lines.append("  state after the turn: \(state)") }
        }
        lines.append("  webhook answered \(outcome.response.status) \(JSONWriter.compact(outcome.response.body))")
        for call in outcome.calls { lines.append("  → \(call.method) \(call.path) \(JSONWriter.compact(call.body))") }
        for skipped in outcome.skipped { lines.append("  not sent: \(skipped)") }
        return lines
    }
}
