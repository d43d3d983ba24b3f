import BotRuntime
import ConformJSON
import JSEngine
import Recording
import WebimChannel

/// Plays one recording's webhooks through the bot, one at a time, and says what came back. Replay
/// drives in process by default (`InProcessDriver`); `--over-http` plugs in a driver that runs the
/// same webhooks through `conform serve` on loopback, so the two paths can be shown to agree. The
/// comparison, the draw search and the reports never know which one ran.
public protocol ReplayDriver: AnyObject {
    /// Feeds one recorded webhook with the turn's clock, draws and `$http` answers.
    func feed(_ request: HTTPRequestRecord, directions: TurnDirections) throws(ReplayDriverFailure) -> DrivenTurn
    /// Forgets every chat, so the next webhook starts a fresh conversation from the recording's
    /// `initial` again (the draw search replays earlier turns from there).
    func restart() throws(ReplayDriverFailure)
    /// Releases what the driver holds (servers, conversations); called once, after the last turn.
    func close()
}

/// Makes one driver per recording, on the worker thread that replays it.
public protocol ReplayDriverFactory: Sendable {
    /// - Parameter engine: the worker's JavaScriptCore engine (a driver that runs the bot elsewhere
    ///   may leave it unused).
    func driver(for context: ReplayContext, engine: JSEngine) throws(ReplayDriverFailure) -> any ReplayDriver
}

/// What a driver needs to know about the recording it plays.
public struct ReplayContext: Sendable {
    public var bot: CompiledBot
    /// The recording's runtime options: its seed, the suite's turn limit.
    public var options: RuntimeOptions
    public var channel: WebimChannelConfiguration
    /// The recording's `initial` variables, set on the first conversation only.
    public var initial: ConversationSnapshot?

    public init(bot: CompiledBot, options: RuntimeOptions, channel: WebimChannelConfiguration,
                initial: ConversationSnapshot?) {
        self.bot = bot
        self.options = options
        self.channel = channel
        self.initial = initial
    }
}

/// The driver itself failed (a server that would not start, calls that never arrived): the
/// recording cannot be evaluated, so it is an error, not a difference.
public struct ReplayDriverFailure: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
