import BotRuntime
import ConformJSON
import WebimProtocol

/// Everything one webhook led to: the HTTP answer, the API calls, the bot turn, and notes.
public struct WebhookOutcome {
    /// What the webhook answers (200 `{"result": "ok"}`, a bot-api-1 reply, or a 4xx/5xx error body).
    public var webhookResponse: WebhookResponse
    /// The bot's bot-api-2 calls, in order.
    public var calls: [WebimAPICall] = []
    /// The bot's turn; nil when none ran (unknown event or kind, bad input).
    public var turn: TurnResult?
    /// The request the bot processed.
    public var request: BotRequest?
    public var chatID: WebimID?
    public var dialect: DialectDetection?
    /// The webhook as decoded; nil when the body could not be.
    public var webhook: WebimWebhook?
    /// Whether the turn began a fresh conversation; nil when no turn ran.
    public var session: ChatSessionStart?
    /// Replies and actions that have no Webim form, with why.
    public var skipped: [SkippedOutput] = []
    /// Why no turn ran, fallbacks taken, things a log should show.
    public var notes: [String] = []
    /// Set when the webhook was refused.
    public var error: WebimChannelError?

    public init(webhookResponse: WebhookResponse) {
        self.webhookResponse = webhookResponse
    }

    /// The notes as one line, or nil.
    public var note: String? { notes.isEmpty ? nil : notes.joined(separator: "; ") }
}
