import BotRuntime

extension Coverage {
    /// One replayed recording: every turn's states and winning triggers.
    public mutating func count(_ outcome: ReplayOutcome) {
        count(statesEntered: outcome.statesEntered, triggersWon: outcome.triggersWon)
    }
}

extension ReplayRun {
    /// Coverage per bot replayed against, in the order the bots were first met.
    public static func coverage(_ outcomes: [ReplayOutcome], modules: [String: String]) -> [(bot: String, coverage: Coverage)] {
        var order: [String] = []
        var byBot: [String: Coverage] = [:]
        let cache = BotCache(modules: modules)
        for outcome in outcomes {
            guard let path = outcome.bot else { continue }
            if byBot[path] == nil {
                guard case .ready(let bot) = cache.bot(at: path) else { continue }
                byBot[path] = Coverage(bot: bot)
                order.append(path)
            }
            byBot[path]!.count(outcome)
        }
        return order.map { ($0, byBot[$0]!) }
    }
}
