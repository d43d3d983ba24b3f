/// Finding ASCII delimiters (`/`, `:`, brackets) in UTF-8 bytes instead of walking `Character`s, which
/// was most of loading a large project. A delimiter byte is the same as the `Character` unless a
/// non-ASCII neighbour joins it into one grapheme (a combining mark after it, a prepended mark before
/// it); callers fall back to their `Character` reading when `standsAlone` says a delimiter is touched.
enum ASCIIDelimiters {
    /// Whether every byte in `delimiters` within `text` has ASCII neighbours (or none).
    static func standAlone(in text: Substring.UTF8View, _ delimiters: (UInt8) -> Bool) -> Bool {
        var previous: UInt8 = 0
        var i = text.startIndex
        while i < text.endIndex {
            let byte = text[i]
            if delimiters(byte) {
                if previous >= 0x80 { return false }
                let next = text.index(after: i)
                if next < text.endIndex, text[next] >= 0x80 { return false }
            }
            previous = byte
            i = text.index(after: i)
        }
        return true
    }

    /// The pieces of `text` between `/` bytes, without empty ones (`split(separator: "/")`).
    static func slashSeparated(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if utf8[i] == 0x2F {
                if start < i { parts.append(text[start..<i]) }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start < utf8.endIndex { parts.append(text[start..<utf8.endIndex]) }
        return parts
    }

    /// The number of characters from `text`'s start to `index` (a column), counted in bytes when they
    /// are all ASCII with no carriage return (`\r\n` is one character) and no non-ASCII byte at
    /// `index` (a combining mark there would join the last one).
    static func characterOffset(in text: Substring, to index: String.Index) -> Int {
        let bytes = text.utf8
        let prefix = bytes[bytes.startIndex..<index]
        if prefix.allSatisfy({ $0 < 0x80 && $0 != 0x0D }), index == bytes.endIndex || bytes[index] < 0x80 {
            return prefix.count
        }
        return text.distance(from: text.startIndex, to: index)
    }

    /// `text` without whitespace at either end, decided byte by byte when the first and last bytes
    /// kept are ASCII (then no mark can join a dropped space to a kept character); nil when a
    /// `Character` reading is needed.
    static func trimmedASCII(_ text: Substring) -> Substring? {
        let bytes = text.utf8
        let isSpace = { (b: UInt8) in b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var lower = bytes.startIndex, upper = bytes.endIndex
        while lower < upper, isSpace(bytes[lower]) { lower = bytes.index(after: lower) }
        while lower < upper {
            let last = bytes.index(before: upper)
            guard isSpace(bytes[last]) else { break }
            upper = last
        }
        guard lower == upper || (bytes[lower] < 0x80 && bytes[bytes.index(before: upper)] < 0x80) else { return nil }
        return text[lower..<upper]
    }
}
