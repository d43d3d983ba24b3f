import BotRuntime
import ConformJSON
import Foundation
import JSEngine
import WebimChannel
import WebimProtocol

/// The bot behind `conform serve`: the channel adapter and every chat's conversation, isolated to
/// one dedicated thread. HTTP handlers on Hummingbird's event loops `await` it; the turn itself
/// (pattern matching, JavaScriptCore) runs on the `TurnThread`, never on an event loop. Each chat
/// gets its own engine, created, used and released on that thread (a `Conversation` resets the
/// engine it is given, so two open chats cannot share one).
///
/// ```swift
/// let host = BotHost(bot: compiled, channel: WebimChannelConfiguration())
/// let served = await host.handle(WebhookRequest(method: "POST", path: "/", headers: headers, body: bytes))
/// served.response.status   // 200
/// await host.shutdown()
/// ```
public actor BotHost {
    private let thread: TurnThread
    private var channel: WebimChannel
    /// When each open chat last had a webhook: idle chats are forgotten after `idleTimeout`.
    private var lastSeen: [WebimID: Date] = [:]
    private let idleTimeout: TimeInterval?
    private let afterWebhook: @Sendable (ServedWebhook) -> Void
    /// Whether each answer carries the turn's `expect` and random draws (`conform record --bot`).
    private let captureExpectations: Bool
    private let director: (any TurnDirector)?
    public let botName: String

    public nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }

    /// - Parameters:
    ///   - options: runtime options; each chat's random draws are seeded from `options.seed` and the
    ///     chat id, so the same conversation gets the same answers on every run.
    ///   - idleTimeout: seconds after which a chat without webhooks is forgotten (nil: never).
    ///   - afterWebhook: runs on the turn thread right after each webhook, in the order webhooks
    ///     were handled: where `serve` logs the webhook and queues its calls, so one chat's calls
    ///     are queued in the order its turns ran.
    ///   - thread: where the turns run (a new `conform-turns` thread unless given).
    ///   - director: decides each turn's clock, draws and mocks instead of the world (replay over HTTP).
    ///   - captureExpectations: fill `ServedWebhook.expectation` (a snapshot of the variables per turn).
    ///   - http: answers the bots' `$http` calls (none is answered unless given: nothing reaches the
    ///     network by default).
    public init(bot: CompiledBot, channel configuration: WebimChannelConfiguration,
                options: RuntimeOptions = RuntimeOptions(), idleTimeout: TimeInterval? = 24 * 3600,
                thread: TurnThread = TurnThread(name: "conform-turns"), captureExpectations: Bool = false,
                director: (any TurnDirector)? = nil, http: (any HTTPMockProvider)? = nil,
                afterWebhook: @escaping @Sendable (ServedWebhook) -> Void = { _ in }) {
        self.thread = thread
        self.captureExpectations = captureExpectations
        botName = bot.project.config.name ?? "bot"
        self.idleTimeout = idleTimeout
        self.afterWebhook = afterWebhook
        self.director = director
        channel = WebimChannel(configuration: configuration) { chatID in
            var chatOptions = options
            chatOptions.seed = WebimChannel.conversationSeed(base: options.seed, chat: chatID)
            if let director { chatOptions = director.options(forNewChat: chatID, default: chatOptions) }
            let conversation = try Conversation(bot: bot, engine: JSEngine(defaultTimeLimit: chatOptions.turnTimeLimit),
                                                options: chatOptions, http: http ?? NoHTTPMocks())
            director?.conversationStarted(conversation, chat: chatID)
            return conversation
        }
    }

    /// Handles one webhook: runs the turn (if any) and answers with everything the HTTP side needs.
    public func handle(_ request: WebhookRequest) -> ServedWebhook {
        let started = ContinuousClock.now
        forgetIdleChats(now: request.receivedAt)
        let directed = director?.turn(for: request)
        let outcome = channel.handle(method: request.method, path: request.path, headers: request.headers, body: request.body,
                                     time: directed?.time ?? request.receivedAt.timeIntervalSince1970 * 1000) { conversation in
            directed?.prepare(conversation)
        }
        directed?.finished(outcome, outcome.chatID.flatMap { channel.conversation(for: $0) })
        // Read before a closing chat's conversation is released below.
        let expectation = captureExpectations ? channel.expectation(for: outcome) : nil
        if let chatID = outcome.chatID, outcome.turn != nil {
            // A closed chat is Webim's again: release its conversation (and engine) at once.
            if channel.sessions[chatID]?.closed == true {
                channel.endSession(chatID)
                lastSeen[chatID] = nil
            } else {
                lastSeen[chatID] = request.receivedAt
            }
        }
        var served = ServedWebhook(outcome, request: request, chats: channel.sessions.count,
                                   duration: ContinuousClock.now - started)
        served.expectation = expectation
        afterWebhook(served)
        return served
    }

    /// Open chats (the health endpoint's `chats`).
    public var chatCount: Int { channel.sessions.count }

    /// Forgets every chat (its conversation is released); the next webhook of a chat starts afresh.
    public func endAllSessions() {
        for chatID in channel.sessions.keys { channel.endSession(chatID) }
        lastSeen = [:]
    }

    /// Releases every conversation on the turn thread, then lets the thread end.
    public func shutdown() {
        for chatID in channel.sessions.keys { channel.endSession(chatID) }
        lastSeen = [:]
        thread.stop()
    }

    private func forgetIdleChats(now: Date) {
        guard let idleTimeout else { return }
        for (chatID, seen) in lastSeen where now.timeIntervalSince(seen) > idleTimeout {
            channel.endSession(chatID)
            lastSeen[chatID] = nil
        }
    }

}

/// One webhook as it came over HTTP.
public struct WebhookRequest: Sendable {
    public var method: String
    public var path: String
    /// Lower-cased names.
    public var headers: [String: String]
    public var body: [UInt8]
    public var receivedAt: Date

    public init(method: String, path: String, headers: [String: String], body: [UInt8], receivedAt: Date = Date()) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.receivedAt = receivedAt
    }
}

/// What a webhook led to, in `Sendable` form: the HTTP answer, the calls to make, and what the log
/// line says.
public struct ServedWebhook: Sendable {
    public var method: String
    public var path: String
    public var response: WebhookResponse
    public var calls: [WebimAPICall]
    public var chatID: WebimID?
    public var dialect: DialectDetection?
    /// `new_chat`, `new_message`, or another event's name; nil when the body did not decode.
    public var event: String?
    /// What the bot was asked: `"query"` or `event name`; nil when no turn ran.
    public var asked: String?
    /// The state the turn ended in.
    public var state: String?
    public var notes: [String]
    public var error: WebimChannelError?
    /// Open chats after this webhook.
    public var chats: Int
    public var duration: Duration
    /// The turn's `expect` for a strict recording, when the host captures them.
    public var expectation: JSONValue?
    /// The random draws the turn made, in order.
    public var randomDraws: [Int]
    /// The bot's `$http` calls during the turn and how they were answered.
    public var http: [HTTPExchange]

    init(_ outcome: WebhookOutcome, request: WebhookRequest, chats: Int, duration: Duration) {
        method = request.method
        path = request.path
        response = outcome.webhookResponse
        calls = outcome.calls
        chatID = outcome.chatID
        dialect = outcome.dialect
        event = outcome.webhook?.event.name
        if let request = outcome.request {
            asked = request.query.map { JSONWriter.compact(.string($0)) } ?? request.event.map { "event \($0)" }
        }
        state = outcome.turn?.state
        randomDraws = outcome.turn?.randomDraws ?? []
        http = outcome.turn?.http ?? []
        // What the adapter did not send (a queue redirect an old Webim cannot take, an action without
        // its target) is said in the log line too: the protocol asks for it to be logged.
        notes = outcome.notes + outcome.skipped.map(\.description)
        error = outcome.error
        self.chats = chats
        self.duration = duration
    }
}

extension ServedWebhook {
    /// A webhook refused before it reached the bot (not a POST, too large, unreadable).
    init(refused error: WebimChannelError, method: String, path: String) {
        var outcome = WebhookOutcome(webhookResponse: WebhookResponse(status: error.status, body: error.body))
        outcome.error = error
        outcome.notes = [error.description]
        self.init(outcome, request: WebhookRequest(method: method, path: path, headers: [:], body: []), chats: 0,
                  duration: .zero)
    }

    /// The webhook's log line: what came in, what the bot was asked, how it was answered.
    ///
    ///     POST / · chat 101 · bot-api-2 (header) · new_chat → event newChatStarted → /Menu · 200 · 3 calls · 4.2 ms
    ///     POST / · 400 missing_field at chat_id: `chat_id` is missing: expected …
    public var logLine: String {
        var parts = ["\(method) \(path)"]
        if let error {
            var refusal = "\(response.status) \(error.code)"
            if case .badRequest(let problem) = error, let path = problem.path, !path.isEmpty { refusal += " at \(path)" }
            if let chatID { parts.insert("chat \(chatID.text)", at: 1) }
            parts.append(refusal + ": \(error.description)")
            return parts.joined(separator: " · ")
        }
        if let chatID { parts.append("chat \(chatID.text)") }
        if let dialect { parts.append("\(dialect.dialect) (\(dialect.source.rawValue))") }
        var turn = event ?? "?"
        if let asked { turn += " → \(asked)" }
        if let state { turn += " → \(state)" }
        parts.append(turn)
        parts.append("\(response.status)")
        if !calls.isEmpty { parts.append(calls.count == 1 ? "1 call" : "\(calls.count) calls") }
        if let messages = response.body["messages"]?.arrayValue, !messages.isEmpty {
            parts.append(messages.count == 1 ? "1 message" : "\(messages.count) messages")
        } else if response.body["has_answer"] == false {
            parts.append("has_answer false")
        }
        parts.append(seconds(duration))
        let notes = self.notes.filter { !$0.isEmpty }
        if !notes.isEmpty { parts.append("note: " + notes.joined(separator: "; ")) }
        return parts.joined(separator: " · ")
    }
}
