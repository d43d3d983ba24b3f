import BotRuntime
import ConformJSON
import WebimChannel
import WebimProtocol

/// What a turn is told besides its webhook.
public struct TurnDirections: Sendable {
    /// Epoch milliseconds the bot's clock reads.
    public var time: Double
    /// Draws to make again, in order (the recording's, or the draw search's candidate); when they
    /// run out the runtime draws by its own seeded rule.
    public var draws: [Int]
    /// `$http` answers: the turn's recorded exchanges, then the suite's `mocks:`.
    public var mocks: [QueuedHTTPMocks.Mock]
    /// Take a snapshot of the variables after the turn (costs a trip into the engine; only
    /// `expect` and `--update` need it).
    public var snapshot: Bool
    /// The intent JAICP's classifier chose (the turn's `nlu`), for `intent:` triggers.
    public var intent: String?

    public init(time: Double, draws: [Int] = [], mocks: [QueuedHTTPMocks.Mock] = [], snapshot: Bool = false,
                intent: String? = nil) {
        self.intent = intent
        self.time = time
        self.draws = draws
        self.mocks = mocks
        self.snapshot = snapshot
    }
}

/// Everything one webhook led to, however it was driven: what went over the wire (the webhook's
/// answer, the calls to Webim) and what only the bot's side can see (the turn, the variables).
public struct DrivenTurn: Sendable {
    public var response: WebhookResponse
    /// The bot-api-2 calls, in order.
    public var calls: [DrivenCall] = []
    /// The bot's turn; nil when none ran (unknown event, bad input).
    public var turn: TurnResult?
    /// `$session`, `$client`, `$global` after the turn, when asked for and a turn ran.
    public var snapshot: ConversationSnapshot?
    /// What the bot was asked: `visitor: "text"` or `event name`.
    public var asked: String?
    public var chatID: WebimID?
    /// Why no turn ran, fallbacks taken.
    public var notes: [String] = []
    /// Replies and actions that have no Webim form.
    public var skipped: [String] = []
    /// Why the bot could not start a conversation for the webhook (its start-up code failed): the
    /// recording cannot be evaluated, which RECORDING-FORMAT.md calls an error, not a failure.
    public var startFailure: String?

    public init(response: WebhookResponse) { self.response = response }

    /// The notes as one line, or nil.
    public var note: String? { notes.isEmpty ? nil : notes.joined(separator: "; ") }
}

/// One call the bot made to Webim's bot API.
public struct DrivenCall: Sendable, Equatable {
    public var method: String
    /// `/api/bot/v2/send_message`.
    public var path: String
    public var body: JSONValue

    public init(method: String, path: String, body: JSONValue) {
        self.method = method
        self.path = path
        self.body = body
    }

    public init(_ call: WebimAPICall) { self.init(method: call.httpMethod, path: call.path, body: call.body) }

    /// The API method: the path's last part (`close_chat`).
    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }
}

extension DrivenTurn {
    /// The in-process adapter's outcome in driver-neutral form.
    public init(_ outcome: WebhookOutcome, snapshot: ConversationSnapshot?) {
        self.init(response: outcome.webhookResponse)
        calls = outcome.calls.map(DrivenCall.init)
        turn = outcome.turn
        self.snapshot = snapshot
        if let request = outcome.request {
            asked = request.query.map { "visitor: \(JSONWriter.compact(.string($0)))" } ?? request.event.map { "event \($0)" }
        }
        chatID = outcome.chatID
        notes = outcome.notes
        skipped = outcome.skipped.map { "\($0)" }
        if case .sessionStartFailed(_, let reason) = outcome.error { startFailure = reason }
    }
}
