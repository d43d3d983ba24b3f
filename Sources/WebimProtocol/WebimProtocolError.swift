import ConformJSON

/// Why a Webim body could not be understood. Every case names the JSON path (`chat.id`,
/// `message.kind`, `messages[1].text`) and what was expected there, so the 400 answer and the log
/// line tell the integrator exactly what to fix.
public enum WebimProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is not JSON at all (or is truncated, or nested too deeply).
    case malformedJSON(JSONSyntaxError)
    /// The body is larger than the configured limit; it was not parsed.
    case bodyTooLarge(bytes: Int, limit: Int)
    /// A field the event needs is absent (or `null`).
    case missing(path: String, expected: String)
    /// A field has the wrong JSON type.
    case wrongType(path: String, expected: String, found: String)
    /// A field has the right type but an unusable value (an empty id, `1.5` as a chat id).
    case invalidValue(path: String, expected: String, found: String)
    /// The request asks for a dialect conform does not speak.
    case unknownDialect(name: String, evidence: String)

    /// The JSON path of the offending field; `""` is the whole body; nil when no field is at fault.
    public var path: String? {
        switch self {
        case .missing(let path, _), .wrongType(let path, _, _), .invalidValue(let path, _, _): path
        case .malformedJSON, .bodyTooLarge, .unknownDialect: nil
        }
    }

    /// A short machine-readable code, used as `error` in JSON error bodies.
    public var code: String {
        switch self {
        case .malformedJSON: "malformed_json"
        case .bodyTooLarge: "body_too_large"
        case .missing: "missing_field"
        case .wrongType: "wrong_type"
        case .invalidValue: "invalid_value"
        case .unknownDialect: "unknown_dialect"
        }
    }

    public var description: String {
        switch self {
        case .malformedJSON(let error):
            return "the body is not valid JSON: \(error)"
        case .bodyTooLarge(let bytes, let limit):
            return "the body is \(bytes) bytes, more than the \(limit)-byte limit; it was not read (raise the limit if Webim really sends such bodies)"
        case .missing(let path, let expected):
            return "\(Self.describe(path)) is missing: expected \(expected)"
        case .wrongType(let path, let expected, let found):
            return "\(Self.describe(path)) is \(Self.article(found)): expected \(expected)"
        case .invalidValue(let path, let expected, let found):
            return "\(Self.describe(path)) is \(found): expected \(expected)"
        case .unknownDialect(let name, let evidence):
            let known = WebimDialect.known.map(\.rawValue).joined(separator: ", ")
            return "unknown Webim dialect '\(name)' (from \(evidence)); conform speaks \(known) — send X-Bot-API-Version 1.0 or 2.0, or force a dialect in the configuration"
        }
    }

    private static func describe(_ path: String) -> String {
        path.isEmpty ? "the body" : "`\(path)`"
    }

    private static func article(_ typeName: String) -> String {
        switch typeName {
        case "null": "null"
        case "array", "object": "an \(typeName)"
        default: "a \(typeName)"
        }
    }
}
