/// A state of the dialog tree: where it is, what activates it, what it does.
public struct BotState: Sendable {
    /// Absolute path, e.g. `/Orders/Track`.
    public var path: String
    public var location: SourceLocation
    /// `noContext = true`: entering the state does not move the dialog context.
    public var noContext: Bool
    /// `modal = true`: while the context is here, only this state's own local triggers are candidates.
    public var modal: Bool
    /// Every `||` parameter as written (others than the two above are kept for scripts and reports).
    public var parameters: [ScParameter]
    public var triggers: [Trigger]
    public var reactions: [Reaction]
    /// Paths of nested states, in the order written.
    public var children: [String]
    /// The enclosing state, or nil when the state sits directly in a theme.
    public var parent: String?
}

/// What activates a state.
public struct Trigger: Sendable {
    public enum Kind: Sendable, Equatable {
        /// `q:`/`q!:` — a pattern over the request text.
        case pattern(String)
        /// `event:`/`event!:` — an event name.
        case event(String)
        /// `intent:`/`intent!:` — an NLU intent path.
        case intent(String)
        /// `intentGroup:`/`intentGroup!:` — any NLU intent under a path.
        case intentGroup(String)
        /// `e:`/`e!:`/`eg:`/`eg!:` — example phrases for the classifier.
        case example(String)
    }

    public var kind: Kind
    /// Written with `!`: active from anywhere.
    public var isGlobal: Bool
    /// The state that owns the trigger.
    public var state: String
    /// `toState = "/X"`: the trigger leads to another state (resolved against `state`).
    public var toState: TargetPath?
    /// `fromState = "/Y"`: a local trigger that is also active while the context is in `/Y`.
    public var fromState: TargetPath?
    /// `onlyThisState = true`: active only while the context is exactly `state`.
    public var onlyThisState: Bool
    /// A value written after the pattern, `q: $no : endSession`, seen by scripts as `$parseTree._Root`.
    public var rootValue: String?
    public var location: SourceLocation
    public var valueLocation: SourceLocation
    /// Position of this trigger in the whole project (load order), for stable tie-breaking.
    public var order: Int
}

/// A transition target as written, with its absolute path when it is a literal.
public struct TargetPath: Sendable, Equatable {
    public var raw: String
    /// Nil for `{{ template }}` targets, which are resolved when the reaction runs.
    public var resolved: String?

    /// The state the target was written in (relative targets resolve against it).
    public var base: String

    public init(raw: String, from base: String) {
        self.raw = raw
        self.base = base
        resolved = StatePath.isTemplate(raw) ? nil : StatePath.resolve(raw, from: base)
    }

    /// Resolves again once every state is known (a plain name may mean a sibling).
    mutating func resolve(exists: (String) -> Bool) {
        guard !StatePath.isTemplate(raw) else { return }
        resolved = StatePath.resolve(raw, from: base, exists: exists)
    }
}
