/// XML 1.0 text rules.
public enum XMLText {
    /// Whether XML 1.0 allows this character at all (§2.2): even as `&#x1;` the C0 controls but tab,
    /// newline and carriage return are forbidden, as are U+FFFE and U+FFFF.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` without the characters XML 1.0 forbids (a bot reply with a stray control character must
    /// not turn a whole JUnit report into a document no CI server can read).
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
        return String(out)
    }

    /// A conservative check of XML `Name`: letters, digits, `_`, `-`, `.`, `:`; not starting with a digit,
    /// `-` or `.`. Every name conform writes is of this shape.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        func isNameStart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c == ":" || c.properties.isAlphabetic
        }
        guard isNameStart(first) else { return false }
        return name.unicodeScalars.allSatisfy { c in
            isNameStart(c) || c == "-" || c == "." || c.properties.numericType != nil
        }
    }
}
