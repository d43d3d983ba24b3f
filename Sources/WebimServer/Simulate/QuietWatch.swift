/// How long a simulated chat has gone without a call from the bot, counting only time the simulator
/// was watching: each check adds the time since the previous one, but at most `longestUnwatched`.
///
/// Checks come every few milliseconds — unless the whole process stalls (on a 2-core machine, other
/// work holding both of Swift's cooperative threads). The bot's next call is then stalled too, and wall
/// time alone would call the step complete the moment the stall ends, splitting one turn's replies
/// across two steps (seen in RecordProxyTests under the full test suite, with 2 and 3 s quiet periods).
///
/// ```swift
/// var watch = QuietWatch(now: .now)
/// watch.check(callsArrived: true, now: .now)   // quiet 0
/// // … a 5 s stall …
/// watch.check(callsArrived: false, now: .now)  // quiet 50 ms, not 5 s
/// ```
struct QuietWatch {
    /// The most quiet one check may count.
    static let longestUnwatched: Duration = .milliseconds(50)

    private(set) var quiet: Duration = .zero
    /// Whether any call came yet (no call: the step is still waiting for the bot's first reply).
    private(set) var sawCall = false
    private var checked: ContinuousClock.Instant

    init(now: ContinuousClock.Instant) { checked = now }

    mutating func check(callsArrived: Bool, now: ContinuousClock.Instant) {
        if callsArrived {
            sawCall = true
            quiet = .zero
        } else if sawCall {
            quiet += min(now - checked, Self.longestUnwatched)
        }
        checked = now
    }
}
