import BotRuntime
import JSEngine
import Recording
import WebimChannel

/// Replay's own path: the channel adapter and the runtime called directly on the worker's engine —
/// no HTTP, nothing reaches the network (where replay's speed comes from).
public struct InProcessDriverFactory: ReplayDriverFactory {
    public init() {}

    public func driver(for context: ReplayContext, engine: JSEngine) -> any ReplayDriver {
        InProcessDriver(context: context, engine: engine)
    }
}

final class InProcessDriver: ReplayDriver {
    private let context: ReplayContext
    private let engine: JSEngine
    private var channel: WebimChannel

    init(context: ReplayContext, engine: JSEngine) {
        self.context = context
        self.engine = engine
        channel = Self.channel(context, engine: engine)
    }

    /// A channel with no chats open; the recording's `initial` applies to its first conversation
    /// only, not to a chat reopened later.
    private static func channel(_ context: ReplayContext, engine: JSEngine) -> WebimChannel {
        var first = true
        return WebimChannel(configuration: context.channel) { chatID in
            var options = context.options
            options.seed = WebimChannel.conversationSeed(base: options.seed, chat: chatID)
            let conversation = try Conversation(bot: context.bot, engine: engine, options: options)
            if first, let initial = context.initial { conversation.restore(initial) }
            first = false
            return conversation
        }
    }

    func feed(_ request: HTTPRequestRecord, directions: TurnDirections) -> DrivenTurn {
        let headers = Dictionary(request.headers, uniquingKeysWith: { _, last in last })
        let outcome = channel.handle(method: request.method, path: request.path, headers: headers,
                                     json: request.body ?? .null, time: directions.time) { conversation in
            conversation.recordedDraws = directions.draws
            conversation.http = QueuedHTTPMocks(directions.mocks)
            conversation.nextIntent = directions.intent
        }
        let conversation = outcome.chatID.flatMap { channel.conversation(for: $0) }
        let snapshot = directions.snapshot && outcome.turn != nil ? conversation?.snapshot() : nil
        // A closed chat is Webim's again; its next webhook starts a new conversation (as `serve` does).
        if let chat = outcome.chatID, outcome.calls.contains(where: { $0.name == "close_chat" }) {
            channel.endSession(chat)
        }
        return DrivenTurn(outcome, snapshot: snapshot)
    }

    func restart() {
        channel = Self.channel(context, engine: engine)
    }

    func close() {
        channel = Self.channel(context, engine: engine)
    }
}
