import ConformJSON
import Foundation
import Hummingbird
import OrderedCollections
import WebimProtocol

/// The chat history the simulator serves where Webim's stored-data API does (`GET /api/v2/chat?id=ID`,
/// HTTP Basic auth with the admin login): the bot's messages the simulated bot API accepted for that
/// chat, oldest first, as `{"chat": {"id": ID, "messages": [{"id", "kind", "text"|"data", "created_at"}]}}`.
/// This is the shape conform's recorder reads (Webim's own documentation shows only the openings of
/// the method's page; see README, "Recording a bot hosted by JAICP").
struct SimulatedChatHistory {
    static let path = "/api/v2/chat"
    let inbox: CallInbox
    let login: WebimAdminLogin?

    func respond(to request: Request) -> Response {
        guard let login else {
            return HTTPMessages.json(404, ["error": "not_found", "desc": "this simulation serves no chat history (no admin login set)"])
        }
        guard request.method == .get else {
            return HTTPMessages.json(405, ["error": "method_not_allowed", "desc": .string("GET \(Self.path)?id=<chat>")])
        }
        guard request.headers[.authorization] == login.authorization else {
            return HTTPMessages.json(401, ["error": "unauthorized", "desc": "the stored-data API takes the admin email and password as Basic auth"])
        }
        guard let id = request.uri.queryParameters.get("id"), !id.isEmpty else {
            return HTTPMessages.json(400, ["error": "bad_request", "desc": .string("name the chat: \(Self.path)?id=<chat>")])
        }
        let calls = inbox.all.filter { $0.chatID?.text == id && $0.accepted && $0.method == "send_message" }
        guard !calls.isEmpty else {
            return HTTPMessages.json(404, ["error": "chat_not_found", "desc": .string("no chat \(id)")])
        }
        let messages: [JSONValue] = calls.enumerated().map { index, call in
            let message = call.body?["message"]
            var entry = OrderedDictionary<String, JSONValue>()
            entry["id"] = .string("h\(index + 1)")
            entry["kind"] = message?["kind"] ?? "operator"
            if let text = message?["text"] { entry["text"] = text }
            if let buttons = message?["buttons"] { entry["data"] = ["buttons": buttons] }
            if let data = message?["data"] { entry["data"] = data }
            entry["created_at"] = .string(call.receivedAt.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            return .object(entry)
        }
        let chatID: JSONValue = Int(id).map { .number(JSONNumber($0)) } ?? .string(id)
        return HTTPMessages.json(200, ["chat": ["id": chatID, "messages": .array(messages)]])
    }
}
