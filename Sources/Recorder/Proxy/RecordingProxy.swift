import ConformConcurrency
import ConformJSON
import Foundation
import HTTPTypes
import Hummingbird
import Recording
import OrderedCollections
import WebimServer

/// The two proxies' request handling: each exchange is forwarded, written to its chat's journal,
/// and only then answered — so an exchange the client saw answered is on disk.
final class RecordingProxy: Sendable {
    let settings: RecorderSettings
    let store: JournalStore
    let status: RecorderStatus
    private let table: Locked<ChatTable>
    private let client: ForwardingClient

    init(settings: RecorderSettings, store: JournalStore, status: RecorderStatus) {
        self.settings = settings
        self.store = store
        self.status = status
        table = Locked(ChatTable(idle: settings.idle))
        client = ForwardingClient(timeout: settings.upstreamTimeout)
    }

    // MARK: Webhooks (Webim → bot)

    func webhook(_ request: Request, localBot: LocalBot?) async -> Response {
        let method = request.method.rawValue
        // The recorder's own health check (for load balancers and scripts): answered, not forwarded.
        if request.uri.path == "/health", method == "GET" || method == "HEAD" {
            return HTTPMessages.json(200, ["status": "ok", "recording": .string(store.folder),
                                           "chats": .number(JSONNumber(openChats))])
        }
        var target = ExchangeBodies.target(of: request)
        var headers = ExchangeBodies.headers(of: request)
        if let secret = settings.webhookSecret {
            guard secret.admits(target: target, authorization: headers.first { $0.0 == "authorization" }?.1) else {
                noteError("\(method) \(request.uri.path): refused (401), no webhook secret; not recorded")
                return HTTPMessages.json(401, ["error": "unauthorized", "desc": .string(WebhookSecret.refusal)])
            }
            // The secret is conform's: the bot behind it gets neither it nor the header that carried it.
            target = secret.stripped(target)
            headers.removeAll { $0.0 == "authorization" && secret.isSecretAuthorization($0.1) }
        }
        let bytes: [UInt8]
        switch await Self.read(request) {
        case .bytes(let b): bytes = b
        case .refused(let response): return response
        }
        let body = ExchangeBodies.recorded(bytes)
        let now = Date()
        let at = RecordingTime.string(milliseconds: now.timeIntervalSince1970 * 1000)
        let chat = ExchangeBodies.webhookChat(body) ?? "unknown"
        let stem = ChatFileName.stem(chat: chat, at: at)
        let (session, turn) = table.withLock { $0.webhookArrived(chat: chat, now: now, stem: stem, isFree: store.isFree) }
        status.update { $0.openChats = self.openChats; $0.turns += 1 }
        if session.isNew { writeLater(.chat(header(chat: chat, stem: session.stem, at: at)), session) }
        let recordedRequest = ExchangeBodies.request(method: method, target: target, headers: headers, body: body,
                                                     redactor: settings.redactor)
        // Not awaited: the answer line below is, and the journal's queue keeps their order.
        writeLater(.webhook(turn: turn, at: at, request: recordedRequest), session)

        let response: Response
        var answer = JournalEntry.Answer(turn: turn)
        var closes = false
        switch settings.upstream {
        case .url(let base):
            switch await client.forward(method: method, url: Self.join(base, target), headers: headers, body: bytes) {
            case .success(let upstream):
                answer.response = ExchangeBodies.response(status: upstream.status, headers: upstream.headers,
                                                          body: ExchangeBodies.recorded(upstream.body), redactor: settings.redactor)
                response = Self.response(status: upstream.status, headers: upstream.headers, body: upstream.body)
            case .failure(let failure):
                answer.error = settings.redactor.url(failure.message)
                response = Self.failure(failure)
                noteError("webhook of chat \(chat): \(answer.error ?? "")")
            }
        case .localBot:
            guard let localBot else { preconditionFailure("a local-bot recorder starts its bot before listening") }
            let local = await localBot.answer(method: method, path: request.uri.path, headers: headers, body: bytes, at: now)
            let headers = [("content-type", "application/json")]
            answer.response = ExchangeBodies.response(status: local.status, headers: headers, body: local.body,
                                                      redactor: settings.redactor)
            answer.expect = local.expect.map(settings.redactor.strings)
            answer.random = local.random
            answer.calls = local.calls.map(settings.redactor.exchange)
            answer.http = local.http.map(settings.redactor.exchange)
            if !local.calls.isEmpty { status.update { $0.calls += local.calls.count } }
            // Calls answered in process (no Webim API named) are accepted: a close_chat among them
            // closes the chat as Webim accepting it would.
            closes = local.calls.contains { Self.isCloseChat($0["request"]?["path"]?.stringValue ?? "") }
            response = Self.response(status: local.status, headers: headers, body: Array(JSONWriter.compact(local.body).utf8))
        }
        await write(.answer(answer), session)
        await finished(chat: chat, closes: closes)
        return response
    }

    // MARK: API calls (bot → Webim)

    func call(_ request: Request) async -> Response {
        let method = request.method.rawValue
        let target = ExchangeBodies.target(of: request)
        let headers = ExchangeBodies.headers(of: request)
        let bytes: [UInt8]
        switch await Self.read(request) {
        case .bytes(let b): bytes = b
        case .refused(let response): return response
        }
        guard let webimAPI = settings.webimAPI else {
            return HTTPMessages.json(404, ["error": "not_found", "desc": "no --webim-api is set"])
        }
        let body = ExchangeBodies.recorded(bytes)
        let now = Date()
        let at = RecordingTime.string(milliseconds: now.timeIntervalSince1970 * 1000)
        let chat = ExchangeBodies.callChat(body) ?? "unknown"
        let stem = ChatFileName.stem(chat: chat, at: at)
        let (session, turn) = table.withLock { $0.callArrived(chat: chat, now: now, stem: stem, isFree: store.isFree) }
        status.update { $0.openChats = self.openChats; $0.calls += 1 }
        if session.isNew { await write(.chat(header(chat: chat, stem: session.stem, at: at)), session) }

        let forwarded = await client.forward(method: method, url: Self.join(webimAPI, target), headers: headers, body: bytes)
        var exchange = OrderedJSON()
        exchange["at"] = .string(at)
        exchange["request"] = ExchangeBodies.request(method: method, target: target, headers: headers, body: body,
                                                     redactor: settings.redactor)
        let response: Response
        var closes = false
        switch forwarded {
        case .success(let upstream):
            let recordedBody = ExchangeBodies.recorded(upstream.body)
            exchange["response"] = ExchangeBodies.response(status: upstream.status, headers: upstream.headers,
                                                           body: recordedBody, redactor: settings.redactor)
            closes = Self.isCloseChat(target) && (200..<300).contains(upstream.status) && recordedBody?["error"]?.nonNull == nil
            response = Self.response(status: upstream.status, headers: upstream.headers, body: upstream.body)
        case .failure(let failure):
            exchange["error"] = .string(settings.redactor.url(failure.message))
            response = Self.failure(failure)
            noteError("call of chat \(chat): \(settings.redactor.url(failure.message))")
        }
        await write(.call(turn: turn, exchange: .object(exchange)), session)
        await finished(chat: chat, closes: closes)
        return response
    }

    // MARK: Chats

    var openChats: Int { table.withLock { $0.openChats } }

    private func finished(chat: String, closes: Bool) async {
        let closed = table.withLock { $0.finished(chat: chat, closes: closes, now: Date()) }
        if let closed { await finalize(closed) }
    }

    /// Writes the recordings of chats idle for longer than the setting.
    func sweep() async {
        let closed = table.withLock { $0.sweep(now: Date()) }
        for chat in closed { await finalize(chat) }
    }

    /// Writes every open chat's recording (at shutdown, once nothing is in flight) and closes the
    /// HTTP client.
    func finalizeAll() async {
        let closed = table.withLock { $0.closeAll() }
        for chat in closed { await finalize(chat) }
        await client.shutdown()
    }

    /// A journal a previous run left: its history (when configured) and its recording.
    func recover(_ stem: String) async -> JournalStore.Finalized? {
        if let header = store.header(stem) { await addHistory(ChatTable.Closed(chat: header.chat, stem: stem)) }
        do {
            let written = try await store.finalize(stem: stem, redactor: settings.redactor)
            if let written {
                settings.log("recovered \(written.path) (\(written.turns) turns) from a journal a previous run left")
            }
            return written
        } catch {
            noteError("recovering \(store.journalPath(stem)): \(error)")
            return nil
        }
    }

    /// A deployed bot's chat first gets its history from Webim (when a login is given), then its file.
    func finalize(_ closed: ChatTable.Closed) async {
        await addHistory(closed)
        await finalize(closed.stem)
    }

    private func addHistory(_ closed: ChatTable.Closed) async {
        if let history = settings.history, case .url = settings.upstream {
            let entry = await history.fetch(chat: closed.chat, client: client)
            if let error = entry.error { noteError("history of chat \(closed.chat): \(settings.redactor.url(error)) (the recording is written without it)") }
            let redacted = JournalEntry.History(fetchedAt: entry.fetchedAt, messages: entry.messages?.map(settings.redactor.strings),
                                                error: entry.error.map(settings.redactor.url))
            await write(.history(redacted), ChatTable.Session(chat: closed.chat, stem: closed.stem, isNew: false))
        }
    }

    func finalize(_ stem: String) async {
        do {
            if let written = try await store.finalize(stem: stem, redactor: settings.redactor) {
                status.update { $0.recordingsWritten += 1 }
                var line = "wrote \(written.path) (\(written.turns) turn\(written.turns == 1 ? "" : "s"))"
                if written.skippedLines > 0 {
                    line += "; \(written.skippedLines) unreadable journal line(s) kept in \(store.journalPath(stem)).unreadable"
                }
                settings.log(line)
            }
        } catch {
            noteError("\(error)")
        }
        status.update { $0.openChats = self.openChats }
    }

    private func header(chat: String, stem: String, at: String) -> JournalEntry.ChatHeader {
        var bot: String?
        if case .localBot(_, let reference) = settings.upstream { bot = reference }
        return JournalEntry.ChatHeader(chat: settings.redactor.text(chat), stem: stem, startedAt: at,
                                       channelType: settings.channel.channelType, dialect: settings.channel.dialect?.rawValue,
                                       tool: settings.tool, upstream: settings.upstreamDescription, bot: bot,
                                       timezone: settings.timezone)
    }

    private func writeLater(_ entry: JournalEntry, _ session: ChatTable.Session) {
        store.appendLater(entry, stem: session.stem) { [weak self] error in
            self?.status.update { $0.failedExchanges += 1 }
            self?.noteError("NOT RECORDED (chat \(session.chat)): \(error)")
        }
    }

    private func write(_ entry: JournalEntry, _ session: ChatTable.Session) async {
        do {
            try await store.append(entry, stem: session.stem)
        } catch {
            status.update { $0.failedExchanges += 1 }
            noteError("NOT RECORDED (chat \(session.chat)): \(error)")
        }
    }

    private func noteError(_ message: String) {
        status.update { $0.lastError = message }
        settings.log("error: \(message)")
    }

    // MARK: HTTP helpers

    /// `base` + the request's path and query: `https://bot.example/hook` + `/v2?x=1`.
    /// Whether an API call's path (query included or not) is Webim's `close_chat`.
    static func isCloseChat(_ target: String) -> Bool {
        target.split(separator: "?").first?.hasSuffix("/close_chat") == true
    }

    static func join(_ base: String, _ target: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        if target == "/" { return base.isEmpty ? "/" : base + "/" }
        return base + (target.hasPrefix("/") ? target : "/" + target)
    }

    enum Read {
        case bytes([UInt8])
        case refused(Response)
    }

    private static func read(_ request: Request) async -> Read {
        var bytes: [UInt8] = []
        do {
            for try await buffer in request.body {
                bytes.append(contentsOf: buffer.readableBytesView)
                if bytes.count > ForwardingClient.maxBodyBytes {
                    return .refused(HTTPMessages.json(413, ["error": "body_too_large",
                                                                     "desc": "conform record forwards bodies up to 16 MiB"]))
                }
            }
        } catch {
            return .refused(HTTPMessages.json(400, ["error": "unreadable_body", "desc": .string("\(error)")]))
        }
        return .bytes(bytes)
    }

    static func response(status: Int, headers: [(String, String)], body: [UInt8]) -> Response {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        return Response(status: .init(code: status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// What Webim gets from a dead bot: 502 (unreachable) or 504 (too slow).
    static func failure(_ failure: ForwardingClient.Failure) -> Response {
        let code = failure.status == 504 ? "upstream_timeout" : "upstream_unreachable"
        return HTTPMessages.json(failure.status, ["error": .string(code), "desc": .string(failure.message)])
    }
}

typealias OrderedJSON = OrderedDictionary<String, JSONValue>
