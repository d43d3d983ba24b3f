/// Recording file names from chat ids, which come from the network and are untrusted: only
/// `[A-Za-z0-9_-]` survive, anything else (`/`, `..`, NUL, spaces, non-ASCII) becomes `_`, the id is
/// cut to 40 characters, and when anything was changed a hash of the original keeps two ids that
/// sanitize alike apart. The date makes a visitor's later chat with the same id a new file.
///
/// ```swift
/// ChatFileName.stem(chat: "101", at: "2026-11-25T10:00:00.120Z")          // "chat-101-20261125-100000"
/// ChatFileName.stem(chat: "../../etc/passwd", at: "2026-11-25T10:00:00Z")  // "chat-______etc_passwd-2f1c…-20261125-100000"
/// ```
public enum ChatFileName {
    static let maxIDLength = 40

    public static func stem(chat: String, at time: String) -> String {
        "chat-" + sanitized(chat) + "-" + compactDate(time)
    }

    static func sanitized(_ id: String) -> String {
        var kept = ""
        for scalar in id.unicodeScalars {
            let c = Character(scalar)
            kept.append(scalar.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "_")
        }
        let changed = kept != id || kept.count > maxIDLength || kept.isEmpty
        kept = String(kept.prefix(maxIDLength))
        if kept.isEmpty { kept = "none" }
        return changed ? kept + "-" + hash(id) : kept
    }

    /// `2026-11-25T10:00:00.120Z` → `20261125-100000`.
    static func compactDate(_ time: String) -> String {
        let digits = time.prefix(19).filter(\.isNumber)
        guard digits.count == 14 else { return "00000000-000000" }
        return String(digits.prefix(8)) + "-" + String(digits.suffix(6))
    }

    /// FNV-1a, 8 hex digits.
    static func hash(_ text: String) -> String {
        var value: UInt32 = 0x811c_9dc5
        for byte in text.utf8 {
            value ^= UInt32(byte)
            value &*= 0x0100_0193
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
