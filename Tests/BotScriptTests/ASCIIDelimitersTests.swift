@testable import BotScript
import Testing

/// The byte-wise readers must give what the `Character` readings give, non-ASCII neighbours included.
@Suite struct ASCIIDelimitersTests {
    /// Spaces next to a combining mark (U+0301, joins the character before it), a prepended mark
    /// (U+0600, joins the character after it), CR LF (one character), tabs, Cyrillic, emoji.
    static let samples = [
        "", " ", " \t\r\n ", "a", "  abc  ", "\tq!: hello\t", "привет ", "  ёлка", " \u{301}x ", "x \u{301}",
        "\u{600} x", "x\u{600} ", " a\r\n", "\r\n a b \r\n", " 🎉 ", "a\u{301} ", " \u{2003}a\u{2003} ", "a b\u{301}",
    ]

    static func characterTrimmed(_ text: Substring) -> Substring {
        var s = text
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }

    @Test func trimmingMatchesTheCharacterReading() {
        for sample in Self.samples {
            let text = Substring(sample)
            #expect(text.trimmed() == Self.characterTrimmed(text), "\(sample.unicodeScalars.map { $0.value })")
            #expect(sample.trimmingCharacters() == String(Self.characterTrimmed(text)))
        }
    }

    @Test func columnsMatchTheCharacterCount() {
        for sample in Self.samples {
            let text = Substring(sample)
            for index in text.indices + [text.endIndex] {
                #expect(ASCIIDelimiters.characterOffset(in: text, to: index) == text.distance(from: text.startIndex, to: index),
                        "\(sample.unicodeScalars.map { $0.value }) at \(text.distance(from: text.startIndex, to: index))")
            }
        }
    }
}
