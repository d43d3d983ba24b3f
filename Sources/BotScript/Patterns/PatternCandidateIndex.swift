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
        // How many patterns could be filed under each key; each pattern then takes its rarest option.
        var frequency: [String: Int] = [:]
        for pattern in patterns {
            for key in Set(pattern.requirementOptions.flatMap { $0 }) { frequency[key, default: 0] += 1 }
        }
        var byWord: [String: [Int]] = [:]
        var always: [Int] = []
        for (index, pattern) in patterns.enumerated() {
            let options = pattern.requirementOptions
            guard let best = options.min(by: { Self.cost($0, frequency) < Self.cost($1, frequency) }) else {
                always.append(index)
                continue
            }
            for key in best { byWord[key, default: []].append(index) }
        }
        self.byWord = byWord
        self.always = always
        count = patterns.count
    }

    private static func cost(_ keys: Set<String>, _ frequency: [String: Int]) -> Int {
        keys.reduce(0) { $0 + (frequency[$1] ?? 0) }
    }

    /// How many patterns are candidates for every request (no index key is known for them).
    public var unindexedCount: Int { always.count }

    /// Indices of the patterns that could match `request`, ascending.
    public func candidates(for request: RequestText) -> [Int] {
        // Sorting the gathered indices and dropping repeats costs less than hashing them into a set
        // (every unindexed pattern is in each request's list).
        var hits = always
        for word in Set(request.words) {
            for key in RequirementKey.keys(of: word) {
                if let found = byWord[key] { hits += found }
            }
        }
        guard hits.count > always.count else { return hits }
        hits.sort()
        var kept = 0
        for index in hits.indices where kept == 0 || hits[index] != hits[kept - 1] {
            hits[kept] = hits[index]
            kept += 1
        }
        hits.removeLast(hits.count - kept)
        return hits
    }
}
