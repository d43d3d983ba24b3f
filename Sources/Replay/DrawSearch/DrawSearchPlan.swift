/// Which draws to try, in order, for a turn of a recording that has none (a deployed bot's), when
/// the runtime's default draws do not reproduce it. Pure: it sees only what each try drew.
///
/// Every try forces a *prefix* of draws; past it the runtime draws by its own rule, and says what
/// it drew and among how many alternatives. The children of a try are its draws with one later
/// position changed to another alternative (positions before it kept): every sequence of choices is
/// reached exactly once, the ones closest to the default first (one change at the first draw, then
/// at the second, …). At most `limit` tries, the default run included.
///
/// ```swift
/// var plan = DrawSearchPlan(limit: 64)
/// plan.ran(prefix: [], drew: [2], bounds: [3])   // the default run
/// plan.next()   // [0]
/// plan.next()   // [1]
/// plan.next()   // nil: no alternative left
/// ```
struct DrawSearchPlan: Sendable {
    let limit: Int
    private var waiting: [[Int]] = []
    private var head = 0
    /// Tries made so far, the default run included.
    private(set) var tried = 0

    init(limit: Int) { self.limit = limit }

    /// Records a try: the prefix it forced, and what it drew among how many alternatives.
    mutating func ran(prefix: [Int], drew draws: [Int], bounds: [Int]) {
        tried += 1
        guard prefix.count < draws.count else { return }
        for position in prefix.count..<draws.count {
            let alternatives = position < bounds.count ? bounds[position] : 0
            for value in 0..<max(0, alternatives) where value != draws[position] {
                waiting.append(Array(draws[..<position]) + [value])
            }
        }
    }

    /// The next prefix to force, or nil when the limit is reached or nothing is left to try.
    mutating func next() -> [Int]? {
        guard tried < limit, head < waiting.count else { return nil }
        defer { head += 1 }
        return waiting[head]
    }

    /// The limit stopped the search while combinations were left untried.
    var limitReached: Bool { tried >= limit && head < waiting.count }
}
