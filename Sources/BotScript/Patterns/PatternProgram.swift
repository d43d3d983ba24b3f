import ConformJSON
import Foundation

/// A pattern lowered for matching: nodes in an array, children by index, so the matcher can
/// memoize "node N starting at word i" and stay polynomial on patterns like `* a * b * c *`.
struct PatternProgram: Sendable {
    /// `{…}` members tried in every order: 2^n states, so n stays small.
    static let maxPermutation = 10

    enum Node: Sendable {
        case word([UInt8])
        case wildcard(WildcardWord)
        case lemma(LemmaRule.Forms)
        case anyWords
        /// Children one after another; the sum of their scores times `weight` (the `$weight`s in it).
        case sequence([Int], weight: Double)
        case optional(Int)
        case alternatives([Int])
        case permutation([Int], weight: Double)
        /// A library pattern (`PatternLibrary.patterns[pattern]`), captured under `tag`.
        case reference(pattern: Int, tag: String)
        case valued(Int, JSONValue)
        /// `spansWords`: the regex can match whitespace, so it is also tried on runs of words.
        case tokenRegex(NSRegularExpression, caseInsensitive: Bool, spansWords: Bool)
        case textRegex(NSRegularExpression)
        case entity(dictionary: Int)
        case repetition(Int)
        /// Matches no words (a `$weight` standing alone).
        case empty
        /// Never matches (an unsupported construct, a system entity without stub, a broken declaration).
        case never
    }

    var nodes: [Node]
    var root: Int

    /// A program that matches nothing, for declarations that failed to compile.
    static let never = PatternProgram(nodes: [.never], root: 0)

    /// What names and regexes mean while lowering.
    struct Resolver {
        var patternIndex: (String) -> Int?
        var dictionaryIndex: (String) -> Int?
        /// Library index of the stub of a system entity, keyed by its name without `@`.
        var stubIndex: (String) -> Int?
        var regexes: [RegexKey: NSRegularExpression]
    }

    init(nodes: [Node], root: Int) {
        self.nodes = nodes
        self.root = root
    }

    init(lowering element: PatternElement, resolver: Resolver) {
        var builder = Builder(resolver: resolver)
        let root = builder.lower(element)
        self.init(nodes: builder.nodes, root: root)
    }

    private struct Builder {
        let resolver: Resolver
        var nodes: [Node] = []

        init(resolver: Resolver) { self.resolver = resolver }

        mutating func add(_ node: Node) -> Int {
            nodes.append(node)
            return nodes.count - 1
        }

        mutating func lower(_ element: PatternElement) -> Int {
            switch element {
            case .word(let word): return add(.word(Array(word.utf8)))
            case .wildcardWord(let glob): return add(.wildcard(glob))
            case .lemma(let lemma): return add(.lemma(LemmaRule.Forms(lemma)))
            case .anyWords: return add(.anyWords)
            case .sequence(let items):
                let (children, weight) = lowerWeighted(items)
                return add(.sequence(children, weight: weight))
            case .permutation(let items):
                let (children, weight) = lowerWeighted(items)
                return add(.permutation(children, weight: weight))
            case .optional(let inner): return add(.optional(lower(inner)))
            case .alternatives(let branches): return add(.alternatives(branches.map { lower($0) }))
            case .reference(let name, let alias):
                guard let index = resolver.patternIndex(name) else { return add(.never) }
                return add(.reference(pattern: index, tag: alias ?? name))
            case .valued(let inner, let value): return add(.valued(lower(inner), value))
            case .tokenRegex(let source, let caseInsensitive):
                guard let regex = resolver.regexes[RegexKey(source: source, caseInsensitive: caseInsensitive)] else {
                    return add(.never)
                }
                return add(.tokenRegex(regex, caseInsensitive: caseInsensitive,
                                       spansWords: TokenRegexSpan.canMatchWhitespace(source)))
            case .textRegex(let source):
                guard let regex = resolver.regexes[RegexKey(source: source, caseInsensitive: true)] else {
                    return add(.never)
                }
                return add(.textRegex(regex))
            case .entity(let dictionary):
                guard let index = resolver.dictionaryIndex(dictionary) else { return add(.never) }
                return add(.entity(dictionary: index))
            case .weight(let weight): return add(.sequence([], weight: weight))
            case .repetition(let inner): return add(.repetition(lower(inner)))
            case .systemEntity(let name):
                guard let index = resolver.stubIndex(name) else { return add(.never) }
                return add(.reference(pattern: index, tag: name))
            case .unsupported: return add(.never)
            }
        }

        /// Children without the `$weight`s, and the product of those weights.
        mutating func lowerWeighted(_ items: [PatternElement]) -> ([Int], Double) {
            var weight = 1.0
            var children: [Int] = []
            for item in items {
                if case .weight(let w) = item { weight *= w } else { children.append(lower(item)) }
            }
            return (children, weight)
        }
    }
}

/// Whether a `$regexp<…>` / `$regexp_i<…>` is tried on several words.
///
/// JAICP documents `$regexp` as matching a word, but its own zb-common module's tests (which pass on
/// JAICP) match `$regexp<(\+?(8|7)[\-\s]?)?\(?9\d{2}\)?[\-\s]?\d{3}…>` against "8 927 605 45 65" and
/// a date period regex with `\s?(-|—)\s?` against "11.05 - 20.05", and public bots write whole
/// sentences as one regex (`$regexp_i<.*(хорош|норм|отли).*>`). *(inferred)* A regex that can match
/// whitespace — a space, `\s`, `\D`, `\W`, an unescaped `.` or a negated class — is also matched,
/// whole, against the text of each run of two or more words (as written between the first and the
/// last, punctuation inside included); other regexes (`\d+`, `[а-я]+`) see one word only.
enum TokenRegexSpan {
    static func canMatchWhitespace(_ source: String) -> Bool {
        // `class`: the members read so far of the character class being read, if any; `negated`: `[^…]`.
        var `class`: [String]?
        var negated = false
        var chars = Array(source)[...]
        while let c = chars.popFirst() {
            var item = String(c)
            if c == "\\", let next = chars.popFirst() { item = "\\" + String(next) }
            if var members = `class` {
                if item == "^" && members.isEmpty && !negated { negated = true; continue }
                if item == "]" {
                    // A negated class matches whitespace unless it lists it (`[^\s]`, `[^ ,]`, `[^\W]`).
                    let listsWhitespace = members.contains { [" ", "\\s", "\\W", "\\D"].contains($0) }
                    if negated ? !listsWhitespace : listsWhitespace { return true }
                    `class` = nil
                    continue
                }
                members.append(item)
                `class` = members
                continue
            }
            switch item {
            case " ", ".", "\\s", "\\D", "\\W": return true
            case "[": `class` = []; negated = false
            default: break
            }
        }
        return false
    }
}
