/// A source file's text split into physical lines, with the quirks of files written on other systems
/// removed: a UTF-8 byte order mark, CRLF and lone CR line ends.
public struct SourceText: Sendable {
    public struct Line: Sendable {
        /// 1-based line number.
        public var number: Int
        /// The line without its line end.
        public var text: Substring
        /// Indentation width in columns; a tab advances to the next multiple of `tabWidth`.
        public var indent: Int
        /// The text after the indentation.
        public var content: Substring
        public var isBlank: Bool {
            // Most lines start with an ASCII character that is not white space: no Unicode lookup.
            guard let first = content.utf8.first else { return true }
            if first < 0x80, first != 0x20, first != 0x09, first != 0x0B, first != 0x0C { return false }
            return content.allSatisfy(\.isWhitespace)
        }
        /// `#` as the first non-blank character: an `.sc` comment line.
        public var isComment: Bool { content.first == "#" }
    }

    /// JAICP's editor inserts spaces; for files indented with tabs a tab counts as 4 columns (what the
    /// JAICP web IDE shows), so a file that mixes them lines up the way its author saw it.
    public static let tabWidth = 4

    public let file: String
    public let lines: [Line]

    public init(file: String, text: String) {
        self.file = file
        self.lines = Self.split(text)
    }

    /// Lines are found in the UTF-8 bytes (line ends and indentation are ASCII): walking the text
    /// character by character was the largest part of loading a big project.
    private static func split(_ text: String) -> [Line] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let utf8 = body.utf8
        var lines: [Line] = []
        var number = 0
        func emit(_ start: Substring.Index, _ end: Substring.Index) {
            number += 1
            let text = body[start..<end]
            var indent = 0
            var contentStart = start
            for byte in text.utf8 {
                if byte == 0x20 { indent += 1 } else if byte == 0x09 { indent += tabWidth - indent % tabWidth } else { break }
                contentStart = utf8.index(after: contentStart)
            }
            if contentStart < end, utf8[contentStart] >= 0x80 {
                // A combining mark may join the last indentation character: count it as Character does.
                (indent, contentStart) = characterIndent(text)
            }
            var contentEnd = end
            while contentEnd > contentStart {
                let before = utf8.index(before: contentEnd)
                guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
                contentEnd = before
            }
            lines.append(Line(number: number, text: text, indent: indent, content: body[contentStart..<contentEnd]))
        }
        // Split on \n, \r\n and lone \r.
        var start = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == 0x0A || byte == 0x0D {
                emit(start, i)
                i = utf8.index(after: i)
                if byte == 0x0D, i < utf8.endIndex, utf8[i] == 0x0A { i = utf8.index(after: i) }
                start = i
            } else {
                i = utf8.index(after: i)
            }
        }
        if start < utf8.endIndex { emit(start, utf8.endIndex) }
        return lines
    }

    private static func characterIndent(_ text: Substring) -> (indent: Int, contentStart: Substring.Index) {
        var indent = 0
        var contentStart = text.startIndex
        for c in text {
            if c == " " { indent += 1 } else if c == "\t" { indent += tabWidth - indent % tabWidth } else { break }
            contentStart = text.index(after: contentStart)
        }
        return (indent, contentStart)
    }
}
