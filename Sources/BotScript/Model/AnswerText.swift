/// The text of an `a:` reaction as JAICP shows it.
enum AnswerText {
    /// `\n` written in the text is a line break, outside `{{ }}` templates (inside one it is the
    /// JavaScript string escape it already is) *(inferred: fifteen public projects write `\n` in
    /// `a:`, and a public bot's test expects the text on either side of it as separate lines)*.
    static func unescapingLineBreaks(_ text: String) -> String {
        guard text.contains("\\n") else { return text }
        var result = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("{{"), let close = rest.range(of: "}}") {
                result += rest[..<close.upperBound]
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("\\n") {
                result += "\n"
                rest = rest.dropFirst(2)
            } else {
                result.append(rest.removeFirst())
            }
        }
        return result
    }
}
