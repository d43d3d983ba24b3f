import ConformJSON
import Recording
import Reporting

/// How one recording fared.
public struct ReplayOutcome: Sendable {
    public enum Status: Sendable, Equatable {
        case passed
        /// The bot no longer conforms.
        case failed
        /// The recording could not be evaluated (invalid file, missing bot, script error, …).
        case error(String)
        /// Not a recording (another `format`), or filtered out; said with `--verbose`.
        case skipped(String)
    }

    public var candidate: RecordingDiscovery.Candidate
    /// The recording's `name`, else the file name.
    public var title: String
    public var status: Status
    /// 0-based turn index and the difference.
    public var differences: [(turn: Int, difference: Difference)]
    /// What the bot actually did, turn by turn, for people.
    public var transcript: [String]
    /// Wall seconds.
    public var time: Double
    public var dialect: String?
    /// The bot project replayed against.
    public var bot: String?
    /// `conform.yaml`'s `name` for the recording's folder: the label of its `<testsuite>`.
    public var suiteName: String?
    public var turns: Int
    /// The error is the suite's configuration's, not the recording's (a `conform.yaml` that does not
    /// read, names a bot that is not there, or no bot at all): `conform replay` exits 2 for it.
    public var isConfigurationError = false
    /// The recording rewritten with today's behaviour (webhook answers, calls, expectations, draws),
    /// made only when `ReplaySettings.update` asks for it and the recording failed.
    public var updated: JSONValue?
    /// Every state entered, in order, over all turns (for coverage).
    public var statesEntered: [String] = []
    /// `file:line` of each trigger that won a turn.
    public var triggersWon: [String] = []
    /// Turns (0-based) of a recording without random draws whose replies needed draws other than the
    /// runtime's defaults, with the draws the search found.
    public var drawsFound: [(turn: Int, draws: [Int])] = []
    /// The conversation in chat terms, turn by turn, for the HTML report; kept only when the
    /// recording did not pass (nobody reads a passing one's, and large runs would hold them all).
    public var conversation: [ReportedTurn] = []

    public init(candidate: RecordingDiscovery.Candidate, title: String, status: Status) {
        self.candidate = candidate
        self.title = title
        self.status = status
        differences = []
        transcript = []
        time = 0
        turns = 0
    }
}
