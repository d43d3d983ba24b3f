/// Where a pattern, or a problem inside it, was written: the project's `SourceLocation`.
///
/// Callers pass the location of the pattern's first character; errors point at the exact character
/// inside the pattern, moving to the next line after each newline of a multi-line declaration.
public typealias PatternSourceLocation = SourceLocation

extension SourceLocation {
    /// The location of the character `offset` characters into `source`, when `source` starts here.
    func advanced(by offset: Int, in source: [Character]) -> SourceLocation {
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
