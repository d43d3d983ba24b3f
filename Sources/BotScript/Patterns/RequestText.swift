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

    public init(_ text: String) {
        original = text
        tokens = RequestTokenizer.tokens(of: text)
    }

    /// The normalized words, in order.
    public var words: [String] { tokens.map(\.word) }

    public var isEmpty: Bool { tokens.isEmpty }

    /// Lower-cases and reads `ё` as `е`: the form pattern words and request words are compared in.
    public static func normalize(_ text: some StringProtocol) -> String {
        let lower = text.lowercased()
        guard lower.contains("ё") else { return lower }
        return String(lower.map { $0 == "ё" ? "е" : $0 })
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

/// The tokenization rule documented on `RequestText`.
enum RequestTokenizer {
    static func tokens(of text: String) -> [RequestToken] {
        var result: [RequestToken] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard !text[index].isWhitespace else {
                index = text.index(after: index)
                continue
            }
            var chunkEnd = index
            while chunkEnd < text.endIndex, !text[chunkEnd].isWhitespace { chunkEnd = text.index(after: chunkEnd) }
            appendTokens(of: text, chunk: index..<chunkEnd, to: &result)
            index = chunkEnd
        }
        return result
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_"
    }

    private static func appendTokens(of text: String, chunk: Range<String.Index>, to result: inout [RequestToken]) {
        let characters = Array(text[chunk])
        var offsets: [String.Index] = []
        offsets.reserveCapacity(characters.count + 1)
        var i = chunk.lowerBound
        while i < chunk.upperBound {
            offsets.append(i)
            i = text.index(after: i)
        }
        offsets.append(chunk.upperBound)

        func emit(_ from: Int, _ to: Int) {
            let range = offsets[from]..<offsets[to]
            let original = String(text[range])
            result.append(RequestToken(word: RequestText.normalize(original), original: original, range: range))
        }

        if let at = characters.firstIndex(of: "@"), at > 0, at + 1 < characters.count,
           isWordCharacter(characters[at - 1]), isWordCharacter(characters[at + 1]),
           let first = characters.firstIndex(where: isWordCharacter),
           let last = characters.lastIndex(where: isWordCharacter)
        {
            emit(first, last + 1)
            return
        }

        var start: Int?
        var k = 0
        while k < characters.count {
            let c = characters[k]
            let previous: Character? = k > 0 ? characters[k - 1] : nil
            let next: Character? = k + 1 < characters.count ? characters[k + 1] : nil
            if isWordCharacter(c) {
                if start == nil { start = k }
            } else if start != nil, let previous, let next, joins(c, previous, next) {
                // Stays inside the current token.
            } else if start == nil, c == "-" || c == "−", next?.isNumber == true {
                start = k
            } else if let s = start {
                emit(s, k)
                start = nil
            }
            k += 1
        }
        if let s = start { emit(s, characters.count) }
    }

    private static func joins(_ c: Character, _ previous: Character, _ next: Character) -> Bool {
        switch c {
        case "-", "'", "’": isWordCharacter(previous) && isWordCharacter(next)
        case ".", ",", ":": previous.isNumber && next.isNumber
        default: false
        }
    }
}
