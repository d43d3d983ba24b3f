import Foundation
import ConformJSON
import WebimProtocol

/// What the webhook answers and which API calls follow, for one turn's plan in one dialect.
public struct WebimOutput: Sendable, Equatable {
    public var webhookResponse: WebhookResponse
    /// bot-api-2 calls, in the order they are made; always empty in bot-api-1.
    public var calls: [WebimAPICall]
    public var skipped: [SkippedOutput]
    public var notes: [String]
}

/// Bot response → Webim outputs. Messages in reply order first, then chat controls (see
/// `WebimOutboundPlan` for why).
///
/// | bot reply / action | Webim |
/// |---|---|
/// | `text` | `{"kind": "operator", "text": …}` |
/// | `buttons`, `inlineButtons` | one `{"kind": "keyboard", "buttons": [[{"id", "text"}], …]}`, one button per row, ids by `WebimButtonID` |
/// | `image`, `audio`, `video`, `file` | `{"kind": "file_operator", "data": {"url", "name", "media_type"}}` (`WebimMediaType`); an image's `text` follows as `operator` |
/// | `switch` | `redirect_chat`: `operatorId`/`operator_id` → `operator_id`, else `departmentKey`/`department_key`/`destination` → `dep_key`, else the queue |
/// | action `redirect_to_operator` / `redirect_to_department` | `redirect_chat` with `operator_id` / `dep_key` (snake_case or camelCase keys) |
/// | action `close_chat` | `set_category` when `category` is given (`sub_category`/`subCategory` → `subcategory`), then `close_chat` |
/// | `timeout`, anything else | not sent; listed in `skipped` with the reason |
///
/// - bot-api-2: the webhook answers `200 {"result": "ok"}`; each message becomes a `send_message`
///   call, then each control its call (`redirect_chat`; `set_category` then `close_chat`). A redirect
///   to the general queue is skipped when `X-Webim-Version` says the account runs Webim < 10.4,
///   unless `forceQueueRedirect` is set.
/// - bot-api-1: no calls; the webhook answers `{"has_answer": true, "messages": [...]}`. Webim
///   documents no redirect or close for 1.0 — only `{"has_answer": false}`, which hands the chat to
///   the queue. So any redirect becomes `{"has_answer": false}` (an operator or department target
///   cannot be expressed and is noted; the turn's messages cannot accompany it and are listed as
///   skipped), and `set_category`/`close_chat` are skipped. A turn with nothing to say answers
///   `silentReplyBotAPI1` (`{"has_answer": true, "messages": []}` by default).
public enum WebimOutbound {
    public static func render(_ plan: WebimOutboundPlan, chatID: WebimID, dialect: WebimDialect,
                              webimVersion: String? = nil, configuration: WebimChannelConfiguration = WebimChannelConfiguration()) -> WebimOutput {
        if dialect == .botAPI1 { return renderBotAPI1(plan, configuration: configuration) }
        return renderBotAPI2(plan, chatID: chatID, webimVersion: webimVersion, configuration: configuration)
    }

    /// What the webhook answers when the request runs no bot turn.
    public static func noTurnResponse(dialect: WebimDialect, configuration: WebimChannelConfiguration) -> WebhookResponse {
        dialect == .botAPI1 ? WebhookResponse(status: 200, body: configuration.silentReplyBotAPI1.json) : .acknowledged
    }

    private static func renderBotAPI2(_ plan: WebimOutboundPlan, chatID: WebimID, webimVersion: String?,
                                      configuration: WebimChannelConfiguration) -> WebimOutput {
        var calls = plan.messages.map { WebimAPICall(.sendMessage(chatID: chatID, message: $0.message)) }
        var skipped = plan.skipped
        for planned in plan.controls {
            switch planned.control {
            case .redirect(let target):
                if target == .queue, !configuration.forceQueueRedirect, let version = webimVersion, isOlderThan10_4(version) {
                    skipped.append(SkippedOutput(source: planned.source, type: "redirect_chat",
                                                 reason: "a redirect to the general queue needs Webim 10.4 or later and X-Webim-Version is \(version); set forceQueueRedirect (conform.yaml) or --force-queue-redirect to send it anyway"))
                    continue
                }
                calls.append(WebimAPICall(.redirectChat(chatID: chatID, target: target)))
            case .setCategory(let category, let subcategory):
                calls.append(WebimAPICall(.setCategory(chatID: chatID, category: category, subcategory: subcategory)))
            case .close:
                calls.append(WebimAPICall(.closeChat(chatID: chatID)))
            }
        }
        return WebimOutput(webhookResponse: .acknowledged, calls: calls, skipped: skipped, notes: [])
    }

    private static func renderBotAPI1(_ plan: WebimOutboundPlan, configuration: WebimChannelConfiguration) -> WebimOutput {
        var skipped = plan.skipped
        var notes: [String] = []
        var transfers = 0
        for planned in plan.controls {
            switch planned.control {
            case .redirect(let target):
                transfers += 1
                switch target {
                case .queue: break
                case .operator(let id):
                    notes.append("bot-api-1 can only hand the chat to the queue: the transfer to operator \(id) (\(planned.source)) goes to the queue")
                case .department(let key):
                    notes.append("bot-api-1 can only hand the chat to the queue: the transfer to department '\(key)' (\(planned.source)) goes to the queue")
                }
            case .setCategory:
                skipped.append(SkippedOutput(source: planned.source, type: "set_category",
                                             reason: "bot-api-1 has no documented way to set a chat's category"))
            case .close:
                skipped.append(SkippedOutput(source: planned.source, type: "close_chat",
                                             reason: "bot-api-1 has no documented way to close a chat"))
            }
        }
        let reply: WebimSyncReply
        if transfers > 0 {
            reply = .noAnswer
            skipped += plan.messages.map {
                SkippedOutput(source: $0.source, type: $0.message.kind,
                              reason: "bot-api-1 transfers with {\"has_answer\": false}, which carries no messages")
            }
        } else if plan.messages.isEmpty {
            reply = configuration.silentReplyBotAPI1
        } else {
            reply = .answer(plan.messages.map(\.message))
        }
        return WebimOutput(webhookResponse: WebhookResponse(status: 200, body: reply.json), calls: [], skipped: skipped, notes: notes)
    }

    /// "10.3.12" → true; "10.4", "11.0.1" → false; unreadable versions are not held against the bot.
    static func isOlderThan10_4(_ version: String) -> Bool {
        let parts = version.trimmingCharacters(in: .whitespaces).split(separator: ".").map { Int($0) }
        guard parts.count >= 1, let major = parts[0] else { return false }
        let minor = parts.count > 1 ? (parts[1] ?? 0) : 0
        return (major, minor) < (10, 4)
    }
}
