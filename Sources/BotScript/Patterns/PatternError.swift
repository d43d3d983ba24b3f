/// A pattern that cannot be compiled, with the exact place and what to do about it.
///
/// ```swift
/// do { _ = try PatternCompiler().compile("* (привет|здравствуй *", at: location) }
/// catch { print(error) }
/// // src/main.sc:12:7: error: "(" is never closed … add ")" …
/// ```
public enum PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `(`, `[`, `{` or the `<` of `$regexp<…>` opened at `at` and never closed.
    case unclosed(opening: Character, at: PatternSourceLocation)
    /// A `)`, `]`, `}` or `>` that closes nothing, or closes the wrong kind of bracket.
    case unexpectedClosing(Character, expected: Character?, at: PatternSourceLocation)
    /// `(a||b)`, `(a|)`, `[|b]`: an alternative with nothing in it.
    case emptyAlternative(at: PatternSourceLocation)
    /// `()`, `[]`, `{}` or `$repeat<>`.
    case emptyGroup(opening: Character, at: PatternSourceLocation)
    /// The whole pattern is empty or only whitespace.
    case emptyPattern(at: PatternSourceLocation)
    /// `$Name` that no `patterns:` declaration defines.
    case unknownPatternName(String, at: PatternSourceLocation)
    /// `$entity<Dict>` where no required `.csv` dictionary has `name = Dict`.
    case unknownDictionary(String, at: PatternSourceLocation)
    /// `$something<…>` that is not a pattern function conform knows.
    case unknownFunction(String, at: PatternSourceLocation)
    /// `$regexp<…>`, `$regexp_i<…>` or `$regex<…>` whose body is not a valid regular expression.
    case invalidRegex(String, at: PatternSourceLocation)
    /// `$weight<…>` whose body is not a number.
    case invalidWeight(String, at: PatternSourceLocation)
    /// `$`, `~`, `@` or `::` with no name after it.
    case missingName(after: String, at: PatternSourceLocation)
    /// `word:` with no value after the colon.
    case missingValue(at: PatternSourceLocation)
    /// Named patterns that re-enter each other before matching any word (left recursion), so
    /// matching would never end; the list starts and ends with the same name. Recursion after a
    /// word (`$Relative = (брат | двоюродный $Relative)`) is fine.
    case patternCycle([String], at: PatternSourceLocation)
    /// Two `patterns:` declarations of the same name.
    case duplicatePatternName(String, at: PatternSourceLocation, firstAt: PatternSourceLocation)
    /// Brackets nested deeper than `limit`.
    case nestingTooDeep(limit: Int, at: PatternSourceLocation)
    /// `{…}` with more elements than the matcher tries in every order.
    case tooManyPermutationElements(count: Int, limit: Int, at: PatternSourceLocation)

    public var location: PatternSourceLocation {
        switch self {
        case .unclosed(_, let at), .unexpectedClosing(_, _, let at), .emptyAlternative(let at),
             .emptyGroup(_, let at), .emptyPattern(let at), .unknownPatternName(_, let at),
             .unknownDictionary(_, let at), .unknownFunction(_, let at), .invalidRegex(_, let at),
             .invalidWeight(_, let at), .missingName(_, let at), .missingValue(let at),
             .patternCycle(_, let at), .duplicatePatternName(_, let at, _), .nestingTooDeep(_, let at),
             .tooManyPermutationElements(_, _, let at):
            at
        }
    }

    /// What is wrong and what to do, without the location.
    public var message: String {
        switch self {
        case .unclosed(let opening, _):
            let closing = PatternError.closing(of: opening)
            return "\"\(opening)\" is never closed; add \"\(closing)\" where the group ends"
        case .unexpectedClosing(let closing, let expected?, _):
            return "\"\(closing)\" closes nothing here: the open group needs \"\(expected)\"; fix the bracket"
        case .unexpectedClosing(let closing, nil, _):
            return "\"\(closing)\" closes nothing: remove it or add the opening bracket"
        case .emptyAlternative:
            return "empty alternative: remove the extra \"|\" or \"/\", or wrap the group in [ ] to make it optional"
        case .emptyGroup(let opening, _):
            return "empty \"\(opening)\(PatternError.closing(of: opening))\": put words inside or remove it"
        case .emptyPattern:
            return "empty pattern: write at least one word, or \"*\" to match any request"
        case .unknownPatternName(let name, _):
            return "unknown named pattern $\(name): declare it under \"patterns:\" (\"$\(name) = …\") "
                + "or require the file that declares it"
        case .unknownDictionary(let name, _):
            return "unknown dictionary \"\(name)\" in $entity<\(name)>: require its .csv file "
                + "with \"name = \(name)\""
        case .unknownFunction(let name, _):
            return "unknown pattern function $\(name)<…>: conform knows $regexp, $regexp_i, $regex, "
                + "$entity, $weight, $repeat and $morph"
        case .invalidRegex(let body, _):
            return "\"\(body)\" is not a valid regular expression (ICU syntax, close to Java's); "
                + "check brackets and escapes"
        case .invalidWeight(let body, _):
            return "$weight<\(body)> needs a number, such as $weight<1.05>, $weight<-1> or $weight<1+0.5>"
        case .missingName(let after, _):
            return "\"\(after)\" must be followed by a name, such as $City, ~lemma, @duckling.number or $City::From"
        case .missingValue:
            return "\":\" must be followed by a value, such as да:yes or (one|1):1"
        case .patternCycle(let cycle, _):
            return "named patterns re-enter each other before matching any word: "
                + cycle.map { "$\($0)" }.joined(separator: " → ")
                + "; make each round match a word first, or break the loop"
        case .duplicatePatternName(let name, _, let first):
            return "$\(name) is declared twice (first at \(first)); rename or remove one"
        case .nestingTooDeep(let limit, _):
            return "brackets nested deeper than \(limit) levels; simplify the pattern or split it into named patterns"
        case .tooManyPermutationElements(let count, let limit, _):
            return "{…} has \(count) elements, more than the \(limit) conform tries in every order; "
                + "group some of them in ( ) or split the pattern"
        }
    }

    public var description: String { "\(location): error: \(message)" }

    static func closing(of opening: Character) -> Character {
        switch opening {
        case "(": ")"
        case "[": "]"
        case "{": "}"
        default: ">"
        }
    }
}
