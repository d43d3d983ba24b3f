import ConformJSON

/// Which dialect a webhook speaks, and what said so. The evidence is kept so a recording or log line
/// shows why a dialect was chosen — nothing is guessed silently.
///
/// Order of evidence: the `X-Bot-API-Version` header (Webim ≥ 10.3 sends it), then a `/v1` or `/v2`
/// URL suffix (how integrators route older builds), then the body's shape (only `new_message` bodies
/// differ between 1.0 and 2.0). `new_chat` bodies look alike in both: `detect` returns nil and the
/// caller decides (the chat's earlier dialect, or a configured default).
///
/// ```swift
/// WebimDialect.detect(headers: ["x-bot-api-version": "2.0"], path: "/", body: body)?.dialect  // .botAPI2
/// ```
public struct DialectDetection: Sendable, Equatable, CustomStringConvertible {
    public enum Source: String, Sendable {
        case configuration, header, path, body, chat
        case `default` = "default"
    }

    public var dialect: WebimDialect
    public var source: Source
    /// What was seen, e.g. `x-bot-api-version: 2.0` or `path /hook/v1`.
    public var evidence: String

    public init(dialect: WebimDialect, source: Source, evidence: String) {
        self.dialect = dialect
        self.source = source
        self.evidence = evidence
    }

    public var description: String { "\(dialect) (from \(evidence))" }
}

extension WebimDialect {
    public static let versionHeader = "x-bot-api-version"
    public static let dialectHeader = "x-bot-api-dialect"
    public static let webimVersionHeader = "x-webim-version"

    /// Detects the dialect from what the request itself says; nil when it says nothing decisive.
    /// An unknown version (`X-Bot-API-Version: 3.0`, a `/v3` suffix) is returned as the unknown
    /// dialect `bot-api-3`, for the caller to refuse by name.
    public static func detect(headers: [String: String], path: String, body: JSONValue?) -> DialectDetection? {
        if let version = header(versionHeader, in: headers), let dialect = WebimDialect(apiVersion: version) {
            var evidence = "\(versionHeader): \(version)"
            if let flavour = header(dialectHeader, in: headers) { evidence += ", \(dialectHeader): \(flavour)" }
            return DialectDetection(dialect: dialect, source: .header, evidence: evidence)
        }
        if let version = pathVersion(path), let dialect = WebimDialect(apiVersion: version) {
            return DialectDetection(dialect: dialect, source: .path, evidence: "path \(path)")
        }
        if let body, let detected = bodyShape(body) {
            return detected
        }
        return nil
    }

    /// A header's value by case-insensitive name (recordings lower-case names; live servers may not).
    public static func header(_ name: String, in headers: [String: String]) -> String? {
        if let value = headers[name] { return value.isEmpty ? nil : value }
        let lowered = name.lowercased()
        return headers.first { $0.key.lowercased() == lowered && !$0.value.isEmpty }?.value
    }

    /// "2" for `/hook/v2`, `/v2/`, `/v2?secret=…`.
    static func pathVersion(_ path: String) -> String? {
        var route = Substring(path)
        if let cut = route.firstIndex(where: { $0 == "?" || $0 == "#" }) { route = route[..<cut] }
        while route.hasSuffix("/") { route = route.dropLast() }
        guard let last = route.split(separator: "/").last, last.count > 1,
              last.first == "v" || last.first == "V" else { return nil }
        let digits = last.dropFirst()
        return digits.allSatisfy(\.isNumber) ? String(digits) : nil
    }

    /// `new_message` with `chat_id`/`message` is 2.0; with `chat`/top-level `kind` it is 1.0.
    static func bodyShape(_ body: JSONValue) -> DialectDetection? {
        guard body["event"]?.stringValue == WebimEvent.newMessageName else { return nil }
        if body["message"]?.nonNull != nil || body["chat_id"]?.nonNull != nil {
            return DialectDetection(dialect: .botAPI2, source: .body, evidence: "new_message body with chat_id/message (2.0 shape)")
        }
        if body["kind"]?.nonNull != nil || body["chat"]?.nonNull != nil {
            return DialectDetection(dialect: .botAPI1, source: .body, evidence: "new_message body with chat.id and a top-level kind (1.0 shape)")
        }
        return nil
    }
}
