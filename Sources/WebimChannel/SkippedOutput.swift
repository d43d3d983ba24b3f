import ConformJSON

/// A reply or action the channel could not express in Webim, with why. Listed, never dropped silently.
public struct SkippedOutput: Sendable, Equatable, CustomStringConvertible {
    /// Where it came from in the turn: `replies[2]`, `actions[0]`.
    public var source: String
    /// The reply's or action's `type`.
    public var type: String
    public var reason: String

    public init(source: String, type: String, reason: String) {
        self.source = source
        self.type = type
        self.reason = reason
    }

    public var description: String { "\(source) (\(type)) not sent: \(reason)" }
}
