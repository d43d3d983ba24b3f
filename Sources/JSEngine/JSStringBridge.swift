import CJavaScriptCore

/// Conversions between Swift strings and JavaScriptCore's UTF-16 `JSStringRef`.
///
/// The UTF-16 entry points are used rather than the C-string ones so that text with NUL characters
/// survives intact.
enum JSStringBridge {
    /// A +1 JSStringRef; the caller releases it (or uses `withJSString`).
    static func make(_ s: String) -> JSStringRef {
        // Most text crossing the bridge (JSON, state paths) is ASCII: widened byte by byte, which is
        // several times faster than going through the UTF-16 view.
        var s = s
        let ascii = s.withUTF8 { bytes -> JSStringRef? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let units = [UInt16](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                for i in 0..<bytes.count { buffer[i] = UInt16(bytes[i]) }
                count = bytes.count
            }
            return units.withUnsafeBufferPointer { JSStringCreateWithCharacters($0.baseAddress, $0.count) }
        }
        if let ascii { return ascii }
        let units = Array(s.utf16)
        return units.withUnsafeBufferPointer { JSStringCreateWithCharacters($0.baseAddress, $0.count) }
    }

    static func withJSString<R>(_ s: String, _ body: (JSStringRef) throws -> R) rethrows -> R {
        let js = make(s)
        defer { JSStringRelease(js) }
        return try body(js)
    }

    static func string(_ js: JSStringRef) -> String {
        let count = JSStringGetLength(js)
        guard count > 0, let chars = JSStringGetCharactersPtr(js) else { return "" }
        let units = UnsafeBufferPointer(start: chars, count: count)
        // Most strings crossing the bridge (JSON, state paths) are ASCII: copy them byte by byte,
        // which is several times faster than UTF-16 transcoding.
        if units.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: count) { buffer in
                for i in 0..<count { buffer[i] = UInt8(truncatingIfNeeded: units[i]) }
                return count
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Takes ownership of a +1 JSStringRef.
    static func consume(_ js: JSStringRef?) -> String? {
        guard let js else { return nil }
        defer { JSStringRelease(js) }
        return string(js)
    }
}
