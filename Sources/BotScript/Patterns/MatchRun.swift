import ConformJSON
import Foundation

/// One match of one pattern against one request: the memo tables and the matching itself.
///
/// `ends(of:in:at:)` answers "starting at word `start`, where can this node end, and what is the
/// best way to get to each end?" (sorted by end). Compound nodes are memoized per (program, node,
/// start), which bounds the work by nodes × words² whatever the nesting.
final class MatchRun {
    static let triggerProgram = -1

    private let request: RequestText
    private let words: [String]
    private let bytes: [[UInt8]]
    private let count: Int
    private let library: PatternLibrary
    private var trigger: PatternProgram
    /// The request without surrounding whitespace: what `$regex` sees at the edges.
    private let textBounds: Range<String.Index>
    // The memos are tables of plain integers — where in a results list a node's ends at a start are
    // (-1: not worked out yet) — not tables of optional lists: dropping those destroyed every slot
    // through a generic witness, which with the tables made again for each candidate trigger was a
    // quarter of matching a request against a big bot (conform-bench-botscript).
    // `@exclusivity(unchecked)`: a run is used by one thread, and no access to these overlaps another
    // (each is read or written in one statement); the checks the compiler cannot rule out for a
    // class's properties were 8% of matching a request.
    /// Memo of the trigger's program: node × (count + 1) + start → index in `triggerResults`; empty
    /// until first used.
    @exclusivity(unchecked) private var triggerMemo: [Int32] = []
    @exclusivity(unchecked) private var triggerResults: [[EndEntry]] = []
    /// Per library pattern, the index of its memo in `libraryMemos` (-1: none yet).
    @exclusivity(unchecked) private var libraryMemoIndex: [Int32]
    /// Memos of the library patterns this request touched, laid out like `triggerMemo`, into
    /// `libraryResults`.
    @exclusivity(unchecked) private var libraryMemos: [[Int32]] = []
    @exclusivity(unchecked) private var libraryResults: [[EndEntry]] = []
    @exclusivity(unchecked) private var depth = 0
    /// The depth cap (`PatternMatcher.maxDepth`) was hit: this trigger's memos hold cut results.
    @exclusivity(unchecked) private var depthCapped = false
    /// Combination steps left (`PatternMatcher.maxSteps`); at zero every node stops matching.
    @exclusivity(unchecked) private var stepsLeft = PatternMatcher.maxSteps
    var exhausted: Bool { stepsLeft <= 0 }

    init(request: RequestText, library: PatternLibrary, trigger: PatternProgram) {
        self.request = request
        words = request.words
        bytes = request.wordBytes
        count = words.count
        self.library = library
        self.trigger = trigger
        libraryMemoIndex = Array(repeating: -1, count: library.patterns.count)
        let text = request.original
        let lower = text.firstIndex(where: { !$0.isWhitespace }) ?? text.endIndex
        let upper = text.lastIndex(where: { !$0.isWhitespace }).map(text.index(after:)) ?? lower
        textBounds = lower..<max(lower, upper)
    }

    /// Matches another trigger against the same request, keeping what named patterns matched
    /// (their results do not depend on the trigger) and starting a fresh step budget. A trigger can
    /// then match with the named patterns an earlier one worked out where, alone, it would have run
    /// out of steps: the candidates' order is fixed, so the outcome still is.
    func restart(with trigger: PatternProgram) {
        self.trigger = trigger
        if exhausted || depthCapped {
            // Results cut short by the budget or the depth cap depend on how deep this trigger
            // reached them, and must not leak into the next trigger.
            depthCapped = false
            libraryMemoIndex = Array(repeating: -1, count: libraryMemoIndex.count)
            libraryMemos.removeAll(keepingCapacity: true)
            libraryResults.removeAll(keepingCapacity: true)
        }
        triggerMemo.removeAll(keepingCapacity: true)
        triggerResults.removeAll(keepingCapacity: true)
        stepsLeft = PatternMatcher.maxSteps
        depth = 0
    }

    private func program(_ id: Int) -> PatternProgram {
        id == Self.triggerProgram ? trigger : library.programs[id]
    }

    func ends(of node: Int, in programID: Int, at start: Int) -> [EndEntry] {
        let program = program(programID)
        switch program.nodes[node] {
        case .word(let word):
            return oneWord(at: start, score: PatternScore.word) { $0 == word }
        case .wildcard(let glob):
            let score = glob.hasLetters ? PatternScore.wildcardWord : PatternScore.anyWord
            return oneWord(at: start, score: score) { glob.matches(bytes: $0) }
        case .lemma(let lemma):
            return oneWord(at: start, score: PatternScore.lemma) { lemma.matches(bytes: $0) }
        case .tokenRegex(let regex, let caseInsensitive, let spansWords):
            return tokenRegex(regex, caseInsensitive: caseInsensitive, spansWords: spansWords, at: start)
        case .anyWords:
            return (start..<(count + 1)).map { EndEntry(end: $0, partial: .empty) }
        case .empty:
            return [EndEntry(end: start, partial: .empty)]
        case .never:
            return []
        case .textRegex(let regex):
            return textRegex(regex, at: start)
        case .entity(let dictionary):
            return entity(dictionary, at: start)
        default:
            return memoized(node, programID, start, program)
        }
    }

    private func memoized(_ node: Int, _ programID: Int, _ start: Int, _ program: PatternProgram) -> [EndEntry] {
        let key = node * (count + 1) + start
        let size = program.nodes.count * (count + 1)
        var table = -1
        if programID == Self.triggerProgram {
            if triggerMemo.isEmpty { triggerMemo.append(contentsOf: repeatElement(-1, count: size)) }
            let known = triggerMemo[key]
            if known >= 0 { return triggerResults[Int(known)] }
        } else {
            table = Int(libraryMemoIndex[programID])
            if table < 0 {
                table = libraryMemos.count
                libraryMemos.append(Array(repeating: -1, count: size))
                libraryMemoIndex[programID] = Int32(table)
            }
            let known = libraryMemos[table][key]
            if known >= 0 { return libraryResults[Int(known)] }
        }
        // Left recursion is rejected when the library is built; the depth cap is the backstop.
        depth += 1
        defer { depth -= 1 }
        let capped = depth > PatternMatcher.maxDepth
        if capped { depthCapped = true }
        let result = capped || exhausted ? [] : compute(program.nodes[node], programID, start)
        if table < 0 {
            triggerMemo[key] = Int32(triggerResults.count)
            triggerResults.append(result)
        } else {
            libraryMemos[table][key] = Int32(libraryResults.count)
            libraryResults.append(result)
        }
        return result
    }

    private func compute(_ node: PatternProgram.Node, _ programID: Int, _ start: Int) -> [EndEntry] {
        switch node {
        case .sequence(let children, let weight):
            return weighted(sequence(children, programID, start), weight)
        case .permutation(let children, let weight):
            return weighted(permutation(children, programID, start), weight)
        case .optional(let child):
            return merged([[EndEntry(end: start, partial: .empty)], ends(of: child, in: programID, at: start)], from: start)
        case .alternatives(let branches):
            return merged(branches.map { ends(of: $0, in: programID, at: start) }, from: start)
        case .valued(let child, let value):
            return ends(of: child, in: programID, at: start).map { entry in
                var entry = entry
                entry.partial.value = value
                return entry
            }
        case .repetition(let child):
            return repetition(child, programID, start)
        case .reference(let index, let tag):
            return reference(index, tag: tag, at: start)
        case .word, .wildcard, .lemma, .tokenRegex, .anyWords, .empty, .never, .textRegex, .entity:
            return []  // Leaves are answered by `ends` directly.
        }
    }

    /// Counts one combination step; false once the budget is spent.
    private func spend() -> Bool {
        stepsLeft -= 1
        return stepsLeft > 0
    }

    // MARK: - Leaves

    private func scored(_ score: Double) -> MatchPartial {
        MatchPartial(score: score, value: nil, captures: .none)
    }

    private func oneWord(at start: Int, score: Double, _ test: ([UInt8]) -> Bool) -> [EndEntry] {
        guard start < count, test(bytes[start]) else { return [] }
        return [EndEntry(end: start + 1, partial: scored(score))]
    }

    static func fullMatch(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// `$regexp<…>` on the word at `start` and, when it can match whitespace, on each run of words from
    /// there (`TokenRegexSpan`), scoring per word. `$regexp_i` sees the words as written. `$regexp`
    /// sees them normalized (lower case, `ё` → `е`) or as written *(inferred: matching is documented
    /// against the normalized request, yet `$regexp_i` exists, and bots write `$regexp<[A-Z]{2}\d{3}>`
    /// for codes typed in capitals — either spelling may match)*.
    private func tokenRegex(_ regex: NSRegularExpression, caseInsensitive: Bool, spansWords: Bool,
                            at start: Int) -> [EndEntry]
    {
        guard start < count else { return [] }
        var result: [EndEntry] = []
        let original = request.tokens[start].original
        if caseInsensitive ? Self.fullMatch(regex, original) : Self.fullMatch(regex, words[start]) || Self.fullMatch(regex, original) {
            result.append(EndEntry(end: start + 1, partial: scored(PatternScore.tokenRegex)))
        }
        guard spansWords, start + 2 <= count else { return result }
        let tokens = request.tokens
        for end in (start + 2)...count {
            let span = request.original[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound]
            let written = String(span)
            if Self.fullMatch(regex, written) || (!caseInsensitive && Self.fullMatch(regex, RequestText.normalize(span))) {
                result.append(EndEntry(end: end, partial: scored(PatternScore.tokenRegex * Double(end - start))))
            }
        }
        return result
    }

    /// `$regex<…>` over words start..<end; at the request's edges the span reaches the text's edges,
    /// so `$regex</start>` sees the slash that tokenization drops.
    private func textRegex(_ regex: NSRegularExpression, at start: Int) -> [EndEntry] {
        if count == 0 {
            return start == 0 && Self.fullMatch(regex, String(request.original[textBounds]))
                ? [EndEntry(end: 0, partial: scored(PatternScore.textRegexMinimum))] : []
        }
        guard start < count else { return [] }
        let tokens = request.tokens
        var result: [EndEntry] = []
        for end in (start + 1)...count {
            let lower = start == 0 ? textBounds.lowerBound : tokens[start].range.lowerBound
            let upper = end == count ? textBounds.upperBound : tokens[end - 1].range.upperBound
            if Self.fullMatch(regex, String(request.original[lower..<upper])) {
                let score = max(PatternScore.textRegexMinimum, PatternScore.textRegexWord * Double(end - start))
                result.append(EndEntry(end: end, partial: scored(score)))
            }
        }
        return result
    }

    private func entity(_ index: Int, at start: Int) -> [EndEntry] {
        guard index < library.dictionaries.count else { return [] }
        let dictionary = library.dictionaries[index]
        var collector = collector(from: start)
        for (end, entry) in dictionary.matches(in: bytes, at: start) {
            let capture = Capture(tag: dictionary.name, pattern: "$entity<\(dictionary.name)>", converter: nil,
                                  start: start, end: end, value: .string(dictionary.entries[entry].id), children: .none)
            collector.offer(end, MatchPartial(score: PatternScore.entityWord * Double(end - start), value: nil,
                                              captures: .one(capture)))
        }
        return collector.entries
    }

    // MARK: - Compound nodes

    private func sequence(_ children: [Int], _ programID: Int, _ start: Int) -> [EndEntry] {
        var current = [EndEntry(end: start, partial: .empty)]
        let nodes = program(programID).nodes
        for child in children {
            guard !current.isEmpty else { return [] }
            if case .anyWords = nodes[child] {
                current = skippingAnyWords(current)
                continue
            }
            var collector = collector(from: start)
            for entry in current {
                for next in ends(of: child, in: programID, at: entry.end) where spend() {
                    collector.offer(next.end, entry.partial.then(next.partial))
                }
            }
            current = collector.entries
        }
        return current
    }

    /// `current` followed by `*`: every end from the first on, with the best partial at or before it.
    private func skippingAnyWords(_ current: [EndEntry]) -> [EndEntry] {
        var result: [EndEntry] = []
        var best: MatchPartial?
        var i = 0
        for position in current[0].end...count {
            while i < current.count, current[i].end == position {
                if current[i].partial.beats(best) { best = current[i].partial }
                i += 1
            }
            if let best { result.append(EndEntry(end: position, partial: best)) }
        }
        return result
    }

    /// All members, next to each other, in any order: dynamic programming over (members used, end).
    private func permutation(_ children: [Int], _ programID: Int, _ start: Int) -> [EndEntry] {
        let full = (1 << children.count) - 1
        var states = [EndCollector?](repeating: nil, count: full + 1)
        states[0] = collector(from: start)
        states[0]?.offer(start, .empty)
        let nodes = program(programID).nodes
        for mask in 0..<full {
            guard let reached = states[mask]?.entries, !reached.isEmpty else { continue }
            states[mask] = nil
            for (k, child) in children.enumerated() where mask & (1 << k) == 0 {
                let target = mask | (1 << k)
                if states[target] == nil { states[target] = collector(from: start) }
                if case .anyWords = nodes[child] {
                    for next in skippingAnyWords(reached) { states[target]?.offer(next.end, next.partial) }
                    continue
                }
                for entry in reached {
                    for next in ends(of: child, in: programID, at: entry.end) where spend() {
                        states[target]?.offer(next.end, entry.partial.then(next.partial))
                    }
                }
            }
        }
        return states[full]?.entries ?? []
    }

    /// `$repeat<…>`: once, then again from every end reached, always moving forward.
    private func repetition(_ child: Int, _ programID: Int, _ start: Int) -> [EndEntry] {
        var table = [MatchPartial?](repeating: nil, count: count + 1 - start)
        for first in ends(of: child, in: programID, at: start) where first.partial.beats(table[first.end - start]) {
            table[first.end - start] = first.partial
        }
        for position in start...count {
            guard let reached = table[position - start] else { continue }
            for next in ends(of: child, in: programID, at: position) where next.end > position && spend() {
                let candidate = reached.then(next.partial)
                if candidate.beats(table[next.end - start]) { table[next.end - start] = candidate }
            }
        }
        var result: [EndEntry] = []
        for (offset, partial) in table.enumerated() {
            if let partial { result.append(EndEntry(end: start + offset, partial: partial)) }
        }
        return result
    }

    private func reference(_ index: Int, tag: String, at start: Int) -> [EndEntry] {
        guard index < library.patterns.count else { return [] }
        let named = library.patterns[index]
        return ends(of: named.compiled.program.root, in: index, at: start).map { entry in
            let capture = Capture(tag: tag, pattern: named.declaration.source, converter: named.declaration.converter,
                                  start: start, end: entry.end, value: entry.partial.value,
                                  children: entry.partial.captures)
            return EndEntry(end: entry.end,
                            partial: MatchPartial(score: entry.partial.score, value: nil, captures: .one(capture)))
        }
    }

    // MARK: - End lists

    private func weighted(_ entries: [EndEntry], _ weight: Double) -> [EndEntry] {
        guard weight != 1 else { return entries }
        return entries.map { EndEntry(end: $0.end, partial: MatchPartial(score: $0.partial.score * weight,
                                                                         value: $0.partial.value,
                                                                         captures: $0.partial.captures)) }
    }

    /// The best partial per end over several lists (earlier lists win ties).
    private func merged(_ lists: [[EndEntry]], from start: Int) -> [EndEntry] {
        let nonEmpty = lists.filter { !$0.isEmpty }
        if nonEmpty.count <= 1 { return nonEmpty.first ?? [] }
        var collector = collector(from: start)
        for list in nonEmpty {
            for entry in list { collector.offer(entry.end, entry.partial) }
        }
        return collector.entries
    }

    private func collector(from start: Int) -> EndCollector {
        EndCollector(start: start, span: count + 1 - start)
    }

    // MARK: - Parse tree

    func node(tag: String, pattern: String, converter: String?, start: Int, end: Int, value: JSONValue?,
              children: Captures) -> ParseNode
    {
        let tokens = request.tokens[start..<end]
        // The text as written between the first and last word (`Cfyrn-Gtnth,ehu` keeps its comma:
        // zb-common retypes `$parseTree.text` in the other keyboard layout).
        let text = tokens.isEmpty ? "" : String(request.original[tokens.first!.range.lowerBound..<tokens.last!.range.upperBound])
        return ParseNode(
            tag: tag,
            pattern: pattern,
            text: text,
            words: tokens.map(\.word),
            value: value,
            converter: converter,
            children: children.flattened().map {
                node(tag: $0.tag, pattern: $0.pattern, converter: $0.converter, start: $0.start, end: $0.end,
                     value: $0.value, children: $0.children)
            }
        )
    }
}
