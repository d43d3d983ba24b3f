/// Matches compiled patterns against requests.
///
/// ```swift
/// let matcher = PatternMatcher(library: library)
/// if let match = matcher.match(pattern, RequestText("Хочу купить 2 билета")) {
///     match.score              // see PatternScore
///     match.parseTree.json     // $parseTree
/// }
/// ```
///
/// The pattern must cover the whole request (patterns are implicitly anchored). Among the ways to
/// cover it, the best-scoring one is returned. Matching memoizes "this node, starting at this word"
/// so `* a * b * c *` against hundreds of words stays polynomial. Two caps keep even pathological
/// patterns bounded: nodes nested deeper than `maxDepth` and matches needing more than `maxSteps`
/// combination steps count as not matching (a typical trigger needs a few hundred steps).
public struct PatternMatcher: Sendable {
    /// How deep pattern nodes (brackets, named patterns) may nest while matching.
    public static let maxDepth = 400
    /// How many (partial match, next element) combinations one match may try.
    public static let maxSteps = 2_000_000

    public let library: PatternLibrary

    public init(library: PatternLibrary = PatternLibrary()) {
        self.library = library
    }

    public func match(_ pattern: CompiledPattern, _ request: RequestText) -> PatternMatch? {
        match(pattern, request, in: MatchRun(request: request, library: library, trigger: pattern.program))
    }

    public func match(_ pattern: CompiledPattern, text: String) -> PatternMatch? {
        match(pattern, RequestText(text))
    }

    /// Matches several patterns (a state's candidate triggers) against one request, sharing the
    /// work on named patterns between them: much faster than one `match` call per pattern when
    /// they use the same `$Number` or `$City`. Results are in the order of `patterns`.
    public func match(_ patterns: [CompiledPattern], _ request: RequestText) -> [PatternMatch?] {
        guard let first = patterns.first else { return [] }
        let run = MatchRun(request: request, library: library, trigger: first.program)
        return patterns.map { pattern in
            run.restart(with: pattern.program)
            return match(pattern, request, in: run)
        }
    }

    private func match(_ pattern: CompiledPattern, _ request: RequestText, in run: MatchRun) -> PatternMatch? {
        guard let best = run.ends(of: pattern.program.root, in: MatchRun.triggerProgram, at: 0)
            .first(where: { $0.end == request.tokens.count })?.partial, !run.exhausted
        else { return nil }
        let root = run.node(tag: "root", pattern: pattern.source, converter: nil,
                            start: 0, end: request.tokens.count, value: best.value, children: best.captures)
        return PatternMatch(score: best.score, parseTree: root)
    }
}
