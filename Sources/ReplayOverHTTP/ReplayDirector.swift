import ConformConcurrency
import BotRuntime
import Replay
import WebimChannel
import WebimProtocol
import WebimServer

/// Directs a `conform serve` endpoint through one recording, as in-process replay would run it: the
/// recording's seed and `initial`, each turn's clock, draws and `$http` answers. After each turn it
/// keeps what the wire cannot show (the turn, the variables) for the driver to pick up.
final class ReplayDirector: TurnDirector {
    private let context: ReplayContext
    private let state = Locked(State())

    private struct State {
        /// The recording's `initial` is for its first conversation only.
        var first = true
        /// The directions of the webhook the driver is about to send.
        var pending: TurnDirections?
        /// What the bot's side saw of the last directed webhook.
        var observed: DrivenTurn?
    }

    init(context: ReplayContext) { self.context = context }

    /// The next webhook is to run with these directions.
    func expect(_ directions: TurnDirections) {
        state.withLock {
            $0.pending = directions
            $0.observed = nil
        }
    }

    /// What the bot's side saw of the last webhook; nil when it never reached the bot.
    func takeObserved() -> DrivenTurn? {
        state.withLock { state in
            defer { state.observed = nil }
            return state.observed
        }
    }

    /// The next conversation is the recording's first again.
    func restart() {
        state.withLock { $0.first = true }
    }

    func options(forNewChat chat: WebimID, default options: RuntimeOptions) -> RuntimeOptions {
        var options = context.options
        options.seed = WebimChannel.conversationSeed(base: options.seed, chat: chat)
        return options
    }

    func conversationStarted(_ conversation: Conversation, chat: WebimID) {
        let first = state.withLock { state in
            defer { state.first = false }
            return state.first
        }
        if first, let initial = context.initial { conversation.restore(initial) }
    }

    func turn(for request: WebhookRequest) -> DirectedTurn? {
        guard let directions = state.withLock({ state in
            defer { state.pending = nil }
            return state.pending
        }) else { return nil }
        return DirectedTurn(time: directions.time, prepare: { conversation in
            conversation.recordedDraws = directions.draws
            conversation.http = QueuedHTTPMocks(directions.mocks)
        }, finished: { [director = self] outcome, conversation in
            let snapshot = directions.snapshot && outcome.turn != nil ? conversation?.snapshot() : nil
            let observed = DrivenTurn(outcome, snapshot: snapshot)
            director.state.withLock { $0.observed = observed }
        })
    }
}
