import ConformJSON
import Foundation
import OrderedCollections

/// Removes secrets from recorded exchanges before anything touches the disk (RECORDING-FORMAT.md,
/// "Redaction"): credential headers, userinfo in URLs, query parameters named like credentials,
/// every value the user declared secret (`--secret`, `CONFORM_SECRETS`) wherever it appears in a
/// string, and the JSON paths `conform.yaml` lists. A redacted value becomes `"[redacted]"`.
///
/// ```swift
/// let redactor = Redactor(secrets: ["hunter2"])
/// redactor.url("https://admin:hunter2@acct.webim.ru/x?token=abc")   // "https://[redacted]@acct.webim.ru/x?token=[redacted]"
/// ```
public struct Redactor: Sendable {
    public static let placeholder = "[redacted]"
    /// Headers that always carry credentials.
    public static let credentialHeaders: Set<String> = ["authorization", "cookie", "set-cookie", "proxy-authorization"]
    /// A query parameter whose name contains one of these (case-insensitive) is a credential.
    public static let credentialWords = ["token", "key", "secret", "password", "passwd", "signature"]

    /// RFC 3986's unreserved characters: what percent-encoding leaves as it is.
    static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    public private(set) var headers: Set<String>
    /// Longest first, so a secret containing another is replaced whole.
    public private(set) var secrets: [String]
    /// Paths inside request and response bodies (`visitor.fields.phone`, `messages[*].text`).
    public private(set) var bodyPaths: [JSONPathPattern]

    public init(secrets: [String] = [], headers: [String] = [], bodyPaths: [JSONPathPattern] = []) {
        self.headers = Self.credentialHeaders.union(headers.map { $0.lowercased() })
        var values = Set<String>()
        // Very short values would shred ordinary text; a secret that short is not worth hiding.
        for secret in secrets where secret.count >= 3 {
            values.insert(secret)
            // The same value as it appears percent-encoded in a URL or a form body.
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: Self.unreserved), encoded != secret {
                values.insert(encoded)
            }
        }
        self.secrets = values.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        self.bodyPaths = bodyPaths
    }

    /// The secrets named in an environment variable: comma- or newline-separated.
    public static func secrets(fromEnvironment value: String?) -> [String] {
        guard let value else { return [] }
        return value.split(whereSeparator: { $0 == "," || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// `text` with every declared secret replaced.
    public func text(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        return result
    }

    public func header(_ name: String, _ value: String) -> String {
        headers.contains(name.lowercased()) ? Self.placeholder : text(value)
    }

    /// A request path with its query (`/hook?secret=x`), or a whole URL: userinfo, credential-like
    /// query parameters and declared secrets are redacted.
    public func url(_ url: String) -> String {
        var result = url
        // userinfo: scheme://user:password@host
        if let scheme = result.range(of: "://") {
            let authorityStart = scheme.upperBound
            let authorityEnd = result[authorityStart...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? result.endIndex
            if let at = result[authorityStart..<authorityEnd].lastIndex(of: "@") {
                result.replaceSubrange(authorityStart..<at, with: Self.placeholder)
            }
        }
        if let question = result.firstIndex(of: "?") {
            let queryStart = result.index(after: question)
            let queryEnd = result[queryStart...].firstIndex(of: "#") ?? result.endIndex
            let parameters = result[queryStart..<queryEnd].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
                guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
                let name = pair[..<equals].lowercased()
                guard Self.credentialWords.contains(where: { name.contains($0) }) else { return String(pair) }
                return pair[..<equals] + "=" + Self.placeholder
            }
            result.replaceSubrange(queryStart..<queryEnd, with: parameters.joined(separator: "&"))
        }
        return text(result)
    }

    /// A JSON body: the configured paths replaced, declared secrets removed from every string
    /// (keys included: a secret must not survive as an object key either).
    public func body(_ json: JSONValue) -> JSONValue {
        scrub(json, path: "")
    }

    /// Declared secrets and URL credentials removed from every string; the body paths do not apply
    /// (recording fields outside exchanges: names, `expect`, `initial`).
    public func strings(_ json: JSONValue) -> JSONValue {
        scrub(json, path: nil)
    }

    /// `text` with declared secrets replaced, and every URL in it (`https://…`, as a whole value or
    /// inside a sentence) redacted as `url(_:)` does: a page address or a file link in a webhook body
    /// carries tokens as often as a request line does.
    public func textWithURLs(_ text: String) -> String {
        // A `{{re:…}}` matcher a person wrote is a pattern, not an address.
        // Every string of every recorded body comes through here: a byte scan for ':' first, as
        // Foundation's `contains` on each of them is slow (it was 7% of a replay in the comparator).
        guard text.utf8.contains(UInt8(ascii: ":")), text.contains("://"), !(text.hasPrefix("{{") && text.hasSuffix("}}")) else {
            return self.text(text)
        }
        var result = ""
        var rest = Substring(text)
        while let scheme = rest.range(of: "://") {
            // The scheme: letters (and + - .) right before "://".
            var start = scheme.lowerBound
            while start > rest.startIndex {
                let before = rest[rest.index(before: start)]
                guard before.isASCII, before.isLetter || before.isNumber || "+-.".contains(before) else { break }
                start = rest.index(before: start)
            }
            var end = rest[scheme.upperBound...].firstIndex { $0.isWhitespace || "\"'<>".contains($0) } ?? rest.endIndex
            // Punctuation closing the sentence is not part of the address.
            while end > scheme.upperBound, ".,;:!?)".contains(rest[rest.index(before: end)]) { end = rest.index(before: end) }
            result += rest[..<start]
            let candidate = String(rest[start..<end])
            result += start < scheme.lowerBound ? url(candidate) : candidate
            rest = rest[end...]
        }
        return self.text(result + rest)
    }

    private func scrub(_ json: JSONValue, path: String?) -> JSONValue {
        if let path, !bodyPaths.isEmpty, !path.isEmpty, bodyPaths.contains(where: { $0.matches(path) }) {
            return .string(Self.placeholder)
        }
        switch json {
        case .string(let s): return .string(textWithURLs(s))
        case .array(let items):
            return .array(items.enumerated().map { index, item in scrub(item, path: path.map { "\($0)[\(index)]" }) })
        case .object(let members):
            var result = OrderedDictionary<String, JSONValue>()
            for (key, value) in members {
                let childPath = path.map { p in p.isEmpty ? key : Self.isPlainKey(key) ? "\(p).\(key)" : "\(p)[\"\(key)\"]" }
                result[text(key)] = scrub(value, path: childPath)
            }
            return .object(result)
        default: return json
        }
    }

    private static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && !key.contains(where: { $0 == "." || $0 == "[" || $0 == "]" })
    }

    /// A recorded exchange (`{at, request: {method, path, headers, body}, response: {status, headers, body}, error}`).
    public func exchange(_ json: JSONValue) -> JSONValue {
        guard case .object(var members) = json else { return json }
        for part in ["request", "response"] {
            guard case .object(var message)? = members[part] else { continue }
            if let path = message["path"]?.stringValue { message["path"] = .string(url(path)) }
            if case .object(let headerMembers)? = message["headers"] {
                var redacted = OrderedDictionary<String, JSONValue>()
                for (name, value) in headerMembers {
                    redacted[name] = value.stringValue.map { .string(header(name, $0)) } ?? strings(value)
                }
                message["headers"] = .object(redacted)
            }
            if let payload = message["body"] { message["body"] = body(payload) }
            members[part] = .object(message)
        }
        if let error = members["error"]?.stringValue { members["error"] = .string(url(error)) }
        return .object(members)
    }

    /// A whole recording document: its upstream and every exchange of every turn. Fields conform
    /// does not know are scrubbed of declared secrets too.
    public func document(_ json: JSONValue) -> JSONValue {
        guard case .object(var root) = json else { return json }
        for (key, value) in root where key != "turns" && key != "source" {
            root[key] = strings(value)
        }
        if case .object(var source)? = root["source"] {
            for (key, value) in source { source[key] = value.stringValue.map { .string(url($0)) } ?? strings(value) }
            root["source"] = .object(source)
        }
        if case .array(let turns)? = root["turns"] {
            root["turns"] = .array(turns.map(turn))
        }
        return .object(root)
    }

    /// One turn: its webhook, calls and `$http` exchanges; the rest (expect, nlu) scrubbed of secrets.
    public func turn(_ json: JSONValue) -> JSONValue {
        guard case .object(var members) = json else { return json }
        for (key, value) in members {
            switch key {
            case "webhook": members[key] = exchange(value)
            case "calls", "http": members[key] = .array((value.arrayValue ?? []).map(exchange))
            default: members[key] = strings(value)
            }
        }
        return .object(members)
    }
}
