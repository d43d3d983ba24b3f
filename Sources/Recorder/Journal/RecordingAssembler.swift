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

    public init() {}

    public mutating func add(_ entry: JournalEntry) {
        switch entry {
        case .chat(let header): self.header = self.header ?? header
        case .webhook(let turn, let at, let request): webhooks[turn] = (at, request)
        case .answer(let answer): answers[answer.turn] = answer
        case .call(let turn, let exchange): calls.append((turn, exchange))
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
                                              expect: answer?.expect, random: answer?.random ?? []))
        }
        return RecordingWriter.document(
            name: "chat \(header.chat)", channelType: header.channelType, dialect: header.dialect ?? dialect(order: order),
            recordedAt: header.startedAt, tool: header.tool, upstream: header.upstream, bot: header.bot,
            timezone: header.timezone, turns: turns)
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
