import ConformJSON

/// A compiled JAICP pattern, as a tree: what `PatternCompiler` makes of the source text.
///
/// ```swift
/// try PatternCompiler().compile("* [мне] (да:yes|нет:no) *", at: location).root
/// // .sequence([.anyWords, .optional(.word("мне")),
/// //            .alternatives([.valued(.word("да"), "yes"), .valued(.word("нет"), "no")]), .anyWords])
/// ```
public indirect enum PatternElement: Sendable, Equatable {
    /// One request word, normalized (`привет`).
    case word(String)
    /// One request word with `*` inside: `привет*`, `*ing`, `*мудак*`.
    case wildcardWord(WildcardWord)
    /// `~lemma`: the word in any of its simple inflections (see `LemmaRule`).
    case lemma(String)
    /// `*`: any number of words, none included.
    case anyWords
    /// Elements one after another.
    case sequence([PatternElement])
    /// `[…]`: the element or nothing.
    case optional(PatternElement)
    /// `(a | b c)`, `(a/b)`: any one of them.
    case alternatives([PatternElement])
    /// `{a b}`: all of them, next to each other, in any order.
    case permutation([PatternElement])
    /// `$Name` or `$Name::Alias`: a named pattern, captured into the parse tree.
    case reference(name: String, alias: String?)
    /// `word:value`, `(a|b):value`: the element, setting the value of the enclosing pattern.
    case valued(PatternElement, JSONValue)
    /// `$regexp<re>` (normalized word) or `$regexp_i<re>` (original word, any case): one word,
    /// matched whole.
    case tokenRegex(String, caseInsensitive: Bool)
    /// `$regex<re>`: the request text (or a run of its words) matched whole, any case.
    case textRegex(String)
    /// `$entity<Dict>`: one synonym of a dictionary entry, captured under the dictionary's name.
    case entity(dictionary: String)
    /// `$weight<1.05>`: matches nothing, multiplies the score of the sequence it stands in.
    case weight(Double)
    /// `$repeat<…>`: the element once or more, one after another.
    case repetition(PatternElement)
    /// `@duckling.number`, `@Something`: a system entity, matched only through a stub.
    case systemEntity(String)
    /// A construct conform cannot match offline (`$morph<С>`): never matches.
    case unsupported(String)
}

/// A word pattern with `*` inside one word: `привет*`, `*ing`, `*wor*`, `при*ет`.
///
/// The literal pieces must appear in order: the first at the start (unless the pattern starts
/// with `*`), the last at the end (unless it ends with `*`), the others in between.
public struct WildcardWord: Sendable, Hashable {
    /// The normalized text between the stars; empty strings stand for leading/trailing stars.
    public let pieces: [String]

    /// `glob` is the pattern word as written, such as `здравствуй*`.
    public init(_ glob: String) {
        pieces = RequestText.normalize(glob).split(separator: "*", omittingEmptySubsequences: false).map(String.init)
    }

    /// The literal letters, to tell how specific the word is.
    public var literalLength: Int { pieces.reduce(0) { $0 + $1.count } }

    public func matches(_ word: String) -> Bool {
        guard let first = pieces.first, let last = pieces.last, pieces.count >= 2 else { return word == pieces.first }
        guard word.count >= literalLength, word.hasPrefix(first), word.hasSuffix(last) else { return false }
        var rest = word.dropFirst(first.count).dropLast(last.count)
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = rest.firstRange(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    public var glob: String { pieces.joined(separator: "*") }
}
