/// Ids for the keyboard buttons the adapter sends, derived from the button texts only, so the same
/// keyboard gets the same ids in every run and on every machine (recordings compare cleanly).
///
/// The rule: a slug of the text — ASCII letters and digits lower-cased, every other run of
/// characters one `-`, at most 15 characters — then `-`, then the 8 hex digits of the 32-bit
/// FNV-1a hash of the text's UTF-8 bytes. A text without ASCII letters or digits gets the slug `b`.
/// A button whose id is already taken in the same keyboard (the same text twice) hashes
/// `text + "#2"`, `"#3"`, … instead. Every id matches `^[a-zA-Z0-9_-]{1,24}$`.
///
/// ```swift
/// WebimButtonID.make(for: ["Track an order", "Delivery"])   // ["track-an-order-737999db", "delivery-48f38d75"]
/// ```
public enum WebimButtonID {
    public static let maxSlugLength = 15

    /// Ids for one keyboard's buttons, in order, unique within it.
    public static func make(for texts: [String]) -> [String] {
        var taken: Set<String> = []
        return texts.map { text in
            var id = make(text, salt: nil)
            var occurrence = 2
            while taken.contains(id) {
                id = make(text, salt: occurrence)
                occurrence += 1
            }
            taken.insert(id)
            return id
        }
    }

    /// The id of a button with this text, when it is the only one with it.
    public static func make(_ text: String) -> String { make(text, salt: nil) }

    private static func make(_ text: String, salt: Int?) -> String {
        let hashed = salt.map { "\(text)#\($0)" } ?? text
        return slug(text) + "-" + hex(fnv1a(Array(hashed.utf8)))
    }

    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let isAlnum = scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
            if isAlnum {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out += Character(scalar).lowercased()
            } else {
                pendingDash = true
            }
            if out.count >= maxSlugLength { break }
        }
        out = String(out.prefix(maxSlugLength))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "b" : out
    }

    /// 32-bit FNV-1a: tiny, stable across platforms and releases (unlike Swift's seeded `Hasher`).
    static func fnv1a(_ bytes: [UInt8]) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
