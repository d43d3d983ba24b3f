/// How `<a>` compares texts: JAICP ignores differences in spaces and line breaks, so every run of
/// whitespace counts as one space and the ends are trimmed.
public enum TextMatch {
    public static func normalize(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public static func equal(_ expected: String, _ actual: String) -> Bool {
        normalize(expected) == normalize(actual)
    }

    public static func contains(_ actual: String, _ piece: String) -> Bool {
        let p = normalize(piece)
        return p.isEmpty || normalize(actual).contains(p)
    }
}
