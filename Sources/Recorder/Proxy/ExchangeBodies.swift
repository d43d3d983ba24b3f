import ConformJSON
import Hummingbird
import Recording

/// How bytes on the wire become recorded values, and the chat an exchange belongs to.
enum ExchangeBodies {
    /// A body as a recording keeps it: JSON when it parses, else its text; nil when empty.
    static func recorded(_ bytes: [UInt8]) -> JSONValue? {
        guard !bytes.isEmpty else { return nil }
        if let json = try? JSONParser.parse(bytes: bytes) { return json }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    /// Headers as a recording keeps them: lower-cased, without hop-by-hop ones and `date`.
    static func recordedHeaders(_ headers: [(String, String)]) -> [(String, String)] {
        headers.filter { !ForwardingClient.hopByHop.contains($0.0) && $0.0 != "date" }
    }

    /// The request's headers, lower-cased, in order.
    static func headers(of request: Request) -> [(String, String)] {
        request.headers.map { ($0.name.canonicalName.lowercased(), $0.value) }
    }

    /// The path with its query, as the client sent it.
    static func target(of request: Request) -> String {
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return request.uri.path + query
    }

    /// The chat a webhook is about: `chat.id` (new_chat, bot-api-1) or `chat_id` (bot-api-2 messages).
    static func webhookChat(_ body: JSONValue?) -> String? {
        text(body?["chat"]?["id"]) ?? text(body?["chat_id"])
    }

    /// The chat a bot API call is about: `chat_id`.
    static func callChat(_ body: JSONValue?) -> String? {
        text(body?["chat_id"]) ?? text(body?["chat"]?["id"])
    }

    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)? where !s.isEmpty: s
        case .number(let n)?: n.literal
        default: nil
        }
    }

    /// A request record, redacted: `{method, path, headers, body}`.
    static func request(method: String, target: String, headers: [(String, String)], body: JSONValue?,
                        redactor: Redactor) -> JSONValue {
        let exchange = RecordingWriter.exchange(
            request: HTTPRequestRecord(method: method, path: target, headers: recordedHeaders(headers), body: body),
            response: nil)
        return redactor.exchange(exchange)["request"] ?? .null
    }

    /// A response record, redacted: `{status, headers, body}`.
    static func response(status: Int, headers: [(String, String)], body: JSONValue?, redactor: Redactor) -> JSONValue {
        let exchange = RecordingWriter.exchange(
            request: HTTPRequestRecord(method: "", path: ""),
            response: HTTPResponseRecord(status: status, headers: recordedHeaders(headers), body: body))
        return redactor.exchange(exchange)["response"] ?? .null
    }
}
