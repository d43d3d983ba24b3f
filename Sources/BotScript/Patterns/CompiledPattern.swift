/// A pattern ready to match: its source, its tree, and what it needs.
///
/// Make one with `PatternCompiler`; match it with `PatternMatcher` built on the **same**
/// `PatternLibrary` (named-pattern references are resolved against that library).
public struct CompiledPattern: Sendable {
    /// The pattern as written, e.g. `* (привет|здравствуй*) *`.
    public let source: String
    public let root: PatternElement
    /// Constructs that never match offline, such as `@duckling.number` (without a stub) or
    /// `$morph<С>`, in order of appearance: the loader warns about them. Named patterns this one
    /// references list their own in `PatternLibrary.unsupportedFeatures`.
    public let unsupportedFeatures: [String]
    /// Index keys of which every match contains at least one (nil: no such set is known), for
    /// `PatternCandidateIndex`: normalized words, or `RequirementKey.prefix` keys for `word*` and
    /// `~lemma` (a match holds a word starting with those letters).
    public let requiredWords: Set<String>?
    /// Each a valid `requiredWords` on its own (the members of a top-level sequence each are); the
    /// index files the pattern under the option whose keys are rarest across the project.
    public var requirementOptions: [Set<String>] {
        switch root {
        case .sequence(let items), .permutation(let items):
            let options = items.compactMap { $0.requiredWords(referenced: { _ in nil }) }
            if let requiredWords, !options.contains(requiredWords) { return options + [requiredWords] }
            return options.isEmpty ? requiredWords.map { [$0] } ?? [] : options
        default:
            return requiredWords.map { [$0] } ?? []
        }
    }
    let program: PatternProgram

    init(source: String, root: PatternElement, unsupportedFeatures: [String], requiredWords: Set<String>?,
         program: PatternProgram)
    {
        self.source = source
        self.root = root
        self.unsupportedFeatures = unsupportedFeatures
        self.requiredWords = requiredWords
        self.program = program
    }
}

extension PatternElement {
    /// Words of which every match contains at least one, or nil when no such set is known.
    ///
    /// A sequence needs what its most selective member needs; alternatives need the union of what
    /// each branch needs (nil if any branch needs nothing); optional parts need nothing.
    func requiredWords(referenced: (String) -> Set<String>?) -> Set<String>? {
        switch self {
        case .word(let word):
            return [word]
        case .sequence(let items), .permutation(let items):
            return items.compactMap { $0.requiredWords(referenced: referenced) }.min { $0.count < $1.count }
        case .alternatives(let branches):
            var union: Set<String> = []
            for branch in branches {
                guard let words = branch.requiredWords(referenced: referenced) else { return nil }
                union.formUnion(words)
            }
            return union
        case .valued(let inner, _), .repetition(let inner):
            return inner.requiredWords(referenced: referenced)
        case .reference(let name, _):
            return referenced(name)
        case .wildcardWord(let wildcard):
            // `deliver*` needs a word starting with "del"; `*ery` and `*` need nothing we can index.
            guard let first = wildcard.pieces.first, !first.isEmpty else { return nil }
            return [RequirementKey.prefix(first)]
        case .lemma(let lemma):
            // Every form ~lemma accepts starts with one of its stems; the shortest one's first letters
            // are in all of them.
            let stems = LemmaRule.stems(of: RequestText.normalize(lemma)).map { String(decoding: $0, as: UTF8.self) }
            guard let shortest = stems.min(by: { $0.count < $1.count }), !shortest.isEmpty else { return nil }
            return [RequirementKey.prefix(shortest)]
        case .anyWords, .optional, .tokenRegex, .textRegex, .entity, .weight, .systemEntity, .unsupported:
            return nil
        }
    }
}

/// Keys of the candidate index besides plain words.
public enum RequirementKey {
    /// Letters a required word starts with: up to `length` of them, marked so no word can equal it.
    public static let length = 3

    public static func prefix(_ word: String) -> String {
        "\u{1}" + String(word.prefix(length))
    }

    /// The keys a request word satisfies: itself and its first 1…`length` letters as prefixes.
    public static func keys(of word: String) -> [String] {
        var keys = [word]
        var prefix = ""
        for character in word.prefix(length) {
            prefix.append(character)
            keys.append("\u{1}" + prefix)
        }
        return keys
    }
}
