/// The candidate a mistyped name most likely meant: the nearest by edit distance (case ignored), when
/// it is near enough to be a typo (two edits, or a quarter of the name's length if longer). Used for
/// "did you mean" hints: a state path, an XML test element.
public enum NearestName {
    public static func to(_ name: String, among candidates: some Collection<String>) -> String? {
        let limit = max(2, name.count / 4)
        let wanted = Array(name.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let d = editDistance(wanted, Array(candidate.lowercased()), limit: limit)
            if d <= limit, d < (best?.1 ?? .max) || (d == best?.1 && candidate < best!.0) { best = (candidate, d) }
        }
        return best?.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
