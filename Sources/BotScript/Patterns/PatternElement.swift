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
    /// matched whole; a regex that writes whitespace may also match a run of words (`TokenRegexSpan`).
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

    /// Matches nothing: an alternative written only with punctuation, such as the `=` in `(это|=)`.
    public static let never = PatternElement.alternatives([])
}

/// A word pattern with `*` inside one word: `привет*`, `*ing`, `*wor*`, `при*ет`.
///
/// The literal pieces must appear in order: the first at the start (unless the pattern starts
/// with `*`), the last at the end (unless it ends with `*`), the others in between.
public struct WildcardWord: Sendable, Hashable {
    /// The normalized text between the stars; empty strings stand for leading/trailing stars.
    public let pieces: [String]
    private let bytePieces: [[UInt8]]
    private let literalByteCount: Int

    /// `glob` is the pattern word as written, such as `здравствуй*`.
    public init(_ glob: String) {
        pieces = RequestText.normalize(glob).split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        bytePieces = pieces.map { Array($0.utf8) }
        literalByteCount = bytePieces.reduce(0) { $0 + $1.count }
    }

    public var glob: String { pieces.joined(separator: "*") }

    /// Any word at all (`$oneWord`): no letters to check, so it scores like `*`.
    public var hasLetters: Bool { literalByteCount > 0 }

    /// Does the normalized `word` fit?
    public func matches(_ word: String) -> Bool {
        matches(bytes: Array(word.utf8))
    }

    /// UTF-8 is self-synchronizing, so byte pieces can only match at letter boundaries.
    func matches(bytes word: [UInt8]) -> Bool {
        guard bytePieces.count >= 2, let first = bytePieces.first, let last = bytePieces.last else {
            return word == bytePieces.first
        }
        guard word.count >= literalByteCount, ByteWord.hasPrefix(word, first), ByteWord.hasSuffix(word, last) else {
            return false
        }
        var position = first.count
        let limit = word.count - last.count
        for piece in bytePieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let after = ByteWord.find(piece, in: word, from: position, upTo: limit) else { return false }
            position = after
        }
        return true
    }
}
