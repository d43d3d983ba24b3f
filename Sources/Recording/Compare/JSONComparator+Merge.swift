import ConformJSON
import OrderedCollections

extension JSONComparator {
    /// `expected` rewritten to what `actual` is, keeping every part that already matches as it is
    /// written — a `{{any}}` or `{{re:…}}` that accepts today's value, an ignored path, and (with
    /// `subset`) the keys a hand-written subset leaves out. What `--update` writes, so a rewritten
    /// recording differs from the old one only where the bot changed. Nil when `actual` is nil.
    public func merged(expected: JSONValue?, actual: JSONValue?, at path: String, subset: Bool = false) -> JSONValue? {
        // What already matches — an ignored path included, even one the bot no longer sends — stays.
        if let expected, compare(expected: expected, actual: actual, at: path, subset: subset).isEmpty { return expected }
        guard let actual else { return nil }
        guard let expected else { return actual }
        if case .string(let text) = expected, Matcher(text) != nil { return actual }
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            var result = OrderedDictionary<String, JSONValue>()
            for (key, value) in e {
                if let merged = merged(expected: value, actual: a[key], at: JSONSchema.join(path, key), subset: subset) {
                    result[key] = merged
                }
            }
            if !subset {
                // A key only today's output has is added, unless its path is ignored.
                for (key, value) in a where e[key] == nil
                    && !compare(expected: nil, actual: value, at: JSONSchema.join(path, key)).isEmpty {
                    result[key] = value
                }
            }
            return .object(result)
        case (.array(let e), .array(let a)):
            return .array(a.indices.map { i in
                i < e.count ? merged(expected: e[i], actual: a[i], at: "\(path)[\(i)]", subset: subset) ?? a[i] : a[i]
            })
        default:
            return actual
        }
    }
}
