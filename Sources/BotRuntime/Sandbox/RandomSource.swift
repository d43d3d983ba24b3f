/// Where `random:` and `$reactions.random(n)` draws come from when they are decided outside the bot:
/// a recording's draws or an XML test's `<random>` values (which `$jsapi.random` takes too), in order
/// across requests. When the queue is empty the platform's own rule runs in JavaScript (no repeat of the
/// last ⌊n/2⌋ values, from the conversation's seeded `Math.random`) — under XML tests the draw is 0
/// instead. `random:` and `$reactions.random` draws are recorded either way.
public struct RandomSource: Sendable {
    public var queue: [Int]
    /// The queued values are draws the bot itself made when recorded: they also go into the
    /// platform's no-repeat history (`$session.smartRandom`), exactly as the original draws did. XML
    /// tests' `<random>` values override the draw instead, as JAICP's test runner does, and leave it.
    public var queueIsRecording = false
    public private(set) var drawn: [Int] = []
    /// How many alternatives each drawn value chose among (`random:`'s children, `$reactions.random(n)`'s
    /// n), so a replay of a recording without draws can try the others.
    public private(set) var bounds: [Int] = []

    public init(queue: [Int] = []) {
        self.queue = queue
    }

    /// The next queued value reduced into `0..<bound`, or nil when the queue is empty.
    mutating func queued(below bound: Int) -> Int? {
        guard bound > 0, !queue.isEmpty else { return nil }
        let remainder = queue.removeFirst() % bound
        return remainder < 0 ? remainder + bound : remainder  // no overflow, whatever the bound
    }

    mutating func record(_ value: Int, bound: Int) {
        drawn.append(value)
        bounds.append(bound)
    }

    mutating func takeDrawn() -> (values: [Int], bounds: [Int]) {
        defer {
            drawn.removeAll()
            bounds.removeAll()
        }
        return (drawn, bounds)
    }
}
