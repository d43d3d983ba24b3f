import ConformJSON
import WebimChannel
import WebimProtocol

/// A webhook's outcome as the visitor would see it in Webim's widget, plus what only a developer
/// sees: bot messages (buttons numbered from 1, the number a person types to press one), transfers
/// and closes as events, replies Webim cannot show, and a failed turn.
///
/// ```
/// bot: What can I help you with?
///   [1] Track an order
///   [2] Delivery
/// → bot hands the chat to department support
/// ```
public enum TurnRenderer {
    public static func lines(for outcome: WebhookOutcome) -> [ChatLine] {
        var lines: [ChatLine] = []
        var said = false
        for call in outcome.calls {
            switch call.method {
            case .sendMessage(_, let message):
                lines += self.lines(for: message)
                said = true
            case .redirectChat(_, let target): lines.append(ChatLine(.event, "→ bot hands the chat to " + describe(target)))
            case .setCategory(_, let category, let subcategory):
                lines.append(ChatLine(.event, "→ bot sets category \(category)" + (subcategory.map { " / \($0)" } ?? "")))
            case .closeChat: lines.append(ChatLine(.event, "→ bot closes the chat"))
            }
        }
        if outcome.dialect?.dialect == .botAPI1, let reply = try? WebimSyncReply.decode(outcome.webhookResponse.body) {
            switch reply {
            case .answer(let messages):
                for message in messages { lines += self.lines(for: message) }
                said = !messages.isEmpty
            case .noAnswer: lines.append(ChatLine(.event, "→ bot hands the chat to the queue (has_answer: false)"))
            case .empty: break
            }
        }
        if !said, outcome.turn != nil { lines.insert(ChatLine(.bot, "bot says nothing"), at: 0) }
        for skipped in outcome.skipped { lines.append(ChatLine(.warning, "! \(skipped)")) }
        if let refused = outcome.error {
            lines.append(ChatLine(.error, "✗ the webhook was refused: \(refused)"))
            return lines
        }
        let failure = outcome.turn?.error
        // The adapter notes a failed turn too; it is shown once, as an error.
        for note in outcome.notes where failure == nil || !note.hasPrefix("the bot's turn failed") {
            lines.append(ChatLine(.warning, "! \(note)"))
        }
        if let failure { lines.append(ChatLine(.error, "✗ the bot's turn failed: \(failure)")) }
        return lines
    }

    /// One message: text (continuation lines indented under the first), a numbered keyboard, a file.
    public static func lines(for message: WebimOutboundMessage) -> [ChatLine] {
        switch message {
        case .text(let text):
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            return parts.enumerated().map { index, part in ChatLine(.bot, (index == 0 ? "bot: " : "     ") + part) }
        case .keyboard(let rows):
            return rows.joined().enumerated().map { index, button in ChatLine(.bot, "  [\(index + 1)] \(button.text)") }
        case .file(let file):
            return [ChatLine(.bot, "bot sends a file \(file.name) (\(file.mediaType)): \(file.url)")]
        }
    }

    static func describe(_ target: WebimRedirectTarget) -> String {
        switch target {
        case .operator(let id): "agent \(id.text)"
        case .department(let key): "department \(key)"
        case .queue: "the queue"
        }
    }
}
