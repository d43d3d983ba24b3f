/// A bot's coverage as reporters draw it: every state with how many turns entered it, and how many
/// triggers won at least once. Replay and the XML autotests fill it from their own counts.
public struct ReportedCoverage: Sendable, Equatable {
    public struct State: Sendable, Equatable {
        /// `/Orders/Track`.
        public var path: String
        public var hits: Int
        /// `src/main.sc:27`, when known.
        public var location: String?

        public init(path: String, hits: Int, location: String? = nil) {
            self.path = path
            self.hits = hits
            self.location = location
        }
    }

    /// The bot project, as the run named it.
    public var bot: String
    public var states: [State]
    public var triggers: Int
    public var triggersWon: Int

    public init(bot: String, states: [State], triggers: Int, triggersWon: Int) {
        self.bot = bot
        self.states = states
        self.triggers = triggers
        self.triggersWon = triggersWon
    }

    public var statesCovered: Int { states.filter { $0.hits > 0 }.count }

    /// Percentage of states entered, 100 for a bot without states.
    public var statePercent: Double {
        states.isEmpty ? 100 : Double(statesCovered) / Double(states.count) * 100
    }
}
