import ConformJSON
import Recording
import Reporting
import WebimProtocol

/// A replayed turn in chat terms for the HTML report: Webim's webhook bodies, `send_message` /
/// `redirect_chat` / `close_chat` / `set_category` calls and bot-api-1 replies become bubbles, buttons
/// and events, so Reporting draws a conversation without knowing Webim.
enum ChatTranscript {
    /// A turn the bot ran: the recorded calls and answer are the expected side, today's the actual.
    /// The visitor's side is read from the recorded webhook (the event's shape decides how; the
    /// dialect only names paths in errors).
    static func turn(number: Int, recorded: Recording.Turn, driven: DrivenTurn, dialect: String?,
                     differences: [Difference], base: String) -> ReportedTurn {
        let webhook = decode(recorded.webhook.request.body, dialect: dialect)
        var notes = driven.notes
        if let error = driven.turn?.error { notes.append("the bot failed in this turn: \(error)") }
        let expected = recorded.calls.map { bot(call: $0.request.path, body: $0.request.body ?? .null) }
            + answer(status: recorded.webhook.response?.status, body: recorded.webhook.response?.body)
        let actual = driven.calls.map { bot(call: $0.path, body: $0.body) }
            + answer(status: driven.response.status, body: driven.response.body)
        return ReportedTurn(number: number, time: recorded.at, visitor: visitor(webhook, raw: recorded.webhook.request.body),
                            expected: expected, actual: actual,
                            variables: variables(differences, base: base + ".expect"), notes: notes)
    }

    /// A turn whose recorded webhook failed, so replay did not feed it.
    static func notFed(number: Int, recorded: Recording.Turn, dialect: String?, error: String) -> ReportedTurn {
        ReportedTurn(number: number, time: recorded.at,
                     visitor: visitor(decode(recorded.webhook.request.body, dialect: dialect), raw: recorded.webhook.request.body),
                     expected: [], actual: [], notes: ["not fed to the bot — the recorded webhook failed: \(error)"])
    }

    static func decode(_ body: JSONValue?, dialect: String?) -> WebimWebhook? {
        guard let body else { return nil }
        return try? WebimWebhook.decode(body, dialect: WebimDialect(dialect ?? WebimDialect.botAPI2.rawValue))
    }

    // MARK: The visitor's side

    static func visitor(_ webhook: WebimWebhook?, raw: JSONValue?) -> [ChatItem] {
        guard let webhook else { return raw.map { [.raw(JSONWriter.compact($0))] } ?? [] }
        switch webhook.event {
        case .newChat(let chat):
            guard let messages = chat.messages, !messages.isEmpty else { return [.event("the visitor opens the chat")] }
            return [.event("the visitor opens the chat with \(messages.count) pre-chat message\(messages.count == 1 ? "" : "s")")]
                + messages.map(visitor)
        case .newMessage(let message):
            return [visitor(message.message)]
        case .other(let name):
            return [.event("Webim event \(name)")]
        }
    }

    static func visitor(_ message: WebimMessage) -> ChatItem {
        switch message.content {
        case .visitor: return .text(message.text ?? "")
        case .keyboardResponse(let click): return .buttons([[click.buttonText ?? click.buttonID]])
        case .fileVisitor(let file): return .file(name: file.name ?? file.url, url: file.url)
        case .other: return .raw(JSONWriter.compact(message.json))
        }
    }

    // MARK: The bot's side

    /// One bot-api-2 call as the chat shows it.
    static func bot(call path: String, body: JSONValue) -> ChatItem {
        guard let name = WebimBotAPI2Method.methodName(fromPath: path),
              let method = try? WebimBotAPI2Method.decode(name: name, body: body) else {
            return .raw("\(path) \(JSONWriter.compact(body))")
        }
        switch method {
        case .sendMessage(_, let message): return item(message)
        case .redirectChat(_, .operator(let id)): return .event("transfers the chat to operator \(id.text)")
        case .redirectChat(_, .department(let key)): return .event("transfers the chat to department \(key)")
        case .redirectChat(_, .queue): return .event("transfers the chat to the queue")
        case .closeChat: return .event("closes the chat")
        case .setCategory(_, let category, let subcategory):
            return .event("sets category \(category)" + (subcategory.map { " / \($0)" } ?? ""))
        }
    }

    static func item(_ message: WebimOutboundMessage) -> ChatItem {
        switch message {
        case .text(let text): .text(text)
        case .keyboard(let rows): .buttons(rows.map { $0.map(\.text) })
        case .file(let file): .file(name: file.name, url: file.url)
        }
    }

    /// The webhook's answer: bot-api-1 messages, a hand-over, or an HTTP error; bot-api-2's plain
    /// acknowledgement shows nothing.
    static func answer(status: Int?, body: JSONValue?) -> [ChatItem] {
        guard let status else { return [] }
        guard (200..<300).contains(status) else {
            return [.event("the webhook answers HTTP \(status)" + (body.map { " \(JSONWriter.compact($0))" } ?? ""))]
        }
        guard let body, body != WebimBotAPI2Method.webhookAcknowledgement else { return [] }
        switch try? WebimSyncReply.decode(body) {
        case .answer(let messages)?: return messages.map(item)
        case .noAnswer?: return [.event("gives the chat to the queue (has_answer: false)")]
        case .empty?: return []
        case nil: return [.raw(JSONWriter.compact(body))]
        }
    }

    // MARK: Variables

    /// `expect.state` / `expect.session.x` / `expect.client.y` differences as `state`, `$session.x`, `$client.y`.
    static func variables(_ differences: [Difference], base: String) -> [VariableDifference] {
        let names = [("\(base).state", "state"), ("\(base).session", "$session"), ("\(base).client", "$client")]
        return differences.compactMap { difference in
            for (prefix, name) in names where difference.path.hasPrefix(prefix) {
                return VariableDifference(name: name + difference.path.dropFirst(prefix.count),
                                          expected: difference.expected.map(JSONWriter.compact),
                                          actual: difference.actual.map(JSONWriter.compact))
            }
            return nil
        }
    }
}
