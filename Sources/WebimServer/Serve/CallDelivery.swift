import ConformJSON
import Foundation
import WebimChannel
import WebimProtocol

/// Where `conform serve` sends the bot's bot-api-2 calls.
public enum CallDestination: Sendable, Equatable {
    /// No Webim API named: each call is written to the log instead.
    case log
    /// `POST <baseURL>/api/bot/v2/<method>` with `Authorization: Token <token>`.
    case webim(WebimAPIEndpoint)
}

/// A Webim account's bot API: `https://acct.webim.ru` (a trailing `/api/bot/v2` is accepted too).
public struct WebimAPIEndpoint: Sendable, Equatable {
    public var baseURL: String
    public var token: String?
    /// How long one call may take before it is given up (and logged).
    public var timeout: Duration

    public init(baseURL: String, token: String?, timeout: Duration = .seconds(10)) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        let prefix = String(WebimBotAPI2Method.pathPrefix.dropLast())
        if base.hasSuffix(prefix) { base.removeLast(prefix.count) }
        self.baseURL = base
        self.token = token
        self.timeout = timeout
    }

    public func url(for call: WebimAPICall) -> String { baseURL + call.path }
}

/// Carries out the bot's calls after the webhook was answered, as JAICP does: in order within a
/// chat (one chat's calls never overtake each other), chats independently of each other. A call
/// Webim refuses — a non-2xx status or `{"error", "desc"}` — is logged and the chat's next calls
/// still go. `deliver` is synchronous so the caller (the turn thread, right after the turn) fixes
/// the order.
public final class CallDelivery: @unchecked Sendable {
    private let destination: CallDestination
    private let client: JSONHTTPClient?
    private let log: LineLog
    private let logSuccess: Bool
    // Guarded by `lock`: each chat's last queued delivery, with an id so it can remove itself.
    private let lock = NSLock()
    private var pending: [WebimID: (id: Int, task: Task<Void, Never>)] = [:]
    private var nextID = 0

    /// - Parameter logSuccess: also log each call Webim accepted (errors are always logged).
    public init(destination: CallDestination, log: LineLog, logSuccess: Bool = false) {
        self.destination = destination
        self.log = log
        self.logSuccess = logSuccess
        if case .webim = destination { client = JSONHTTPClient() } else { client = nil }
    }

    /// Queues a turn's calls behind the chat's earlier ones (or logs them) and returns at once.
    public func deliver(_ calls: [WebimAPICall], chat: WebimID) {
        guard !calls.isEmpty else { return }
        guard case .webim(let endpoint) = destination, let client else {
            for call in calls { log("  → \(call.httpMethod) \(call.path) \(JSONWriter.compact(call.body))") }
            return
        }
        let log = self.log
        let logSuccess = self.logSuccess
        lock.withLock {
            let previous = pending[chat]?.task
            nextID += 1
            let id = nextID
            let task = Task {
                await previous?.value
                for call in calls {
                    await Self.send(call, chat: chat, to: endpoint, client: client, log: log, logSuccess: logSuccess)
                }
                self.finished(chat, id)
            }
            pending[chat] = (id, task)
        }
    }

    /// Waits for every queued call (at shutdown), then closes the HTTP client.
    public func drain() async {
        while let task = lock.withLock({ pending.values.first?.task }) {
            await task.value
        }
        await client?.shutdown()
    }

    private func finished(_ chat: WebimID, _ id: Int) {
        lock.withLock {
            if pending[chat]?.id == id { pending[chat] = nil }
        }
    }

    private static func send(_ call: WebimAPICall, chat: WebimID, to endpoint: WebimAPIEndpoint, client: JSONHTTPClient,
                             log: LineLog, logSuccess: Bool) async {
        let url = endpoint.url(for: call)
        var headers: [(String, String)] = []
        if let token = endpoint.token { headers.append(("authorization", "Token \(token)")) }
        let what = "\(call.httpMethod) \(url) (chat \(chat.text))"
        do {
            let answer = try await client.post(url, headers: headers, body: call.body, timeout: endpoint.timeout)
            if let refusal = WebimAPIRefusal(answer) {
                log("webim-api error: \(what) → \(refusal)")
            } else if logSuccess {
                log("  → \(call.name) chat \(chat.text): \(answer.status) in \(seconds(answer.elapsed))")
            }
        } catch {
            log("webim-api error: \(what) → \(error)")
        }
    }
}

/// Webim refusing a call: a non-2xx status, or a 2xx body with `{"error": …, "desc": …}`.
struct WebimAPIRefusal: CustomStringConvertible {
    var status: Int
    var error: String?
    var desc: String?
    var body: String

    init?(_ answer: JSONHTTPClient.Answer) {
        let json = answer.json
        let error = json?["error"]?.nonNull
        guard !answer.isSuccess || error != nil else { return nil }
        status = answer.status
        self.error = error.map { $0.stringValue ?? JSONWriter.compact($0) }
        desc = json?["desc"]?.stringValue
        body = answer.text
    }

    var description: String {
        guard let error else {
            let excerpt = body.count > 200 ? String(body.prefix(200)) + "…" : body
            return "HTTP \(status)" + (excerpt.isEmpty ? "" : " \(excerpt)")
        }
        return "HTTP \(status) \(error)" + (desc.map { ": \($0)" } ?? "")
    }
}
