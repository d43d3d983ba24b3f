import ConformJSON
import OrderedCollections
import Recording
import WebimProtocol

/// Turns one chat's journal into its recording document — a pure function of the lines, so the
/// recording written at `close_chat` and the one recovered from a crash's journal are the same.
///
/// Rules (RECORDING-FORMAT.md): turns in arrival order; a call belongs to the latest turn of the
/// chat that arrived before it; a webhook with no answer line was cut off (the recorder stopped
/// before the upstream answered) and gets an `error` saying so; calls seen before any webhook of
/// the chat go to its first turn (a chat that has only such calls gets a turn whose webhook is an
/// `error`, so replay does not feed it). The dialect is the forced one, else what the webhooks say
/// (header, path, body), else what the answers look like (`has_answer`/`messages`: bot-api-1),
/// else bot-api-2 when the bot made API calls, else bot-api-2.
public struct RecordingAssembler {
    public private(set) var header: JournalEntry.ChatHeader?
    private var webhooks: [Int: (at: String, request: JSONValue)] = [:]
    private var answers: [Int: JournalEntry.Answer] = [:]
    private var calls: [(turn: Int?, exchange: JSONValue)] = []
    private var history: JournalEntry.History?

    public init() {}

    public mutating func add(_ entry: JournalEntry) {
        switch entry {
        case .chat(let header): self.header = self.header ?? header
        case .webhook(let turn, let at, let request): webhooks[turn] = (at, request)
        case .answer(let answer): answers[answer.turn] = answer
        case .call(let turn, let exchange): calls.append((turn, exchange))
        case .history(let history): self.history = history
        }
    }

    /// Exchanges the journal holds; zero means there is nothing to write.
    public var exchangeCount: Int { webhooks.count + calls.count }

    public var turnCount: Int { webhooks.isEmpty && !calls.isEmpty ? 1 : webhooks.count }

    public static let cutOff = "no answer was recorded: conform record stopped before the upstream answered"
    public static let noWebhook = "no webhook of this chat was seen: these calls arrived without one"

    /// The recording, fields in the documented order.
    public func document() -> JSONValue {
        let header = self.header ?? JournalEntry.ChatHeader(
            chat: "unknown", stem: "unknown", startedAt: webhooks.values.map(\.at).min() ?? "1970-01-01T00:00:00Z",
            channelType: "webim", dialect: nil, tool: "conform", upstream: "unknown", bot: nil, timezone: nil)
        let order = webhooks.keys.sorted()
        // Each call to the latest turn that arrived before it; earlier-than-any to the first.
        var callsByTurn: [Int: [JSONValue]] = [:]
        for call in calls {
            let owner = call.turn.flatMap { t in order.last(where: { $0 <= t }) } ?? order.first ?? -1
            callsByTurn[owner, default: []].append(call.exchange)
        }
        // A deployed bot on the async dialect answers from elsewhere: its messages are only in
        // Webim's history. They join the turn they followed, by time, when no call was seen.
        let sawCalls = !calls.isEmpty || answers.values.contains { !$0.calls.isEmpty }
        let dialect = header.dialect ?? self.dialect(order: order)
        if !sawCalls, dialect == WebimDialect.botAPI2.rawValue, let messages = history?.messages {
            for (turn, observed) in HistoryMessages.calls(messages, chat: header.chat, turns: order.map { ($0, webhooks[$0]!.at) }) {
                callsByTurn[turn, default: []].append(observed)
            }
        }
        var turns: [JSONValue] = []
        if order.isEmpty, let orphans = callsByTurn[-1] {
            let at = orphans.first?["at"]?.stringValue ?? header.startedAt
            let webhook = RecordingWriter.exchange(request: HTTPRequestRecord(method: "POST", path: "/"), response: nil,
                                                   error: Self.noWebhook)
            turns.append(RecordingWriter.turn(at: at, webhook: webhook, calls: orphans, expect: nil, random: []))
        }
        for turn in order {
            guard let webhook = webhooks[turn] else { continue }
            let answer = answers[turn]
            var exchange = OrderedDictionary<String, JSONValue>()
            exchange["request"] = webhook.request
            if let response = answer?.response { exchange["response"] = response }
            if answer == nil || (answer?.response == nil && answer?.error == nil) {
                exchange["error"] = .string(Self.cutOff)
            } else if let error = answer?.error {
                exchange["error"] = .string(error)
            }
            let turnCalls = (answer?.calls ?? []) + (callsByTurn[turn] ?? [])
            turns.append(RecordingWriter.turn(at: webhook.at, webhook: .object(exchange), calls: turnCalls,
                                              expect: answer?.expect, random: answer?.random ?? [], http: answer?.http ?? []))
        }
        var historyNote: JSONValue?
        if let history {
            var note: OrderedDictionary<String, JSONValue> = ["fetchedAt": .string(history.fetchedAt)]
            if let messages = history.messages { note["messages"] = .number(JSONNumber(messages.count)) }
            if let error = history.error { note["error"] = .string(error) }
            historyNote = .object(note)
        }
        return RecordingWriter.document(
            name: "chat \(header.chat)", channelType: header.channelType, dialect: dialect,
            recordedAt: header.startedAt, tool: header.tool, upstream: header.upstream, bot: header.bot,
            timezone: header.timezone, history: historyNote, turns: turns)
    }

    private func dialect(order: [Int]) -> String {
        for turn in order {
            guard let request = webhooks[turn]?.request else { continue }
            var headers: [String: String] = [:]
            for (name, value) in request["headers"]?.objectValue ?? [:] { headers[name] = value.stringValue }
            if let detected = WebimDialect.detect(headers: headers, path: request["path"]?.stringValue ?? "/",
                                                  body: request["body"]) {
                return detected.dialect.rawValue
            }
        }
        for turn in order {
            guard let body = answers[turn]?.response?["body"] else { continue }
            if body["has_answer"] != nil || body["messages"] != nil { return WebimDialect.botAPI1.rawValue }
        }
        return WebimDialect.botAPI2.rawValue
    }
}
