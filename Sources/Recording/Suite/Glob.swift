/// Ant-style globs over `/`-separated relative paths: `*` matches within one segment, `?` one
/// character, `**` any number of segments (`drafts/**`, `**/old-*.json`).
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let description: String
    private let segments: [String]

    public init(_ pattern: String) {
        description = pattern
        var parts = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // `dir/` means everything under dir.
        if pattern.hasSuffix("/") { parts.append("**") }
        segments = parts
    }

    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            for start in path.indices + [path.endIndex] where match(rest, path[start...]) { return true }
            return false
        }
        guard let segment = path.first, matchSegment(Array(first), Array(segment)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ p: [Character], _ s: [Character]) -> Bool {
        // Iterative wildcard matching with backtracking to the last `*`.
        var pi = 0, si = 0
        var star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "?" || p[pi] == s[si] {
                pi += 1
                si += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = si
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                si = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
