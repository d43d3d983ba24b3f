import BotRuntime

extension Coverage {
    /// One replayed recording: every turn's states and winning triggers.
    public mutating func count(_ outcome: ReplayOutcome) {
        count(statesEntered: outcome.statesEntered, triggersWon: outcome.triggersWon)
    }
}

/// Coverage per bot replayed against, counted recording by recording, in the order the bots were
/// first met.
public struct CoverageTally {
    private let bots: BotCache
    private var order: [String] = []
    private var byBot: [String: Coverage] = [:]

    /// `bots`: the run's cache, so no bot is loaded twice.
    public init(bots: BotCache) { self.bots = bots }

    public mutating func count(_ outcome: ReplayOutcome) {
        guard let path = outcome.bot else { return }
        if byBot[path] == nil {
            guard case .ready(let bot) = bots.bot(at: path) else { return }
            byBot[path] = Coverage(bot: bot)
            order.append(path)
        }
        byBot[path]!.count(outcome)
    }

    public var coverages: [(bot: String, coverage: Coverage)] { order.map { ($0, byBot[$0]!) } }
}

extension ReplayRun {
    /// Coverage per bot replayed against, in the order the bots were first met.
    public static func coverage(_ outcomes: [ReplayOutcome], modules: [String: String]) -> [(bot: String, coverage: Coverage)] {
        var tally = CoverageTally(bots: BotCache(modules: modules))
        for outcome in outcomes { tally.count(outcome) }
        return tally.coverages
    }
}
