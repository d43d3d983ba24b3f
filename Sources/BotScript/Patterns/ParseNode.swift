import ConformJSON

/// A successful match: how good it is and what it captured.
public struct PatternMatch: Sendable, Equatable {
    /// See `PatternScore`.
    public var score: Double
    public var parseTree: ParseNode

    public init(score: Double, parseTree: ParseNode) {
        self.score = score
        self.parseTree = parseTree
    }
}

/// One node of `$parseTree`: the whole match (`tag == "root"`) or a named capture in it.
///
/// ```swift
/// match.parseTree.children.first?.tag    // "Number"
/// match.parseTree.json                     // {"tag": "root", …, "Number": [ … ], "_Number": …}
/// ```
public struct ParseNode: Sendable, Equatable {
    /// `"root"` for the whole pattern; the named pattern's name or alias, the dictionary's name for
    /// `$entity<…>`, the entity's name (`duckling.number`) for a stubbed system entity.
    public var tag: String
    /// The source text of the (sub)pattern.
    public var pattern: String
    /// The matched words in their original spelling, joined by one space.
    public var text: String
    /// The matched normalized words.
    public var words: [String]
    /// From `word:value` mappings in this node's own pattern, or the id of an entity entry.
    public var value: JSONValue?
    /// The named pattern's converter expression, for the runtime to run.
    public var converter: String?
    /// Named captures (`$Name`, `$entity<…>`) directly inside this node, in order.
    public var children: [ParseNode]

    public init(tag: String, pattern: String, text: String, words: [String], value: JSONValue? = nil,
                converter: String? = nil, children: [ParseNode] = [])
    {
        self.tag = tag
        self.pattern = pattern
        self.text = text
        self.words = words
        self.value = value
        self.converter = converter
        self.children = children
    }
}
