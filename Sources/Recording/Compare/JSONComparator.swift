import ConformJSON
import Foundation

/// Compares what a recording expects with what the bot did.
///
/// Wherever an expected value stands, the string `"{{any}}"` matches any value that is present, and
/// `"{{re:PATTERN}}"` matches a string the regular expression matches as a whole (anchored, so
/// `{{re:\d+}}` does not accept `"order 12"`). Paths listed in `ignore` are not compared.
public struct JSONComparator: Sendable {
    public var ignore: [JSONPathPattern]

    public init(ignore: [JSONPathPattern] = []) { self.ignore = ignore }

    /// `subset`: objects in `expected` need only be contained in `actual` (keys not written are not
    /// checked) — how `expect.session` and `expect.client` are compared.
    public func compare(expected: JSONValue?, actual: JSONValue?, at path: String, subset: Bool = false) -> [Difference] {
        var differences: [Difference] = []
        compare(expected, actual, path: path, subset: subset, into: &differences)
        return differences
    }

    private func isIgnored(_ path: String) -> Bool { ignore.contains { $0.matches(path) } }

    private func compare(_ expected: JSONValue?, _ actual: JSONValue?, path: String, subset: Bool, into differences: inout [Difference]) {
        if isIgnored(path) { return }
        switch (expected, actual) {
        case (nil, nil):
            return
        case (let e?, nil):
            differences.append(Difference(path: path, expected: e, actual: nil))
        case (nil, let a?):
            differences.append(Difference(path: path, expected: nil, actual: a))
        case (let e?, let a?):
            if case .string(let text) = e, let matcher = Matcher(text) {
                if !matcher.accepts(a) {
                    differences.append(Difference(path: path, expected: e, actual: a, note: matcher.failure))
                }
                return
            }
            switch (e, a) {
            case (.object(let em), .object(let am)):
                for (key, value) in em {
                    compare(value, am[key], path: join(path, key), subset: subset, into: &differences)
                }
                if !subset {
                    for (key, value) in am where em[key] == nil {
                        compare(nil, value, path: join(path, key), subset: subset, into: &differences)
                    }
                }
            case (.array(let ei), .array(let ai)):
                for i in 0..<max(ei.count, ai.count) {
                    compare(i < ei.count ? ei[i] : nil, i < ai.count ? ai[i] : nil, path: "\(path)[\(i)]",
                            subset: subset, into: &differences)
                }
            default:
                if e != a { differences.append(Difference(path: path, expected: e, actual: a)) }
            }
        }
    }

    private func join(_ path: String, _ key: String) -> String {
        JSONSchema.join(path.isEmpty ? "$" : path, key)
    }
}

/// `{{any}}` and `{{re:PATTERN}}`.
struct Matcher {
    enum Kind {
        case any
        case regex(NSRegularExpression, String)
        case invalid(String)
    }

    let kind: Kind

    init?(_ text: String) {
        guard text.hasPrefix("{{"), text.hasSuffix("}}") else { return nil }
        let inner = String(text.dropFirst(2).dropLast(2))
        if inner == "any" {
            kind = .any
        } else if inner.hasPrefix("re:") {
            let pattern = String(inner.dropFirst(3))
            if let regex = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$", options: [.dotMatchesLineSeparators]) {
                kind = .regex(regex, pattern)
            } else {
                kind = .invalid(pattern)
            }
        } else {
            return nil
        }
    }

    func accepts(_ value: JSONValue) -> Bool {
        switch kind {
        case .any: return true
        case .regex(let regex, _):
            guard case .string(let s) = value else { return false }
            return regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
        case .invalid: return false
        }
    }

    var failure: String {
        switch kind {
        case .any: return "any value"
        case .regex(_, let pattern): return "does not match the regular expression \(pattern)"
        case .invalid(let pattern): return "the matcher's regular expression \(pattern) is invalid"
        }
    }
}
