import CJavaScriptCore
#if canImport(Glibc)
import Glibc
#endif

/// Conversions between Swift strings and JavaScriptCore's `JSStringRef`: in as UTF-8 (UTF-16 when
/// the text holds a NUL, which a C string cannot), out as UTF-16.
enum JSStringBridge {
    /// A +1 JSStringRef; the caller releases it (or uses `withJSString`).
    static func make(_ s: String) -> JSStringRef {
        // Given UTF-8, JavaScriptCore keeps ASCII text as 8-bit characters (JSON.parse and string
        // operations take their faster 8-bit paths) and reads a native Swift string's own buffer; the
        // UTF-16 route allocated and widened a copy first (1,600 instructions a string in
        // conform-bench-runtime, against JavaScriptCore's own ~800). A C string ends at its first NUL,
        // so text holding one goes through UTF-16 instead.
        let count = s.utf8.count
        if let made = s.withCString({ text in strlen(text) == count ? JSStringCreateWithUTF8CString(text) : nil }) {
            return made
        }
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
