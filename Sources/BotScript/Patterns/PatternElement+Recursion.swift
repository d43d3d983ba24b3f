/// What named-pattern recursion needs to know: JAICP allows a named pattern to reference itself
/// (zb-common's `$distantRelative`, `$MathExpression`), which terminates as long as each round
/// consumes a word first. Only *left* recursion — re-entering a pattern before any word — loops.
extension PatternElement {
    /// Can this match without consuming a word? `nullableName` answers for named patterns.
    func canMatchEmpty(_ nullableName: (String) -> Bool) -> Bool {
        switch self {
        case .word, .wildcardWord, .lemma, .tokenRegex, .textRegex, .entity, .systemEntity, .unsupported:
            false
        case .anyWords, .weight, .optional:
            true
        case .sequence(let items), .permutation(let items):
            items.allSatisfy { $0.canMatchEmpty(nullableName) }
        case .alternatives(let branches):
            branches.contains { $0.canMatchEmpty(nullableName) }
        case .valued(let inner, _), .repetition(let inner):
            inner.canMatchEmpty(nullableName)
        case .reference(let name, _):
            nullableName(name)
        }
    }

    /// Named patterns this element may enter before consuming any word, in order of appearance.
    func leadingReferences(_ nullableName: (String) -> Bool) -> [String] {
        switch self {
        case .reference(let name, _):
            return [name]
        case .sequence(let items):
            var names: [String] = []
            for item in items {
                names += item.leadingReferences(nullableName)
                if !item.canMatchEmpty(nullableName) { break }
            }
            return names
        case .permutation(let items), .alternatives(let items):
            return items.flatMap { $0.leadingReferences(nullableName) }
        case .optional(let inner), .valued(let inner, _), .repetition(let inner):
            return inner.leadingReferences(nullableName)
        case .word, .wildcardWord, .lemma, .anyWords, .tokenRegex, .textRegex, .entity, .weight, .systemEntity,
             .unsupported:
            return []
        }
    }
}
