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
        guard hasForbidden(text.utf8) else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
        return String(out)
    }

    /// Whether the text holds a character XML forbids, read by byte (reports carry whole transcripts,
    /// often not ASCII): a C0 control other than tab, newline and carriage return, or U+FFFE/U+FFFF
    /// (UTF-8 `EF BF BE`/`EF BF BF`). A Swift string holds no surrogates, so nothing else can be.
    static func hasForbidden(_ utf8: String.UTF8View) -> Bool {
        var last: UInt8 = 0, beforeLast: UInt8 = 0
        for byte in utf8 {
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            } else if byte >= 0xBE && byte <= 0xBF && last == 0xBF && beforeLast == 0xEF {
                return true
            }
            beforeLast = last
            last = byte
        }
        return false
    }

    /// A conservative check of XML `Name`: letters, digits, `_`, `-`, `.`, `:`; not starting with a digit,
    /// `-` or `.`. Every name conform writes is of this shape.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        // Asked for every element and attribute written: ASCII names without Unicode property tables.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let isStart = { (b: UInt8) in (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x5F || b == 0x3A }
            let bytes = name.utf8
            return isStart(bytes.first!) && bytes.allSatisfy { b in
                isStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E
            }
        }
        func isNameStart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c == ":" || c.properties.isAlphabetic
        }
        guard isNameStart(first) else { return false }
        return name.unicodeScalars.allSatisfy { c in
            isNameStart(c) || c == "-" || c == "." || c.properties.numericType != nil
        }
    }
}
