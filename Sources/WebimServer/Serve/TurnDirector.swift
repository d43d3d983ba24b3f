import BotRuntime
import WebimChannel
import WebimProtocol

/// What a live `conform serve` takes from the world, decided by someone else: each turn's clock,
/// random draws and `$http` answers, and how a chat's conversation starts. Replay `--over-http`
/// directs a real endpoint this way so it replays a recording exactly as the in-process path does;
/// a plain `conform serve` has no director. Everything here runs on the bot's turn thread.
public protocol TurnDirector: Sendable {
    /// The options of a chat's new conversation (`options` is what `serve` would use).
    func options(forNewChat chat: WebimID, default options: RuntimeOptions) -> RuntimeOptions
    /// Called with a chat's new conversation before its first turn.
    func conversationStarted(_ conversation: Conversation, chat: WebimID)
    /// How to run the turn this webhook leads to; nil runs it live (the clock reads now).
    func turn(for request: WebhookRequest) -> DirectedTurn?
}

/// One directed turn.
public struct DirectedTurn: Sendable {
    /// Epoch milliseconds the bot's clock reads.
    public var time: Double
    /// Runs on the chat's conversation just before the turn (queue draws, `$http` mocks).
    public var prepare: @Sendable (Conversation) -> Void
    /// Runs right after the webhook was handled, before a closed chat is released: sees what the
    /// wire cannot show (the turn, the conversation's variables).
    public var finished: @Sendable (WebhookOutcome, Conversation?) -> Void

    public init(time: Double, prepare: @escaping @Sendable (Conversation) -> Void,
                finished: @escaping @Sendable (WebhookOutcome, Conversation?) -> Void) {
        self.time = time
        self.prepare = prepare
        self.finished = finished
    }
}
