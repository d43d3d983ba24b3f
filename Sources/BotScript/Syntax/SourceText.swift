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
        public var isBlank: Bool { content.allSatisfy(\.isWhitespace) }
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

    private static func split(_ text: String) -> [Line] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        var lines: [Line] = []
        var number = 0
        // Split on \n, \r\n and lone \r. Character treats "\r\n" as one grapheme, hence isNewline.
        var start = body.startIndex
        var i = body.startIndex
        func emit(_ end: Substring.Index) {
            number += 1
            let text = body[start..<end]
            var indent = 0
            var contentStart = text.startIndex
            for c in text {
                if c == " " { indent += 1 } else if c == "\t" { indent += tabWidth - indent % tabWidth } else { break }
                contentStart = text.index(after: contentStart)
            }
            var content = text[contentStart...]
            while let last = content.last, last == " " || last == "\t" { content = content.dropLast() }
            lines.append(Line(number: number, text: text, indent: indent, content: content))
        }
        while i < body.endIndex {
            let c = body[i]
            if c == "\n" || c == "\r\n" || c == "\r" {
                emit(i)
                i = body.index(after: i)
                start = i
            } else {
                i = body.index(after: i)
            }
        }
        if start < body.endIndex { emit(body.endIndex) }
        return lines
    }
}
