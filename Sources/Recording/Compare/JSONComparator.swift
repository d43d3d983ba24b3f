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
        var location = JSONLocation(base: path)
        compare(expected, actual, at: &location, subset: subset, into: &differences)
        return differences
    }

    private func compare(_ expected: JSONValue?, _ actual: JSONValue?, at location: inout JSONLocation, subset: Bool,
                         into differences: inout [Difference]) {
        if !ignore.isEmpty {
            let path = location.text
            if ignore.contains(where: { $0.matches(path) }) { return }
        }
        switch (expected, actual) {
        case (nil, nil):
            return
        case (let e?, nil):
            differences.append(Difference(path: location.text, expected: e, actual: nil))
        case (nil, let a?):
            differences.append(Difference(path: location.text, expected: nil, actual: a))
        case (let e?, let a?):
            if case .string(let text) = e, let matcher = Matcher(text) {
                if !matcher.accepts(a) {
                    differences.append(Difference(path: location.text, expected: e, actual: a, note: matcher.failure))
                }
                return
            }
            switch (e, a) {
            case (.object(let em), .object(let am)):
                for (key, value) in em {
                    location.parts.append(.key(key))
                    compare(value, am[key], at: &location, subset: subset, into: &differences)
                    location.parts.removeLast()
                }
                if !subset {
                    for (key, value) in am where em[key] == nil {
                        location.parts.append(.key(key))
                        compare(nil, value, at: &location, subset: subset, into: &differences)
                        location.parts.removeLast()
                    }
                }
            case (.array(let ei), .array(let ai)):
                for i in 0..<max(ei.count, ai.count) {
                    location.parts.append(.index(i))
                    compare(i < ei.count ? ei[i] : nil, i < ai.count ? ai[i] : nil, at: &location, subset: subset, into: &differences)
                    location.parts.removeLast()
                }
            case (.string(let written), .string(let said)) where written != said:
                // The recorder redacted a credential the bot itself said (a payment link's signature):
                // `[redacted]` stands for whatever is there today. Looked for only in strings that
                // differ: Foundation's `contains` on every compared string cost 7% of a replay.
                if !(written.contains(Redactor.placeholder) && Self.matchesRedacted(written, said)) {
                    differences.append(Difference(path: location.text, expected: e, actual: a))
                }
            default:
                if e != a { differences.append(Difference(path: location.text, expected: e, actual: a)) }
            }
        }
    }
}

extension JSONComparator {
    /// Whether `actual` is `written` with any text where it says `[redacted]`.
    static func matchesRedacted(_ written: String, _ actual: String) -> Bool {
        let pattern = written.components(separatedBy: Redactor.placeholder).map(NSRegularExpression.escapedPattern(for:))
            .joined(separator: ".*")
        guard let regex = try? NSRegularExpression(pattern: "^" + pattern + "$", options: [.dotMatchesLineSeparators]) else { return false }
        return regex.firstMatch(in: actual, range: NSRange(actual.startIndex..., in: actual)) != nil
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

    /// The first `{{re:…}}` under `value` whose expression does not compile, with its path (made only
    /// for one that is there: building every member's path cost 7% of replaying a recording).
    static func firstInvalid(in value: JSONValue, at path: String) -> (path: String, pattern: String, reason: String)? {
        hasInvalid(value) ? firstInvalidWithPath(in: value, at: path) : nil
    }

    private static func hasInvalid(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text):
            guard text.utf8.first == UInt8(ascii: "{"), text.hasPrefix("{{re:"), let matcher = Matcher(text) else { return false }
            if case .invalid = matcher.kind { return true }
            return false
        case .array(let items): return items.contains(where: hasInvalid)
        case .object(let members): return members.values.contains(where: hasInvalid)
        default: return false
        }
    }

    private static func firstInvalidWithPath(in value: JSONValue, at path: String) -> (path: String, pattern: String, reason: String)? {
        switch value {
        case .string(let text):
            guard text.hasPrefix("{{re:"), let matcher = Matcher(text), case .invalid(let pattern) = matcher.kind else { return nil }
            return (path, pattern, "it does not compile (check its brackets, braces and backslashes)")
        case .array(let items):
            for (i, item) in items.enumerated() {
                if let bad = firstInvalidWithPath(in: item, at: "\(path)[\(i)]") { return bad }
            }
            return nil
        case .object(let members):
            for (key, member) in members {
                if let bad = firstInvalidWithPath(in: member, at: JSONSchema.join(path, key)) { return bad }
            }
            return nil
        default:
            return nil
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
