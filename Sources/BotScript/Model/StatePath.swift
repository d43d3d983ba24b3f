/// State paths: `/Orders/Track`. Themes are only prefixes, so `/` and `/Orders` are not states.
public enum StatePath {
    /// Resolves `target` against the state `base`, as `$jsapi.resolvePath` does:
    /// `/A/B` is absolute; `B` and `./B` are children of `base`; `..` is its parent; `../B` a sibling.
    /// Returns nil when `..` climbs above the root.
    public static func resolve(_ target: String, from base: String) -> String? {
        let trimmed = target.trimmingCharacters()
        let isSlash = { (byte: UInt8) in byte == 0x2F }
        let bytewise = ASCIIDelimiters.standAlone(in: Substring(trimmed).utf8, isSlash)
            && ASCIIDelimiters.standAlone(in: Substring(base).utf8, isSlash)
        var segments: [Substring] = trimmed.hasPrefix("/") ? []
            : bytewise ? ASCIIDelimiters.slashSeparated(Substring(base)) : base.split(separator: "/")
        let parts = bytewise ? ASCIIDelimiters.slashSeparated(Substring(trimmed))
            : trimmed.split(separator: "/", omittingEmptySubsequences: true)
        for part in parts {
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

    /// Resolves a transition target the way bots rely on it: `/A`, `./A`, `../A` and `..` as above;
    /// a plain name `A` is the child `base/A` when that state exists, else the sibling `parent/A` when
    /// that exists *(inferred: public bots write `go!: Sibling` and their tests pass on JAICP)*, else
    /// the child path (which the caller then reports as missing).
    public static func resolve(_ target: String, from base: String, exists: (String) -> Bool) -> String? {
        let trimmed = target.trimmingCharacters()
        let explicit = trimmed.hasPrefix("/") || trimmed.hasPrefix("./") || trimmed.hasPrefix("../")
            || trimmed == "." || trimmed == ".."
        guard let child = resolve(trimmed, from: base) else { return nil }
        if explicit || exists(child) { return child }
        if let sibling = resolve(trimmed, from: parent(of: base)), exists(sibling) { return sibling }
        return child
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
    public static func isTemplate(_ target: String) -> Bool {
        let braces = { (byte: UInt8) in byte == 0x7B }
        guard ASCIIDelimiters.standAlone(in: Substring(target).utf8, braces) else { return target.contains("{{") }
        var previous: UInt8 = 0
        for byte in target.utf8 {
            if byte == 0x7B, previous == 0x7B { return true }
            previous = byte
        }
        return false
    }
}
