/// Where a pattern, or a problem inside it, was written: a project-relative file, 1-based line and column.
///
/// Callers pass the location of the pattern's first character; errors point at the exact character
/// inside the pattern, moving to the next line after each newline of a multi-line declaration.
public struct PatternSourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// The location of the character `offset` characters into `source`, when `source` starts here.
    func advanced(by offset: Int, in source: [Character]) -> PatternSourceLocation {
        var location = self
        for character in source.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                location.line += 1
                location.column = 1
            } else {
                location.column += 1
            }
        }
        return location
    }
}
