import ConformJSON
import WebimProtocol

/// One call the bot makes to Webim (bot-api-2): `POST /api/bot/v2/<name>` with a JSON body.
/// In-process replay compares these with a recording's `calls`; `conform serve` sends them.
public struct WebimAPICall: Sendable, Equatable, CustomStringConvertible {
    public var method: WebimBotAPI2Method

    public init(_ method: WebimBotAPI2Method) { self.method = method }

    /// `send_message`, `redirect_chat`, `close_chat`, `set_category`.
    public var name: String { method.name }
    public var httpMethod: String { "POST" }
    /// `/api/bot/v2/<name>`, relative to the account's domain.
    public var path: String { method.path }
    public var body: JSONValue { method.body }

    public var description: String { "\(httpMethod) \(path) \(body)" }
}

/// The webhook's HTTP answer to Webim.
public struct WebhookResponse: Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    public var body: JSONValue
    public var headers: [String: String] { ["content-type": "application/json"] }

    public init(status: Int, body: JSONValue) {
        self.status = status
        self.body = body
    }

    /// bot-api-2's acknowledgement, `200 {"result": "ok"}`.
    public static let acknowledged = WebhookResponse(status: 200, body: WebimBotAPI2Method.webhookAcknowledgement)

    public var description: String { "\(status) \(body)" }
}
