import Recording

/// The search for draws that reproduce a recorded turn (RECORDING-FORMAT.md, `turns[].random`):
/// tries the plan's prefixes with `attempt` until one makes the turn's differences vanish.
struct DrawSearch {
    /// Combinations tried at most per turn, the default draws included; 0 turns the search off.
    var limit: Int

    enum Result {
        /// `prefix` forced these `draws` (what the turn drew), which reproduce the recording.
        case found(prefix: [Int], draws: [Int], turn: DrivenTurn, tried: Int)
        /// No combination tried reproduces it; `limitReached` when some were left untried.
        case notFound(tried: Int, limitReached: Bool)
    }

    /// - Parameters:
    ///   - played: the default run of the turn (its draws and their bounds).
    ///   - attempt: plays the turn again from the state before it, forcing the given draws first,
    ///     and returns what it did with its differences from the recording.
    func run(played: DrivenTurn,
             attempt: ([Int]) throws(ReplayDriverFailure) -> (turn: DrivenTurn, differences: [Difference]))
        throws(ReplayDriverFailure) -> Result {
        var plan = DrawSearchPlan(limit: limit)
        plan.ran(prefix: [], drew: played.turn?.randomDraws ?? [], bounds: played.turn?.randomBounds ?? [])
        while let prefix = plan.next() {
            let (turn, differences) = try attempt(prefix)
            plan.ran(prefix: prefix, drew: turn.turn?.randomDraws ?? [], bounds: turn.turn?.randomBounds ?? [])
            if differences.isEmpty, turn.turn?.error == nil {
                return .found(prefix: prefix, draws: turn.turn?.randomDraws ?? [], turn: turn, tried: plan.tried)
            }
        }
        return .notFound(tried: plan.tried, limitReached: plan.limitReached)
    }
}
