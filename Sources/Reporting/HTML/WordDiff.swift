/// Which words of two texts differ, for highlighting inside a changed message: the longest common
/// subsequence of words (and the spaces between them) is kept plain, the rest is marked.
///
/// ```swift
/// WordDiff.compare("What can I help you with?", "How can I help?")
/// // expected: "What" changed, " can I " kept, "help you with?" changed
/// // actual:   "How" changed,  " can I " kept, "help?" changed
/// ```
enum WordDiff {
    struct Run: Equatable {
        var text: String
        var changed: Bool
    }

    /// Beyond this many tokens a side, the quadratic table is not worth it: the whole text is marked.
    static let limit = 400

    static func compare(_ expected: String, _ actual: String) -> (expected: [Run], actual: [Run]) {
        let a = tokens(expected)
        let b = tokens(actual)
        guard a.count <= limit, b.count <= limit else {
            return ([Run(text: expected, changed: true)], [Run(text: actual, changed: true)])
        }
        // lengths[i][j]: LCS length of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var left: [Run] = []
        var right: [Run] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                append(a[i], changed: false, to: &left)
                append(b[j], changed: false, to: &right)
                i += 1
                j += 1
            } else if j < b.count, i == a.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                append(b[j], changed: true, to: &right)
                j += 1
            } else {
                append(a[i], changed: true, to: &left)
                i += 1
            }
        }
        return (left, right)
    }

    /// Words and the whitespace runs between them, so spacing survives the round trip.
    static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let space = text[index].isWhitespace
            var end = text.index(after: index)
            while end < text.endIndex, text[end].isWhitespace == space { end = text.index(after: end) }
            result.append(text[start..<end])
            start = end
            index = end
        }
        return result
    }

    /// Adjacent tokens of the same kind become one run.
    private static func append(_ token: Substring, changed: Bool, to runs: inout [Run]) {
        if let last = runs.last, last.changed == changed {
            runs[runs.count - 1].text += token
        } else {
            runs.append(Run(text: String(token), changed: changed))
        }
    }
}
