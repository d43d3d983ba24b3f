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
    /// Words of which every match contains at least one (nil: no such set is known), for
    /// `PatternCandidateIndex`.
    public let requiredWords: Set<String>?
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
        case .wildcardWord, .lemma, .anyWords, .optional, .tokenRegex, .textRegex, .entity, .weight,
             .systemEntity, .unsupported:
            return nil
        }
    }
}
