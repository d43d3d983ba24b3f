import ConformJSON
import Foundation
import Recording
import WebimProtocol

/// Where the recorder reads a finished chat's history: the Webim account's stored-data API with
/// the admin login (HTTP Basic auth), as JAICP's Webim channel does with the same credentials.
public struct ChatHistorySource: Sendable, Equatable {
    public var account: WebimAccount
    public var login: WebimAdminLogin
    /// The method's path, `{chat}` replaced by the chat id.
    public var pathTemplate: String

    public static let defaultPath = "/api/v2/chat?id={chat}"

    public init(account: WebimAccount, login: WebimAdminLogin, pathTemplate: String = ChatHistorySource.defaultPath) {
        self.account = account
        self.login = login
        self.pathTemplate = pathTemplate
    }

    func url(chat: String) -> String {
        let id = chat.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? chat
        return account.baseURL + pathTemplate.replacingOccurrences(of: "{chat}", with: id)
    }

    /// Reads the history: `chat.messages`, or top-level `messages`, or a top-level array.
    func fetch(chat: String, client: ForwardingClient) async -> JournalEntry.History {
        let fetchedAt = RecordingTime.string(milliseconds: Date().timeIntervalSince1970 * 1000)
        let url = url(chat: chat)
        switch await client.forward(method: "GET", url: url, headers: [("authorization", login.authorization),
                                                                       ("accept", "application/json")], body: []) {
        case .failure(let failure):
            return JournalEntry.History(fetchedAt: fetchedAt, error: failure.message)
        case .success(let answer):
            guard (200..<300).contains(answer.status) else {
                let excerpt = String(decoding: answer.body.prefix(200), as: UTF8.self)
                return JournalEntry.History(fetchedAt: fetchedAt, error: "GET \(url) answered \(answer.status): \(excerpt)")
            }
            guard let json = try? JSONParser.parse(bytes: answer.body) else {
                return JournalEntry.History(fetchedAt: fetchedAt, error: "GET \(url) did not answer JSON")
            }
            guard let messages = json["chat"]?["messages"]?.arrayValue ?? json["messages"]?.arrayValue ?? json.arrayValue else {
                return JournalEntry.History(fetchedAt: fetchedAt, error: "GET \(url) answered JSON without `chat.messages`")
            }
            return JournalEntry.History(fetchedAt: fetchedAt, messages: messages)
        }
    }
}
