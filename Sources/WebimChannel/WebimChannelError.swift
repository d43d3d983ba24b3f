import ConformJSON
import WebimProtocol

/// Why a webhook was refused: the HTTP status and JSON error body Webim gets, and the log line.
public enum WebimChannelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Webim posts webhooks; anything else is not one.
    case methodNotAllowed(String)
    /// The body could not be read or does not fit the protocol (names the JSON path).
    case badRequest(WebimProtocolError)
    /// The caller's conversation factory failed (the bot's start-up code, say): no turn could run.
    case sessionStartFailed(chat: WebimID, reason: String)

    public var status: Int {
        switch self {
        case .methodNotAllowed: 405
        case .badRequest(.bodyTooLarge): 413
        case .badRequest: 400
        case .sessionStartFailed: 500
        }
    }

    public var code: String {
        switch self {
        case .methodNotAllowed: "method_not_allowed"
        case .badRequest(let error): error.code
        case .sessionStartFailed: "bot_unavailable"
        }
    }

    /// `{"error": code, "desc": message, "path": "chat.id"}` — Webim's own error shape, plus the path.
    public var body: JSONValue {
        var body: JSONValue = ["error": .string(code), "desc": .string(description)]
        if case .badRequest(let error) = self, let path = error.path { body["path"] = .string(path) }
        return body
    }

    public var description: String {
        switch self {
        case .methodNotAllowed(let method): "\(method) is not a webhook: Webim posts webhooks with POST"
        case .badRequest(let error): error.description
        case .sessionStartFailed(let chat, let reason): "could not start a conversation for chat \(chat): \(reason)"
        }
    }
}
