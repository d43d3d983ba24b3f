import BotRuntime
import ConformJSON
import JSEngine
import Recording
import WebimChannel
import WebimProtocol

/// One Webim chat with a local bot, in process: each visitor action becomes the webhook Webim
/// sends (`WebhookBuilder`), goes through the channel adapter and conform's runtime, and is written
/// down as a strict recording turn (every exchange, `expect`, the random draws). Both
/// `ScriptRecorder` (a YAML script) and `conform chat` (a person typing) drive it, so what they
/// record replays the same way.
///
/// ```swift
/// var chat = InProcessChat(bot: bot, engine: JSEngine(), chatID: .integer(1), visitorID: "v-1")
/// let turn = chat.send(.prechat(["hi"]))
/// turn.outcome.calls      // send_message × 2 …
/// chat.document(name: "hi", tool: "conform 0.1.0")   // the recording so far
/// ```
public struct InProcessChat {
    /// What one visitor action led to.
    public struct Turn {
        public var outcome: WebhookOutcome
        /// The turn's `expect` (state, whole `$session` and `$client`, replies); nil when no turn ran.
        public var expect: JSONValue?
    }

    public let dialect: WebimDialect
    public let channelType: String
    /// Epoch milliseconds of the first webhook (the recording's `recordedAt`).
    public let start: Double
    /// The bot's clock for the next webhook (epoch milliseconds).
    public var clock: Double
    /// The recording's turns so far.
    public private(set) var turns: [JSONValue] = []
    /// The buttons of the last keyboard the bot showed, in order (rows joined): what a click answers.
    public private(set) var keyboard: [WebimButton] = []
    private var builder: WebhookBuilder
    private var adapter: WebimChannel

    public init(bot: CompiledBot, engine: JSEngine, channel: WebimChannelConfiguration = WebimChannelConfiguration(),
                options: RuntimeOptions = RuntimeOptions(), dialect: WebimDialect = .botAPI2,
                chatID: WebimID, visitorID: String, visitorFields: JSONValue? = nil, location: String? = nil,
                start: Double = 1_764_064_800_000, http: any HTTPMockProvider = NoHTTPMocks()) {
        self.dialect = dialect
        self.channelType = channel.channelType
        self.start = start
        self.clock = start
        builder = WebhookBuilder(dialect: dialect, chatID: chatID, visitorID: visitorID, visitorFields: visitorFields, location: location)
        // Seeded by the chat, as replay seeds the conversations it makes of the recording's webhooks.
        adapter = WebimChannel(configuration: channel) { chatID in
            var options = options
            options.seed = WebimChannel.conversationSeed(base: options.seed, chat: chatID)
            return try Conversation(bot: bot, engine: engine, options: options, http: http)
        }
    }

    /// A click on a button the last keyboard does not have.
    public struct NoSuchButton: Error, Equatable {
        public var text: String
        /// The last keyboard's buttons (empty when none was shown).
        public var offered: [String]
    }

    /// The webhook for one visitor action, processed and recorded; the clock then moves 5 s on.
    /// `.wait` only moves the clock (nil). A click names a button of the last keyboard by its text.
    public mutating func send(_ step: ConversationScript.Step) throws(NoSuchButton) -> Turn? {
        let body: JSONValue
        switch step {
        case .wait(let seconds):
            clock += seconds * 1000
            return nil
        case .open: body = builder.newChat()
        case .prechat(let texts): body = builder.newChat(messages: texts)
        case .say(let text): body = builder.text(text)
        case .file(let file): body = builder.file(file)
        case .click(let text):
            guard let button = keyboard.first(where: { $0.text == text }) else {
                throw NoSuchButton(text: text, offered: keyboard.map(\.text))
            }
            // Webim's keyboard_response names the keyboard message only when it knows its id; a local chat does not.
            body = builder.click(buttonID: button.id, text: button.text, keyboardMessageID: nil)
        }
        return send(body: body)
    }

    /// Any webhook body, as Webim would post it with this chat's headers.
    public mutating func send(body: JSONValue) -> Turn {
        let outcome = adapter.handle(method: "POST", path: "/", headers: Dictionary(builder.headers, uniquingKeysWith: { $1 }),
                                     json: body, time: clock)
        let webhook = RecordingWriter.exchange(
            request: HTTPRequestRecord(method: "POST", path: "/", headers: builder.headers, body: body),
            response: HTTPResponseRecord(status: outcome.webhookResponse.status, headers: [("content-type", "application/json")],
                                         body: outcome.webhookResponse.body))
        let calls = outcome.calls.enumerated().map { offset, call in
            RecordingWriter.exchange(
                at: RecordingTime.string(milliseconds: clock + Double(offset + 1) * 10),
                request: HTTPRequestRecord(method: call.httpMethod, path: call.path,
                                           headers: [("content-type", "application/json")], body: call.body),
                response: HTTPResponseRecord(status: 200, body: ["result": "ok"]))
        }
        let expect = adapter.expectation(for: outcome)
        let http = (outcome.turn?.http ?? []).map {
            RecordingWriter.httpExchange(method: $0.method, url: $0.url, requestBody: $0.requestBody, status: $0.status,
                                         responseBody: $0.responseBody, error: $0.error)
        }
        turns.append(RecordingWriter.turn(at: RecordingTime.string(milliseconds: clock), webhook: webhook, calls: calls,
                                          expect: expect, random: outcome.turn?.randomDraws ?? [], http: http))
        for message in Self.messages(of: outcome) {
            if case .keyboard(let rows) = message { keyboard = rows.flatMap { $0 } }
        }
        clock += 5_000
        return Turn(outcome: outcome, expect: expect)
    }

    /// The messages Webim shows the visitor for an outcome: the `send_message` calls (bot-api-2) or
    /// the webhook answer's `messages` (bot-api-1).
    public static func messages(of outcome: WebhookOutcome) -> [WebimOutboundMessage] {
        var messages: [WebimOutboundMessage] = []
        for call in outcome.calls {
            if case .sendMessage(_, let message) = call.method { messages.append(message) }
        }
        if let reply = try? WebimSyncReply.decode(outcome.webhookResponse.body), case .answer(let list) = reply {
            messages += list
        }
        return messages
    }

    /// The recording of the chat so far (RECORDING-FORMAT.md).
    public func document(name: String?, tool: String, botReference: String?) -> JSONValue {
        RecordingWriter.document(name: name, channelType: channelType, dialect: dialect.rawValue,
                                 recordedAt: RecordingTime.string(milliseconds: start), tool: tool,
                                 upstream: "local bot (in process)", bot: botReference, timezone: nil, turns: turns)
    }
}
