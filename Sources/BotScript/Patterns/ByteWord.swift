/// Byte-level comparisons of normalized words.
///
/// `RequestText.normalize` composes the few decomposed letters that matter, so two normalized
/// words are equal exactly when their UTF-8 bytes are; comparing bytes avoids `String`'s
/// canonical-equivalence machinery on the matcher's hot path.
enum ByteWord {
    static func hasPrefix(_ word: [UInt8], _ prefix: [UInt8]) -> Bool {
        word.count >= prefix.count && word[..<prefix.count].elementsEqual(prefix)
    }

    static func hasSuffix(_ word: [UInt8], _ suffix: [UInt8]) -> Bool {
        word.count >= suffix.count && word[(word.count - suffix.count)...].elementsEqual(suffix)
    }

    /// Where `needle` first occurs in `word[from..<upTo]`, as the index just after it.
    static func find(_ needle: [UInt8], in word: [UInt8], from: Int, upTo: Int) -> Int? {
        guard !needle.isEmpty else { return from }
        guard upTo - from >= needle.count else { return nil }
        for start in from...(upTo - needle.count) where word[start..<(start + needle.count)].elementsEqual(needle) {
            return start + needle.count
        }
        return nil
    }
}
