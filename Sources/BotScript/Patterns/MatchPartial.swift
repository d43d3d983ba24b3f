import ConformJSON

/// The best way found to match one pattern node over one span of words.
struct MatchPartial: Sendable {
    var score: Double
    /// From `:value` mappings met on the way (the outermost mapping wins, then the leftmost).
    var value: JSONValue?
    var captures: Captures

    static let empty = MatchPartial(score: 0, value: nil, captures: .none)

    /// This span followed by `next`.
    func then(_ next: MatchPartial) -> MatchPartial {
        MatchPartial(score: score + next.score, value: value ?? next.value, captures: captures.then(next.captures))
    }

    /// Is this strictly better than `other`? Ties keep the first found, so results are deterministic.
    func beats(_ other: MatchPartial?) -> Bool {
        guard let other else { return true }
        return score > other.score
    }
}

/// Named captures in order, appended in O(1) while matching and flattened once at the end.
indirect enum Captures: Sendable {
    case none
    case one(Capture)
    case both(Captures, Captures)

    func then(_ next: Captures) -> Captures {
        if case .none = self { return next }
        if case .none = next { return self }
        return .both(self, next)
    }

    func flattened() -> [Capture] {
        var result: [Capture] = []
        var stack: [Captures] = [self]
        while let top = stack.popLast() {
            switch top {
            case .none: break
            case .one(let capture): result.append(capture)
            case .both(let first, let second):
                stack.append(second)
                stack.append(first)
            }
        }
        return result
    }
}

/// A named capture before it becomes a `ParseNode` (only the winning match's captures do).
struct Capture: Sendable {
    var tag: String
    var pattern: String
    var converter: String?
    var start: Int
    var end: Int
    var value: JSONValue?
    var children: Captures
}

/// Where a node can end when it starts at some word, with the best way to get there, by end.
struct EndEntry {
    var end: Int
    var partial: MatchPartial
}

/// Collects candidate (end, partial) pairs and keeps the best per end, sorted by end.
///
/// Short spans use a small sorted array (most lists hold zero or one entry); long spans a table
/// indexed by end, so long requests do not pay quadratic insertion.
struct EndCollector {
    private let start: Int
    private var sorted: [EndEntry] = []
    private var table: [MatchPartial?]

    /// Ends will lie in `start...start + span - 1`.
    init(start: Int, span: Int) {
        self.start = start
        table = span > 48 ? Array(repeating: nil, count: span) : []
    }

    mutating func offer(_ end: Int, _ partial: MatchPartial) {
        if !table.isEmpty {
            if partial.beats(table[end - start]) { table[end - start] = partial }
            return
        }
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].end < end { low = middle + 1 } else { high = middle }
        }
        if low < sorted.count, sorted[low].end == end {
            if partial.beats(sorted[low].partial) { sorted[low].partial = partial }
        } else {
            sorted.insert(EndEntry(end: end, partial: partial), at: low)
        }
    }

    var entries: [EndEntry] {
        guard !table.isEmpty else { return sorted }
        var result: [EndEntry] = []
        for (offset, partial) in table.enumerated() {
            if let partial { result.append(EndEntry(end: start + offset, partial: partial)) }
        }
        return result
    }
}
