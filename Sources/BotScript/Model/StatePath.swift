/// State paths: `/Orders/Track`. Themes are only prefixes, so `/` and `/Orders` are not states.
public enum StatePath {
    /// Resolves `target` against the state `base`, as `$jsapi.resolvePath` does:
    /// `/A/B` is absolute; `B` and `./B` are children of `base`; `..` is its parent; `../B` a sibling.
    /// Returns nil when `..` climbs above the root.
    public static func resolve(_ target: String, from base: String) -> String? {
        let trimmed = target.trimmingCharacters()
        var segments: [Substring] = trimmed.hasPrefix("/") ? [] : base.split(separator: "/")
        for part in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(part)
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    /// `/A/B` → `/A`; `/A` → `/`.
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    public static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? ""
    }

    /// Whether `path` is `prefix` or lies under it (`/A/B` is under `/A` and `/`).
    public static func isWithin(_ path: String, _ prefix: String) -> Bool {
        if prefix == "/" { return true }
        return path == prefix || path.hasPrefix(prefix + "/")
    }

    /// A target written as a `{{ template }}` is only known at run time.
    public static func isTemplate(_ target: String) -> Bool { target.contains("{{") }
}
