import ConformJSON
import Foundation

/// What the parser may refer to: the names a pattern can use, and where the pattern starts.
struct PatternParseContext {
    var location: PatternSourceLocation
    var isPatternName: (String) -> Bool
    var isDictionaryName: (String) -> Bool
    /// System entities with a user-supplied stub (`@duckling.number`); others never match.
    var isStubbedSystemEntity: (String) -> Bool
}

/// A parsed pattern and what it depends on.
struct ParsedPattern: Sendable {
    var root: PatternElement
    /// Named patterns referenced, with where, in order of appearance.
    var references: [(name: String, location: PatternSourceLocation)]
    /// Constructs that can never match offline, in order of appearance, without repeats.
    var unsupportedFeatures: [String]
    /// Compiled `$regexp`/`$regexp_i`/`$regex` bodies, keyed by `RegexKey`.
    var regexes: [RegexKey: NSRegularExpression]
}

struct RegexKey: Hashable {
    var source: String
    var caseInsensitive: Bool
}

/// Recursive-descent parser of the JAICP pattern language (grammar in `PatternCompiler`'s docs).
struct PatternParser {
    static let maxNesting = 100

    private let chars: [Character]
    private var pos = 0
    private var depth = 0
    private let context: PatternParseContext
    private var references: [(name: String, location: PatternSourceLocation)] = []
    private var unsupported: [String] = []
    private var regexes: [RegexKey: NSRegularExpression] = [:]

    /// The closers of the groups we are inside, innermost last (`)`, `]`, `}` or `>`).
    private var closers: [Character] = []

    init(_ source: String, context: PatternParseContext) {
        chars = Array(source)
        self.context = context
    }

    static func parse(_ source: String, context: PatternParseContext) throws(PatternError) -> ParsedPattern {
        var parser = PatternParser(source, context: context)
        return try parser.parseWhole()
    }

    private mutating func parseWhole() throws(PatternError) -> ParsedPattern {
        skipSpaces()
        guard pos < chars.count else { throw .emptyPattern(at: location(0)) }
        let alternatives = try parseAlternatives(opening: nil, openedAt: 0)
        if pos < chars.count {
            throw .unexpectedClosing(chars[pos], expected: nil, at: location(pos))
        }
        let root = try group(alternatives, openedAt: 0, opening: nil)
        return ParsedPattern(root: root, references: references, unsupportedFeatures: unsupported, regexes: regexes)
    }

    // MARK: - Structure

    /// Sequences separated by `|` (or `/` inside a group) up to the group's closer or the end.
    ///
    /// An alternative written only with punctuation (`(это|=|equals)`, seen in JAICP's own modules)
    /// can never match a tokenized request, so it becomes a branch that never matches; when every
    /// alternative is like that, the group counts as empty.
    private mutating func parseAlternatives(opening: Character?, openedAt: Int) throws(PatternError) -> [[PatternElement]] {
        var alternatives: [[PatternElement]] = []
        var current: [PatternElement] = []
        var wroteSomething = false
        var separatorAt: Int?
        while true {
            skipSpaces()
            guard pos < chars.count else {
                if let opening { throw .unclosed(opening: opening, at: location(openedAt)) }
                break
            }
            let c = chars[pos]
            if isCloser(c) { break }
            if c == "|" || (c == "/" && !closers.isEmpty) {
                if !wroteSomething { throw .emptyAlternative(at: location(pos)) }
                alternatives.append(current)
                current = []
                wroteSomething = false
                separatorAt = pos
                pos += 1
                continue
            }
            separatorAt = nil
            wroteSomething = true
            current.append(contentsOf: try parsePostfix())
        }
        if let separatorAt, !wroteSomething { throw .emptyAlternative(at: location(separatorAt)) }
        if wroteSomething { alternatives.append(current) }
        guard alternatives.contains(where: { !$0.isEmpty }) else { return [] }
        return alternatives.map { $0.isEmpty ? [PatternElement.never] : $0 }
    }

    /// Is `c` the closer of some open group (or a stray closer, reported by the caller)?
    private func isCloser(_ c: Character) -> Bool {
        switch c {
        case ")", "]", "}": true
        case ">": closers.contains(">")
        default: false
        }
    }

    /// Builds the element of a group's alternatives.
    private func group(_ alternatives: [[PatternElement]], openedAt: Int, opening: Character?) throws(PatternError) -> PatternElement {
        guard !alternatives.isEmpty else {
            if let opening { throw .emptyGroup(opening: opening, at: location(openedAt)) }
            throw .emptyPattern(at: location(openedAt))
        }
        let branches = alternatives.map { $0.count == 1 ? $0[0] : .sequence($0) }
        return branches.count == 1 ? branches[0] : .alternatives(branches)
    }

    private mutating func parseBracketed(_ opening: Character) throws(PatternError) -> PatternElement {
        let openedAt = pos
        let closer = PatternError.closing(of: opening)
        pos += 1
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxNesting else { throw .nestingTooDeep(limit: Self.maxNesting, at: location(openedAt)) }
        closers.append(closer)
        let alternatives = try parseAlternatives(opening: opening, openedAt: openedAt)
        closers.removeLast()
        guard pos < chars.count, chars[pos] == closer else {
            if pos < chars.count { throw .unexpectedClosing(chars[pos], expected: closer, at: location(pos)) }
            throw .unclosed(opening: opening, at: location(openedAt))
        }
        pos += 1
        switch opening {
        case "[":
            return .optional(try group(alternatives, openedAt: openedAt, opening: opening))
        case "{":
            guard !alternatives.isEmpty else { throw .emptyGroup(opening: opening, at: location(openedAt)) }
            for members in alternatives where members.count > PatternProgram.maxPermutation {
                throw .tooManyPermutationElements(count: members.count, limit: PatternProgram.maxPermutation,
                                                  at: location(openedAt))
            }
            let permutations = alternatives.map { PatternElement.permutation($0) }
            return permutations.count == 1 ? permutations[0] : .alternatives(permutations)
        default:
            return try group(alternatives, openedAt: openedAt, opening: opening)
        }
    }

    /// A primary element with its `::Alias` and `:value` suffixes. Literal text may yield several
    /// words (`т.е.`) or none (`?`).
    private mutating func parsePostfix() throws(PatternError) -> [PatternElement] {
        var elements = try parsePrimary()
        if pos + 1 < chars.count, chars[pos] == ":", chars[pos + 1] == ":" {
            let aliasAt = pos
            pos += 2
            let alias = readName(extraCharacters: "")
            guard !alias.isEmpty else { throw .missingName(after: "::", at: location(aliasAt)) }
            if case .reference(let name, _)? = elements.last {
                elements[elements.count - 1] = .reference(name: name, alias: alias)
            }
        }
        // `$sber :0` and `(две $digit) : 2` mean `$sber:0` and `(две $digit):2`: the platform's own
        // zb-common writes values after spaces.
        var look = pos
        while look < chars.count, chars[look] == " " || chars[look] == "\t" { look += 1 }
        if look > pos, look + 1 < chars.count, chars[look] == ":", chars[look + 1] != ":" {
            var valueAt = look + 1
            while valueAt < chars.count, chars[valueAt] == " " || chars[valueAt] == "\t" { valueAt += 1 }
            if valueAt < chars.count, !")]}|/>".contains(chars[valueAt]), !chars[valueAt].isWhitespace { pos = look }
        }
        if pos < chars.count, chars[pos] == ":" {
            let colonAt = pos
            pos += 1
            let value = try readValue(colonAt: colonAt)
            let target: PatternElement = elements.count == 1 ? elements[0] : .sequence(elements)
            elements = elements.isEmpty ? [] : [.valued(target, value)]
        }
        return elements
    }

    private mutating func parsePrimary() throws(PatternError) -> [PatternElement] {
        let c = chars[pos]
        switch c {
        case "(", "[", "{":
            return [try parseBracketed(c)]
        case "~":
            let at = pos
            pos += 1
            let words = RequestText(readChunk()).words
            guard let lemma = words.first else { throw .missingName(after: "~", at: location(at)) }
            return [.lemma(lemma)] + words.dropFirst().map(PatternElement.word)
        case "$":
            return [try parseDollar()]
        case "@":
            let at = pos
            pos += 1
            var name = readName(extraCharacters: ".-")
            while name.hasSuffix(".") { name.removeLast(); pos -= 1 }
            guard !name.isEmpty else { throw .missingName(after: "@", at: location(at)) }
            if !context.isStubbedSystemEntity(name) { noteUnsupported("@" + name) }
            return [.systemEntity(name)]
        default:
            let chunk = readChunk()
            guard !chunk.isEmpty else {
                // A character that starts nothing, such as a stray ":" — skip it like punctuation.
                pos += 1
                return []
            }
            return literal(chunk)
        }
    }

    /// Pattern text outside brackets: words, `*`, `word*`, punctuation.
    private func literal(_ chunk: String) -> [PatternElement] {
        // A byte search first: Foundation's `contains` for a string was a twentieth of compiling a project.
        let hasStar = chunk.utf8.contains(0x2A)
            && (ASCIIDelimiters.standAlone(in: Substring(chunk).utf8, { $0 == 0x2A }) || chunk.contains("*"))
        guard hasStar else { return RequestText(chunk).words.map(PatternElement.word) }
        let isKept = { (c: Character) in RequestTokenizer.isWordCharacter(c) || c == "*" }
        guard let first = chunk.firstIndex(where: isKept), let last = chunk.lastIndex(where: isKept) else { return [] }
        let glob = String(chunk[first...last])
        if glob.allSatisfy({ $0 == "*" }) { return [.anyWords] }
        return [.wildcardWord(WildcardWord(glob))]
    }

    // MARK: - `$` forms

    private mutating func parseDollar() throws(PatternError) -> PatternElement {
        let at = pos
        pos += 1
        let name = readName(extraCharacters: "")
        guard !name.isEmpty else { throw .missingName(after: "$", at: location(at)) }
        guard pos < chars.count, chars[pos] == "<" else {
            guard context.isPatternName(name) else { throw .unknownPatternName(name, at: location(at)) }
            references.append((name, location(at)))
            return .reference(name: name, alias: nil)
        }
        let bodyAt = pos
        switch name {
        case "regexp", "regexp_i", "regex":
            let body = try readRawBody(openedAt: bodyAt)
            let caseInsensitive = name != "regexp"
            try compileRegex(body, caseInsensitive: caseInsensitive, at: bodyAt + 1)
            return name == "regex" ? .textRegex(body) : .tokenRegex(body, caseInsensitive: caseInsensitive)
        case "entity":
            let dictionary = try readRawBody(openedAt: bodyAt).trimmingCharacters()
            guard !dictionary.isEmpty else { throw .missingName(after: "$entity<", at: location(bodyAt)) }
            guard context.isDictionaryName(dictionary) else {
                throw .unknownDictionary(dictionary, at: location(bodyAt + 1))
            }
            return .entity(dictionary: dictionary)
        case "weight":
            let body = try readRawBody(openedAt: bodyAt)
            guard let weight = Self.weight(body.trimmingCharacters()) else {
                throw .invalidWeight(body, at: location(bodyAt + 1))
            }
            return .weight(weight)
        case "repeat":
            return .repetition(try parseBracketed("<"))
        case "morph":
            let body = try readRawBody(openedAt: bodyAt)
            noteUnsupported("$morph<\(body)>")
            return .unsupported("$morph<\(body)>")
        default:
            throw .unknownFunction(name, at: location(at))
        }
    }

    /// The text between `<` at `openedAt` and its `>`, skipping `>` inside regex groups, classes
    /// and escapes (`(?<name>…)`, `[<>]`, `\>`). When brackets never balance, the body ends at the
    /// first `>`, so an unbalanced regex is reported as such rather than as an unclosed `<`.
    private mutating func readRawBody(openedAt: Int) throws(PatternError) -> String {
        var i = openedAt + 1
        var parens = 0
        var inClass = false
        var firstClose: Int?
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                i += 2
                continue
            }
            if c == ">", firstClose == nil { firstClose = i }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "(" {
                parens += 1
            } else if c == ")" {
                parens = max(0, parens - 1)
            } else if c == ">" && parens == 0 {
                pos = i + 1
                return String(chars[(openedAt + 1)..<i])
            }
            i += 1
        }
        guard let firstClose else { throw .unclosed(opening: "<", at: location(openedAt)) }
        pos = firstClose + 1
        return String(chars[(openedAt + 1)..<firstClose])
    }

    private mutating func compileRegex(_ body: String, caseInsensitive: Bool, at offset: Int) throws(PatternError) {
        let key = RegexKey(source: body, caseInsensitive: caseInsensitive)
        guard regexes[key] == nil else { return }
        guard !body.isEmpty,
              let regex = try? NSRegularExpression(pattern: "\\A(?:\(body))\\z",
                                                   options: caseInsensitive ? [.caseInsensitive] : [])
        else { throw .invalidRegex(body, at: location(offset)) }
        regexes[key] = regex
    }

    // MARK: - Lexing

    private mutating func skipSpaces() {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
    }

    /// Literal pattern text up to whitespace or a character with a meaning here.
    private mutating func readChunk() -> String {
        let start = pos
        while pos < chars.count {
            let c = chars[pos]
            if Self.endsChunk(c) { break }
            if c == "/", !closers.isEmpty { break }
            if c == ">", closers.contains(">") { break }
            pos += 1
        }
        return String(chars[start..<pos])
    }

    /// Whitespace or a structural character. Asked for every character of every pattern: ASCII is
    /// answered without Unicode property tables or a string search.
    static func endsChunk(_ c: Character) -> Bool {
        if let ascii = c.asciiValue {
            switch ascii {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D,  // whitespace
                 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x7C, 0x3A:  // ( ) [ ] { } | :
                return true
            default:
                return false
            }
        }
        return c.isWhitespace
    }

    /// A name made of letters, digits, `_` and `extraCharacters`.
    private mutating func readName(extraCharacters: String) -> String {
        let start = pos
        while pos < chars.count, RequestTokenizer.isWordCharacter(chars[pos]) || extraCharacters.contains(chars[pos]) {
            pos += 1
        }
        return String(chars[start..<pos])
    }

    /// The value after `:`: a JSON string, object or array, or text up to a space or closer, read as
    /// JSON when it is JSON (`1`, `true`) and as a string otherwise (`yes`, `привет`).
    private mutating func readValue(colonAt: Int) throws(PatternError) -> JSONValue {
        while pos < chars.count, chars[pos] == " " || chars[pos] == "\t" { pos += 1 }
        let start = pos
        if pos < chars.count, chars[pos] == "\"" || chars[pos] == "{" || chars[pos] == "[" {
            skipJSON()
            let text = String(chars[start..<pos])
            return (try? JSONParser.parse(text)) ?? .string(text)
        }
        while pos < chars.count {
            let c = chars[pos]
            if c.isWhitespace || ")]}|".contains(c) { break }
            if c == "/", !closers.isEmpty { break }
            if c == ">", closers.contains(">") { break }
            pos += 1
        }
        guard pos > start else { throw .missingValue(at: location(colonAt)) }
        return EntityDictionary.value(of: String(chars[start..<pos])) ?? .null
    }

    /// Moves past one JSON string, object or array (tolerating bad JSON: stops at the end).
    private mutating func skipJSON() {
        var nesting = 0
        var inString = false
        while pos < chars.count {
            let c = chars[pos]
            pos += 1
            if inString {
                if c == "\\" { pos += 1 } else if c == "\"" { inString = false; if nesting == 0 { return } }
            } else if c == "\"" {
                inString = true
            } else if c == "{" || c == "[" {
                nesting += 1
            } else if c == "}" || c == "]" {
                nesting -= 1
                if nesting <= 0 { return }
            }
        }
    }

    private mutating func noteUnsupported(_ feature: String) {
        if !unsupported.contains(feature) { unsupported.append(feature) }
    }

    private func location(_ offset: Int) -> PatternSourceLocation {
        context.location.advanced(by: offset, in: chars)
    }
}

extension PatternParser {
    /// A `$weight<…>` body as the factor conform multiplies the sequence's score by: a number
    /// (`1.05`, `0.8`, `-1`), or JAICP's multiplier-and-shift forms `a+b`, `a-b` and `+b`.
    /// *(inferred)* JAICP's pattern-weight page describes the shift as added to the weight after the
    /// multiplier (`$weight<100.3+100>` in a public bot's tax scenario); conform has no separate
    /// additive score, so the weight becomes `a + b` (`a` is 1 when left out). A leading `-` stays a
    /// plain negative number, as the platform's own pattern library uses `$weight<-1>`.
    static func weight(_ body: String) -> Double? {
        if !body.hasPrefix("+"), let plain = Double(body) { return plain.isFinite ? plain : nil }
        let characters = Array(body)
        // The sign between the two numbers: not the first character, nor an exponent's (`1e-3+1`).
        guard let sign = characters.indices.dropFirst().first(where: {
                  (characters[$0] == "+" || characters[$0] == "-") && characters[$0 - 1] != "e" && characters[$0 - 1] != "E"
              })
                ?? (characters.first == "+" ? 0 : nil) else { return nil }
        let head = String(characters[..<sign]).trimmingCharacters()
        let tail = String(characters[(sign + 1)...]).trimmingCharacters()
        guard tail.first?.isNumber == true || tail.first == ".", let shift = Double(tail) else { return nil }
        let factor = head.isEmpty ? 1 : Double(head)
        guard let factor, !head.hasPrefix("+") else { return nil }
        let weight = characters[sign] == "+" ? factor + shift : factor - shift
        return weight.isFinite ? weight : nil
    }
}
