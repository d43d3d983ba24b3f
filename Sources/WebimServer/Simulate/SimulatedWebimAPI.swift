import ConformJSON
import Foundation
import Hummingbird
import WebimProtocol

/// Webim's External Bot API 2.0 as the simulator serves it: `POST /api/bot/v2/<method>`. Each body
/// is checked against the protocol (`WebimBotAPI2Method.decode`), answered as Webim would, and
/// recorded in the inbox for the chat it names.
///
/// | request | answer |
/// |---|---|
/// | a documented method with a valid body | 200 `{"result": "ok"}` |
/// | an unknown method | 404 `{"error": "unknown_method", "desc": …}` |
/// | a body that is not JSON or does not fit the method | 400 `{"error": "bad_request", "desc": …}` naming the field |
/// | a wrong or missing `Authorization: Token …` (when a token is set) | 401 `{"error": "unauthorized", "desc": …}` |
/// | not a POST | 405 `{"error": "method_not_allowed", …}` |
public struct SimulatedWebimAPI: Sendable {
    public var inbox: CallInbox
    /// When set, calls must carry `Authorization: Token <token>`.
    public var token: String?
    public var maxBodyBytes = 1 << 20
    /// When set, the chat history (`GET /api/v2/chat?id=…`) is served to this admin login.
    public var historyLogin: WebimAdminLogin?

    public static let methods: Set<String> = ["send_message", "redirect_chat", "close_chat", "set_category"]

    public init(inbox: CallInbox, token: String? = nil, historyLogin: WebimAdminLogin? = nil) {
        self.inbox = inbox
        self.token = token
        self.historyLogin = historyLogin
    }

    func respond(to request: Request) async -> Response {
        let path = request.uri.path
        let method = request.method.rawValue
        if path == SimulatedChatHistory.path {
            return SimulatedChatHistory(inbox: inbox, login: historyLogin).respond(to: request)
        }
        guard let name = WebimBotAPI2Method.methodName(fromPath: path), path.hasPrefix(WebimBotAPI2Method.pathPrefix) else {
            return HTTPMessages.json(404, ["error": "not_found",
                                           "desc": .string("nothing at \(path): the bot API is POST \(WebimBotAPI2Method.pathPrefix)<method>")])
        }
        let authorization = request.headers[.authorization]
        var received = ReceivedCall(method: name, path: path, authorization: authorization, body: nil, call: nil, chatID: nil,
                                    status: 200, answer: WebimBotAPI2Method.webhookAcknowledgement, at: .now)
        received.httpMethod = method
        func answer(_ status: Int, _ error: String, _ desc: String) -> Response {
            received.status = status
            received.answer = ["error": .string(error), "desc": .string(desc)]
            received.at = .now
            inbox.record(received)
            return HTTPMessages.json(status, received.answer)
        }
        guard method == "POST" else {
            return answer(405, "method_not_allowed", "\(method) \(path): the bot API takes POST requests")
        }
        switch await HTTPMessages.body(of: request, limit: maxBodyBytes) {
        case .tooLarge(let bytes):
            return answer(413, "bad_request", "the body is \(bytes) bytes, more than the simulator's \(maxBodyBytes)-byte limit")
        case .unreadable(let reason):
            return answer(400, "bad_request", "the body could not be read: \(reason)")
        case .bytes(let bytes):
            do {
                received.body = try JSONParser.parse(bytes: bytes)
            } catch {
                return answer(400, "bad_request", "the body is not valid JSON: \(error)")
            }
        }
        received.chatID = Self.chatID(in: received.body)
        if let token, authorization != "Token \(token)" {
            return answer(401, "unauthorized",
                          authorization == nil ? "no Authorization header: send `Authorization: Token <the bot's token>`"
                                               : "the token is not the bot's (`Authorization: Token <token>`)")
        }
        guard Self.methods.contains(name) else {
            return answer(404, "unknown_method",
                          "\(name) is not a bot API method (\(Self.methods.sorted().joined(separator: ", ")))")
        }
        do {
            received.call = try WebimBotAPI2Method.decode(name: name, body: received.body ?? .null)
        } catch {
            return answer(400, "bad_request", error.description)
        }
        received.at = .now
        inbox.record(received)
        return HTTPMessages.json(200, received.answer)
    }

    /// The chat id a body names, read loosely (so even refused calls are shown in their chat).
    static func chatID(in body: JSONValue?) -> WebimID? {
        switch body?["chat_id"] {
        case .number(let number)?: number.exactInt.map { .integer($0) }
        case .string(let text)? where !text.isEmpty: .string(text)
        default: nil
        }
    }

    /// Starts serving on `listen` (port 0: any free port).
    public func start(listen: ListenAddress) async throws(HTTPServerError) -> HTTPServer {
        let api = self
        return try await HTTPServer.start(listen: listen) { request, _ in await api.respond(to: request) }
    }
}
