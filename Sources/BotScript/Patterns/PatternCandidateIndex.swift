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
        // The patterns found are marked in a bit set, which is read back in ascending order with
        // repeats gone: cheaper than sorting the gathered indices (a tenth of a match) or hashing them.
        var found: [[Int]] = []
        var seen: Set<String> = []
        for word in request.words where seen.insert(word).inserted {
            for key in RequirementKey.keys(of: word) {
                if let patterns = byWord[key] { found.append(patterns) }
            }
        }
        guard !found.isEmpty else { return always }
        let total = found.reduce(always.count) { $0 + $1.count }
        if total < 256 {
            // Few hits: sorting them beats setting up the bit set.
            var hits = always
            hits.reserveCapacity(total)
            for patterns in found { hits += patterns }
            hits.sort()
            var kept = 0
            for index in hits.indices where kept == 0 || hits[index] != hits[kept - 1] {
                hits[kept] = hits[index]
                kept += 1
            }
            hits.removeLast(hits.count - kept)
            return hits
        }
        var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        for index in always { bits[index >> 6] |= 1 << UInt64(index & 63) }
        for patterns in found {
            for index in patterns { bits[index >> 6] |= 1 << UInt64(index & 63) }
        }
        var hits: [Int] = []
        hits.reserveCapacity(total)
        for (position, word) in bits.enumerated() {
            var rest = word
            while rest != 0 {
                hits.append(position << 6 | rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return hits
    }
}
