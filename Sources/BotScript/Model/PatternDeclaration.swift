/// A named pattern from a `patterns:` block: `$Number = $regexp<\d+> || converter = toNumber`.
public struct PatternDeclaration: Sendable {
    /// Without the `$`.
    public var name: String
    public var source: String
    /// A JavaScript expression (usually a function name) the runtime applies to the match.
    public var converter: String?
    public var location: SourceLocation
    /// Where `source` starts.
    public var sourceLocation: SourceLocation
}

/// JavaScript run once when a conversation's context is created, in load order.
public struct StartupScript: Sendable {
    public enum Kind: Sendable, Equatable {
        /// An `init:` block.
        case initBlock
        /// A required `.js` file (ES5, global scope).
        case file
        /// A required ES6 module (`type = scriptEs6`, `name = x`).
        case es6Module(name: String?)
    }

    public var kind: Kind
    public var code: String
    /// The file and line the code starts on.
    public var location: SourceLocation
}
