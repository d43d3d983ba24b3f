/// Lines up what the bot was recorded saying with what it says today, so the report can draw them side
/// by side: items equal on both sides anchor the rows (longest common subsequence), and between two
/// anchors the remaining items pair up in order — a changed message sits next to its replacement, an
/// extra or missing one next to an empty cell.
enum ChatAlignment {
    enum Row: Equatable {
        case same(ChatItem)
        case changed(expected: ChatItem, actual: ChatItem)
        case missing(ChatItem)
        case extra(ChatItem)
    }

    static func rows(expected: [ChatItem], actual: [ChatItem]) -> [Row] {
        let a = expected
        let b = actual
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var rows: [Row] = []
        var gapExpected: [ChatItem] = []
        var gapActual: [ChatItem] = []
        func flush() {
            for k in 0..<max(gapExpected.count, gapActual.count) {
                switch (k < gapExpected.count ? gapExpected[k] : nil, k < gapActual.count ? gapActual[k] : nil) {
                case (let e?, let a?): rows.append(.changed(expected: e, actual: a))
                case (let e?, nil): rows.append(.missing(e))
                case (nil, let a?): rows.append(.extra(a))
                case (nil, nil): break
                }
            }
            gapExpected = []
            gapActual = []
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                flush()
                rows.append(.same(a[i]))
                i += 1
                j += 1
            } else if j < b.count, i == a.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                gapActual.append(b[j])
                j += 1
            } else {
                gapExpected.append(a[i])
                i += 1
            }
        }
        flush()
        return rows
    }
}
