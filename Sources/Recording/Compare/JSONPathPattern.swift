/// A JSON path with wildcards, as written in `conform.yaml`'s `ignore:` list:
/// `turns[*].calls[*].request.body.message.buttons[*][*].id`. `[*]` matches any index, `*` any key.
public struct JSONPathPattern: Sendable, Equatable, CustomStringConvertible {
    enum Segment: Equatable {
        case key(String)
        case index(Int)
        case anyKey
        case anyIndex
    }

    let segments: [Segment]
    public let description: String

    public init?(_ text: String) {
        guard let segments = Self.parse(text, wildcards: true) else { return nil }
        self.segments = segments
        description = text
    }

    /// Whether the concrete `path` is this pattern or lies under it.
    public func matches(_ path: String) -> Bool {
        guard let concrete = Self.parse(path, wildcards: false), concrete.count >= segments.count else { return false }
        for (pattern, segment) in zip(segments, concrete) {
            switch (pattern, segment) {
            case (.anyKey, .key), (.anyIndex, .index): continue
            case let (.key(a), .key(b)) where a == b: continue
            case let (.index(a), .index(b)) where a == b: continue
            default: return false
            }
        }
        return true
    }

    static func parse(_ text: String, wildcards: Bool) -> [Segment]? {
        var segments: [Segment] = []
        var i = text.startIndex
        var key = ""
        func flushKey() {
            if !key.isEmpty { segments.append(wildcards && key == "*" ? .anyKey : .key(key)) }
            key = ""
        }
        while i < text.endIndex {
            let c = text[i]
            switch c {
            case ".":
                flushKey()
            case "[":
                flushKey()
                guard let close = text[i...].firstIndex(of: "]") else { return nil }
                let inner = String(text[text.index(after: i)..<close])
                if wildcards && inner == "*" {
                    segments.append(.anyIndex)
                } else if let n = Int(inner) {
                    segments.append(.index(n))
                } else if inner.hasPrefix("\""), inner.hasSuffix("\""), inner.count >= 2 {
                    segments.append(.key(String(inner.dropFirst().dropLast())))
                } else {
                    return nil
                }
                i = close
            default:
                key.append(c)
            }
            i = text.index(after: i)
        }
        flushKey()
        if segments.first == .key("$") { segments.removeFirst() }
        return segments
    }
}
