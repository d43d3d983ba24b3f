/// A request split into the words patterns are matched against.
///
/// JAICP matches patterns against the normalized request: lower-cased, `ё` read as `е`, split into
/// words with punctuation dropped. Each token keeps its original spelling and range too, for
/// `$regexp_i`, for `$regex` spans and for the `text` of parse trees.
///
/// ```swift
/// let request = RequestText("Привет, Ёжик! Курс 3.5 — как-то так")
/// request.words   // ["привет", "ежик", "курс", "3.5", "как-то", "так"]
/// request.tokens[1].original   // "Ёжик"
/// ```
///
/// Tokenization rule (*inferred*: JAICP documents no tokenizer; this reproduces what public bots'
/// patterns rely on, e.g. `как-то`, `чат-бот`, `$regexp<\d{3}\.\d{1,3}>`, `$regexp<…@…\.\w+>`):
/// 1. The text is cut at whitespace into chunks.
/// 2. A chunk holding an e-mail address (`@` between word characters) is one token, its leading and
///    trailing punctuation removed, so `$regexp<…@…>` sees the whole address.
/// 3. Otherwise a token is a run of word characters (letters, digits, combining marks, `_`), joined
///    across `-`, `'` and `’` when a word character stands on both sides (`как-то`, `don't`), and across
///    `.`, `,` and `:` when a digit stands on both sides (`3.5`, `1.000.000`, `10:30`).
///    A `-` or `−` right before a digit and not after a word character starts the token (`-5`).
/// 4. Every other character is punctuation and is dropped; it only separates tokens.
public struct RequestText: Sendable, Equatable {
    /// The request exactly as received.
    public let original: String
    public let tokens: [RequestToken]
    /// The normalized words as UTF-8, for fast comparison while matching.
    let wordBytes: [[UInt8]]

    public init(_ text: String) {
        original = text
        tokens = RequestTokenizer.tokens(of: text)
        wordBytes = tokens.map { Array($0.word.utf8) }
    }

    /// The normalized words, in order.
    public var words: [String] { tokens.map(\.word) }

    public var isEmpty: Bool { tokens.isEmpty }

    /// Lower-cases and reads `ё` as `е`: the form pattern words and request words are compared in.
    /// Decomposed `й` and `ё` (a letter plus a combining mark) are composed first, so that words
    /// can be compared byte by byte.
    public static func normalize(_ text: some StringProtocol) -> String {
        // ASCII text, the common case for pattern words: lower-cased byte by byte.
        var utf8 = text.utf8.makeIterator()
        var ascii = true
        var upper = false
        while let byte = utf8.next() {
            if byte >= 0x80 { ascii = false; break }
            if byte >= 0x41 && byte <= 0x5A { upper = true }
        }
        if ascii {
            guard upper else { return String(text) }
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x41...0x5A, 0x410...0x42F: value += 0x20  // A-Z, А-Я
            case 0x00...0x7F, 0x430...0x44F: break
            case 0x401, 0x451: value = 0x435  // Ё, ё → е
            case 0x306 where previous == 0x438:  // и + combining breve = й
                scalars.removeLast()
                value = 0x439
            case 0x308 where previous == 0x435:  // е + combining diaeresis = ё → е
                continue
            default:
                return normalizeSlowly(text)
            }
            scalars.append(Unicode.Scalar(value).unsafelyUnwrapped)
            previous = value
        }
        return String(scalars)
    }

    /// `normalize` for text beyond ASCII and Russian letters.
    private static func normalizeSlowly(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "\u{0308}", previous == "е" { continue }
            if scalar == "\u{0306}", previous == "и" {
                scalars.removeLast()
                scalars.append("й")
                previous = "й"
                continue
            }
            scalars.append(scalar == "ё" ? "е" : scalar)
            previous = scalar
        }
        return String(scalars)
    }
}

/// One word of a request.
public struct RequestToken: Sendable, Equatable {
    /// Normalized: lower-cased, `ё` → `е`.
    public var word: String
    /// As written in the request.
    public var original: String
    /// Where `original` sits in `RequestText.original`.
    public var range: Range<String.Index>

    public init(word: String, original: String, range: Range<String.Index>) {
        self.word = word
        self.original = original
        self.range = range
    }
}

/// The tokenization rule documented on `RequestText`, over Unicode scalars (much faster than
/// grapheme-by-grapheme; combining marks count as word characters, so no word is cut inside a letter).
enum RequestTokenizer {
    static func tokens(of text: String) -> [RequestToken] {
        let scalars = text.unicodeScalars
        var result: [RequestToken] = []
        var chunk: [(scalar: Unicode.Scalar, index: String.Index)] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isWhitespace(scalar.value) {
                if !chunk.isEmpty { appendTokens(of: text, chunk: chunk, end: index, to: &result) }
                chunk.removeAll(keepingCapacity: true)
            } else {
                chunk.append((scalar, index))
            }
            index = scalars.index(after: index)
        }
        if !chunk.isEmpty { appendTokens(of: text, chunk: chunk, end: scalars.endIndex, to: &result) }
        return result
    }

    /// Unicode's White_Space property, spelled out: asking `Unicode.Scalar.Properties` cost 330
    /// instructions a letter, a quarter of tokenizing a big entity dictionary (zb-common's 70,000
    /// entries at every start of a bot that uses it). The list is closed (stable since Unicode 6.3).
    static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c.unicodeScalars.first.map(isWordScalar) ?? false
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
        }
        if (0x0410...0x044F).contains(s.value) || s.value == 0x0401 || s.value == 0x0451 { return true }
        let properties = s.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? (s.value >= 0x30 && s.value <= 0x39) : s.properties.numericType != nil
    }

    /// Tokens of one whitespace-free chunk; `end` is where the chunk ends in `text`.
    private static func appendTokens(of text: String, chunk: [(scalar: Unicode.Scalar, index: String.Index)],
                                     end: String.Index, to result: inout [RequestToken])
    {
        func emit(_ from: Int, _ to: Int) {
            let range = chunk[from].index..<(to < chunk.count ? chunk[to].index : end)
            let original = String(text.unicodeScalars[range])
            result.append(RequestToken(word: RequestText.normalize(original), original: original, range: range))
        }

        if let at = chunk.firstIndex(where: { $0.scalar == "@" }), at > 0, at + 1 < chunk.count,
           isWordScalar(chunk[at - 1].scalar), isWordScalar(chunk[at + 1].scalar),
           let first = chunk.firstIndex(where: { isWordScalar($0.scalar) }),
           let last = chunk.lastIndex(where: { isWordScalar($0.scalar) })
        {
            emit(first, last + 1)
            return
        }

        var start: Int?
        for k in chunk.indices {
            let c = chunk[k].scalar
            if isWordScalar(c) {
                if start == nil { start = k }
            } else if start != nil, k + 1 < chunk.count, joins(c, chunk[k - 1].scalar, chunk[k + 1].scalar) {
                // Stays inside the current token.
            } else if start == nil, c == "-" || c == "\u{2212}", k + 1 < chunk.count, isDigit(chunk[k + 1].scalar) {
                start = k
            } else if let s = start {
                emit(s, k)
                start = nil
            }
        }
        if let s = start { emit(s, chunk.count) }
    }

    private static func joins(_ c: Unicode.Scalar, _ previous: Unicode.Scalar, _ next: Unicode.Scalar) -> Bool {
        switch c {
        case "-", "'", "\u{2019}": isWordScalar(previous) && isWordScalar(next)
        case ".", ",", ":": isDigit(previous) && isDigit(next)
        default: false
        }
    }
}
