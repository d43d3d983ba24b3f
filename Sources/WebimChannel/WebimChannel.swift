import BotRuntime
import ConformJSON
import WebimProtocol

/// The Webim channel adapter of JAICP's "Webim (Custom Channel API)" channel, in process: one
/// webhook in, the HTTP answer, the bot's API calls and the turn out. It owns the chats (chat id →
/// conversation, visitor, dialect); conversations are made by the caller's factory, so replay can
/// give them its engine and options. No HTTP here: `conform serve` and replay both drive `handle`.
///
/// ```swift
/// var channel = WebimChannel { _ in try Conversation(bot: bot, engine: engine) }
/// let outcome = channel.handle(path: "/", headers: ["x-bot-api-version": "2.0"],
///                              body: Array(#"{"event": "new_chat", "chat": {"id": 1}, "visitor": {"id": "v1"}}"#.utf8),
///                              time: 1_764_064_800_000)
/// outcome.webhookResponse   // 200 {"result":"ok"}
/// outcome.calls.map(\.name) // one "send_message" per reply, then any redirect/close
/// ```
public struct WebimChannel {
    /// Makes the conversation of a chat starting a session. A `Conversation` resets the engine it is
    /// given, so chats open at the same time each need their own engine.
    public typealias ConversationFactory = (WebimID) throws -> Conversation

    public var configuration: WebimChannelConfiguration
    public private(set) var sessions: [WebimID: ChatSession] = [:]
    private let makeConversation: ConversationFactory

    public init(configuration: WebimChannelConfiguration = WebimChannelConfiguration(),
                makeConversation: @escaping ConversationFactory) {
        self.configuration = configuration
        self.makeConversation = makeConversation
    }

    /// The conversation of an open chat (for snapshots after a turn).
    public func conversation(for chatID: WebimID) -> Conversation? { sessions[chatID]?.conversation }

    /// Handles one webhook as received over HTTP: the body's bytes are size-checked, then parsed.
    /// `time` is when it arrived (epoch milliseconds): the bot's clock reads it. `beforeTurn` runs
    /// on the chat's conversation just before the turn (replay queues random draws and `$http` mocks).
    public mutating func handle(method: String = "POST", path: String, headers: [String: String], body: [UInt8],
                                time: Double, beforeTurn: (Conversation) -> Void = { _ in }) -> WebhookOutcome {
        if let refused = refuseMethod(method) { return refused }
        let json: JSONValue
        do {
            json = try WebimWebhook.parse(bytes: body, limit: configuration.maxBodyBytes)
        } catch {
            return refusal(.badRequest(error))
        }
        return handle(method: method, path: path, headers: headers, json: json, time: time, beforeTurn: beforeTurn)
    }

    /// Handles one webhook whose body is already JSON (a recording's `webhook.request.body`); no size
    /// check, as it was read already.
    public mutating func handle(method: String = "POST", path: String, headers: [String: String], json body: JSONValue,
                                time: Double, beforeTurn: (Conversation) -> Void = { _ in }) -> WebhookOutcome {
        if let refused = refuseMethod(method) { return refused }
        let detection = resolveDialect(headers: headers, path: path, body: body)
        let webhook: WebimWebhook
        do throws(WebimProtocolError) {
            guard detection.dialect.isKnown else {
                throw .unknownDialect(name: detection.dialect.rawValue, evidence: detection.evidence)
            }
            webhook = try WebimWebhook.decode(body, dialect: detection.dialect)
        } catch {
            var outcome = refusal(.badRequest(error))
            outcome.dialect = detection
            return outcome
        }

        let chatID = webhook.event.chatID
        let existing = chatID.flatMap { sessions[$0] }
        let inbound = WebimInbound.map(webhook, chatIsOpen: existing != nil, knownVisitorID: existing?.visitorID,
                                       configuration: configuration, time: time)
        var outcome = WebhookOutcome(webhookResponse: WebimOutbound.noTurnResponse(dialect: detection.dialect,
                                                                                   configuration: configuration))
        outcome.chatID = chatID
        outcome.dialect = detection
        outcome.webhook = webhook
        outcome.notes = inbound.notes + (inbound.reason.map { [$0] } ?? [])
        guard let request = inbound.request, let chatID else { return outcome }

        var session: ChatSession
        do {
            session = try self.session(chatID, existing: existing, start: inbound.session, dialect: detection.dialect)
        } catch {
            outcome.webhookResponse = WebhookResponse(status: error.status, body: error.body)
            outcome.error = error
            outcome.notes.append(error.description)
            return outcome
        }
        session.visitorID = Self.visitorID(of: webhook.event) ?? session.visitorID ?? request.channelUserId

        beforeTurn(session.conversation)
        let turn = session.conversation.process(request)
        session.turns += 1
        if let failure = turn.error { outcome.notes.append("the bot's turn failed: \(failure)") }
        for handled in turn.handledErrors { outcome.notes.append("an error was handled by the bot's \(handled)") }

        let output = WebimOutbound.render(WebimOutboundPlan(turn: turn), chatID: chatID, dialect: detection.dialect,
                                          webimVersion: WebimDialect.header(WebimDialect.webimVersionHeader, in: headers),
                                          configuration: configuration)
        if output.calls.contains(where: { $0.name == "close_chat" }) { session.closed = true }
        sessions[chatID] = session

        outcome.webhookResponse = output.webhookResponse
        outcome.calls = output.calls
        outcome.turn = turn
        outcome.request = request
        outcome.session = inbound.session
        outcome.skipped = output.skipped
        outcome.notes += output.notes
        return outcome
    }

    /// The chat's session: the open one, or a new one with a fresh conversation from the factory.
    private func session(_ chatID: WebimID, existing: ChatSession?, start: ChatSessionStart,
                         dialect: WebimDialect) throws(WebimChannelError) -> ChatSession {
        var session: ChatSession
        if let existing, !start.startsConversation {
            session = existing
        } else {
            do {
                session = ChatSession(chatID: chatID, conversation: try makeConversation(chatID), visitorID: nil,
                                      dialect: dialect, start: start)
            } catch {
                throw .sessionStartFailed(chat: chatID, reason: "\(error)")
            }
        }
        session.dialect = dialect
        return session
    }

    private static func visitorID(of event: WebimEvent) -> String? {
        switch event {
        case .newChat(let chat): chat.visitor.id
        case .newMessage(let message): message.visitor?.id
        case .other: nil
        }
    }

    /// The seed of a chat's conversation (its `Math.random`, and draws a recording does not list):
    /// FNV-1a of the chat id's text mixed with `base`. Every path a chat takes — `serve`, `record`,
    /// `chat --record`, replay in process or over HTTP — seeds from the chat id it sees in the webhooks,
    /// so a recording replays with the numbers it was made with, wherever its file is and whatever
    /// it is called.
    public static func conversationSeed(base: UInt64, chat: WebimID) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ base
        for byte in chat.text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Forgets a chat (its conversation is released).
    public mutating func endSession(_ chatID: WebimID) {
        sessions[chatID] = nil
    }

    /// The configuration's forced dialect, else what the request says, else the chat's earlier
    /// dialect, else the configured default — each with the evidence.
    func resolveDialect(headers: [String: String], path: String, body: JSONValue) -> DialectDetection {
        if let forced = configuration.dialect {
            return DialectDetection(dialect: forced, source: .configuration, evidence: "the configuration")
        }
        if let detected = WebimDialect.detect(headers: headers, path: path, body: body) { return detected }
        if let chatID = Self.peekChatID(body), let session = sessions[chatID] {
            return DialectDetection(dialect: session.dialect, source: .chat, evidence: "chat \(chatID)'s earlier requests")
        }
        return DialectDetection(dialect: configuration.defaultDialect, source: .default,
                                evidence: "no version header, /v1 /v2 path or telling body shape: the default")
    }

    /// The chat id, read loosely only to look up the chat's dialect (decoding checks it properly).
    private static func peekChatID(_ body: JSONValue) -> WebimID? {
        switch body["chat_id"] ?? body["chat"]?["id"] {
        case .string(let text)?: .string(text)
        case .number(let number)?: number.exactInt.map { .integer($0) }
        default: nil
        }
    }

    private func refuseMethod(_ method: String) -> WebhookOutcome? {
        method.uppercased() == "POST" ? nil : refusal(.methodNotAllowed(method))
    }

    private func refusal(_ error: WebimChannelError) -> WebhookOutcome {
        var outcome = WebhookOutcome(webhookResponse: WebhookResponse(status: error.status, body: error.body))
        outcome.error = error
        outcome.notes = [error.description]
        return outcome
    }
}
