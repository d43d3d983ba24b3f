import ConformJSON

/// How a conversation runs: limits, determinism sources, and what the outside world answers.
public struct RuntimeOptions: Sendable {
    /// CPU seconds a whole turn may use (handlers, reactions and scripts together).
    public var turnTimeLimit: Double = 2.0
    /// What `testMode()` returns: true under `conform test`, false when replaying a deployed bot. Under
    /// tests a random draw with no queued value is 0, as JAICP's test runner makes it.
    public var testMode: Bool = false
    /// Seeds `Math.random` and, outside tests when no draws are given, `random:` choices.
    public var seed: UInt64 = 1
    /// `$env.get` and `$secrets.get` values.
    public var environment: [String: JSONValue] = [:]
    public var secrets: [String: JSONValue] = [:]
    /// Longest `go!` chain in one turn.
    public var maxTransitions: Int = 100
    /// Most replies one turn may produce.
    public var maxReplies: Int = 1_000
    /// The zone `$jsapi.dateForZone` falls back to when given an unknown zone name.
    public var timezone: String = "UTC"

    public init() {}
}
