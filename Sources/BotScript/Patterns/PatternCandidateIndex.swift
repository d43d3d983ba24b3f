/// Finds, among many patterns, the few that could match a request, without matching them all.
///
/// ```swift
/// let index = PatternCandidateIndex(triggers.map(\.pattern))
/// for i in index.candidates(for: request) { … matcher.match(triggers[i].pattern, request) … }
/// ```
///
/// Each pattern is filed under its `requiredWords` (every match contains one of them); a pattern
/// without such words (`*`, `~lemma *`, `$regex<…>`) is always a candidate. The answer is a
/// superset of the patterns that match, in their original order.
public struct PatternCandidateIndex: Sendable {
    private let byWord: [String: [Int]]
    private let always: [Int]
    public let count: Int

    public init(_ patterns: [CompiledPattern]) {
        var byWord: [String: [Int]] = [:]
        var always: [Int] = []
        for (index, pattern) in patterns.enumerated() {
            guard let words = pattern.requiredWords else {
                always.append(index)
                continue
            }
            for word in words { byWord[word, default: []].append(index) }
        }
        self.byWord = byWord
        self.always = always
        count = patterns.count
    }

    /// Indices of the patterns that could match `request`, ascending.
    public func candidates(for request: RequestText) -> [Int] {
        var hits = always
        for word in Set(request.words) {
            if let found = byWord[word] { hits.append(contentsOf: found) }
        }
        return Array(Set(hits)).sorted()
    }
}
