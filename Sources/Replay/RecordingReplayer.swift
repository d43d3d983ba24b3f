import BotRuntime
import BotScript
import ConformJSON
import Foundation
import JSEngine
import Recording
import WebimChannel
import WebimProtocol

/// Replays one recording: each recorded webhook goes through the Webim channel adapter and the bot,
/// in process, with the clock at the turn's time, the recorded random draws and `$http` answers; what
/// comes out is compared with what was recorded (RECORDING-FORMAT.md, "What replay compares").
struct RecordingReplayer {
    let settings: ReplaySettings
    let bots: BotCache
    let suites: SuiteConfigs

    func replay(_ candidate: RecordingDiscovery.Candidate, engine: JSEngine) -> ReplayOutcome {
        let started = DispatchTime.now().uptimeNanoseconds
        var outcome = run(candidate, engine: engine)
        outcome.time = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return outcome
    }

    private func run(_ candidate: RecordingDiscovery.Candidate, engine: JSEngine) -> ReplayOutcome {
        let stem = ((candidate.relative as NSString).lastPathComponent as NSString).deletingPathExtension
        var outcome = ReplayOutcome(candidate: candidate, title: stem, status: .passed)
        let recording: Recording
        switch RecordingLoader.load(file: candidate.path, display: candidate.display) {
        case .failure(let error):
            outcome.status = .error(error.description)
            return outcome
        case .success(.notARecording(let why)):
            outcome.status = .skipped("not a recording: \(why)")
            return outcome
        case .success(.recording(let r)):
            recording = r
        }
        outcome.title = recording.name ?? stem
        outcome.dialect = recording.dialect
        outcome.turns = recording.turns.count
        if let dialect = recording.dialect, !WebimDialect(dialect).isKnown {
            outcome.status = .error("the recording's dialect \"\(dialect)\" is not one conform can parse (known: "
                                    + WebimDialect.known.map(\.rawValue).joined(separator: ", ") + "); its exchanges are kept untouched")
            return outcome
        }
        let folder = (candidate.path as NSString).deletingLastPathComponent
        let suite: SuiteConfig
        switch suites.config(for: folder) {
        case .success(let s): suite = s
        case .failure(let problem):
            outcome.status = .error(problem.description)
            return outcome
        }
        guard let botPath = botPath(for: recording, folder: folder, suite: suite) else {
            outcome.status = .error("no bot to replay against: the recording has no source.bot, no conform.yaml names a bot, "
                                    + "and no --bot was given (add `bot: path/to/project` to conform.yaml)")
            return outcome
        }
        outcome.bot = botPath
        let bot: CompiledBot
        switch bots.bot(at: botPath, suiteModules: suite.botModules) {
        case .ready(let b): bot = b
        case .broken(let why):
            outcome.status = .error(why)
            return outcome
        }
        var options = settings.runtime
        if let timeout = suite.turnTimeout { options.turnTimeLimit = timeout }
        options.seed = Self.seed(candidate.relative)
        let suiteMocks = loadMocks(suite)
        var firstConversation = true
        var channel = WebimChannel(configuration: suite.channelConfiguration) { _ in
            let conversation = try Conversation(bot: bot, engine: engine, options: options)
            if firstConversation, let initial = recording.initial {
                conversation.restore(ConversationSnapshot(session: initial.session ?? [:], client: initial.client ?? [:],
                                                          global: initial.global ?? [:]))
            }
            firstConversation = false
            return conversation
        }
        let comparator = JSONComparator(ignore: suite.ignore)
        var clock = recording.recordedAt.flatMap(RecordingTime.milliseconds) ?? 0
        var updatedTurns: [JSONValue] = []

        for (index, turn) in recording.turns.enumerated() {
            let label = "turn \(index + 1)"
            if let error = turn.webhook.error {
                outcome.transcript.append("\(label): not fed to the bot — the recorded webhook failed: \(error)")
                continue
            }
            if let at = turn.at.flatMap(RecordingTime.milliseconds) { clock = at } else { clock += 1000 }
            let headers = Dictionary(turn.webhook.request.headers, uniquingKeysWith: { _, last in last })
            let handled = channel.handle(method: turn.webhook.request.method, path: turn.webhook.request.path,
                                         headers: headers, json: turn.webhook.request.body ?? .null, time: clock) { conversation in
                conversation.recordedDraws = turn.random
                conversation.http = QueuedHTTPMocks(turn.http.compactMap(Self.mock) + suiteMocks)
            }
            outcome.transcript += Transcript.lines(for: handled, turn: index + 1, request: turn.webhook.request)
            if let failure = handled.turn?.error {
                outcome.status = .error("\(label): \(failure)")
                return outcome
            }
            let base = "turns[\(index)]"
            var differences: [Difference] = []
            if let expected = turn.webhook.response {
                if expected.status != handled.webhookResponse.status {
                    differences.append(Difference(path: "\(base).webhook.response.status", expected: .number(JSONNumber(expected.status)),
                                                  actual: .number(JSONNumber(handled.webhookResponse.status))))
                }
                differences += comparator.compare(expected: expected.body, actual: handled.webhookResponse.body,
                                                  at: "\(base).webhook.response.body")
            }
            differences += compareCalls(turn.calls, handled.calls, base: base, comparator: comparator)
            if let expect = turn.expect, let result = handled.turn {
                let snapshot = handled.chatID.flatMap { channel.conversation(for: $0) }?.snapshot()
                differences += compareExpect(expect, result: result, snapshot: snapshot, base: "\(base).expect",
                                             comparator: comparator)
            } else if turn.expect != nil {
                differences.append(Difference(path: "\(base).expect", expected: turn.expect?.raw, actual: nil,
                                              note: "the bot did not run a turn: \(handled.note ?? "no reason given")"))
            }
            outcome.differences += differences.map { (index, $0) }
            if let turnResult = handled.turn {
                outcome.statesEntered += turnResult.statesEntered
                if let selection = turnResult.selection {
                    let location = bot.triggers[selection.triggerID].trigger.location
                    outcome.triggersWon.append("\(location.file):\(location.line)")
                }
            }
            if settings.update {
                let snapshot = handled.chatID.flatMap { channel.conversation(for: $0) }?.snapshot()
                updatedTurns.append(Self.rewrite(recording.raw["turns"]?[index] ?? [:], with: handled, snapshot: snapshot))
            }
            if let chat = handled.chatID, handled.calls.contains(where: { $0.name == "close_chat" }) {
                channel.endSession(chat)
            }
        }
        if !outcome.differences.isEmpty {
            outcome.status = .failed
            if settings.update {
                var document = recording.raw
                // Turns not fed to the bot (a failed webhook) keep their recorded form.
                var turns = document["turns"]?.arrayValue ?? []
                var fed = 0
                for index in turns.indices where recording.turns[index].webhook.error == nil {
                    if fed < updatedTurns.count { turns[index] = updatedTurns[fed] }
                    fed += 1
                }
                document["turns"] = .array(turns)
                outcome.updated = document
            }
        }
        return outcome
    }

    /// A recorded turn with what the bot does today: the webhook's answer, the calls (answered as
    /// Webim answers them), `expect` (only when the turn had one) and the random draws.
    static func rewrite(_ original: JSONValue, with handled: WebhookOutcome, snapshot: ConversationSnapshot?) -> JSONValue {
        var turn = original
        if turn["webhook"]?["response"] != nil {
            var response = turn["webhook"]?["response"] ?? [:]
            response["status"] = .number(JSONNumber(handled.webhookResponse.status))
            response["body"] = handled.webhookResponse.body
            var webhook = turn["webhook"] ?? [:]
            webhook["response"] = response
            turn["webhook"] = webhook
        }
        turn["calls"] = .array(handled.calls.map { call in
            RecordingWriter.exchange(
                request: HTTPRequestRecord(method: call.httpMethod, path: call.path, headers: [("content-type", "application/json")],
                                           body: call.body),
                response: HTTPResponseRecord(status: 200, body: ["result": "ok"]))
        })
        if turn["expect"] != nil, let result = handled.turn {
            var expect = turn["expect"] ?? [:]
            if let state = result.state { expect["state"] = .string(state) }
            if expect["session"] != nil { expect["session"] = snapshot?.session ?? [:] }
            if expect["client"] != nil { expect["client"] = snapshot?.client ?? [:] }
            if expect["replies"] != nil { expect["replies"] = .array(result.replies) }
            turn["expect"] = expect
        }
        if let result = handled.turn { turn["random"] = .array(result.randomDraws.map { .number(JSONNumber($0)) }) }
        return turn
    }

    private func botPath(for recording: Recording, folder: String, suite: SuiteConfig) -> String? {
        if let override = settings.botOverride {
            return URL(fileURLWithPath: override).standardizedFileURL.path
        }
        if let bot = recording.sourceBot {
            return URL(fileURLWithPath: bot, relativeTo: URL(fileURLWithPath: folder + "/")).standardizedFileURL.path
        }
        return suite.bot
    }

    private func compareCalls(_ expected: [Exchange], _ actual: [WebimAPICall], base: String,
                              comparator: JSONComparator) -> [Difference] {
        var differences: [Difference] = []
        if expected.count != actual.count {
            differences.append(Difference(path: "\(base).calls", expected: .number(JSONNumber(expected.count)),
                                          actual: .number(JSONNumber(actual.count)),
                                          note: "number of API calls: expected \(expected.count), the bot made \(actual.count)"))
        }
        for i in 0..<max(expected.count, actual.count) {
            let path = "\(base).calls[\(i)].request"
            guard i < expected.count else {
                differences.append(Difference(path: path, expected: nil, actual: Self.json(actual[i]), note: "an extra call"))
                continue
            }
            guard i < actual.count else {
                differences.append(Difference(path: path, expected: Self.json(expected[i].request), actual: nil, note: "a missing call"))
                continue
            }
            let e = expected[i].request
            let a = actual[i]
            if e.method.uppercased() != a.httpMethod {
                differences.append(Difference(path: "\(path).method", expected: .string(e.method), actual: .string(a.httpMethod)))
            }
            if e.path != a.path {
                differences.append(Difference(path: "\(path).path", expected: .string(e.path), actual: .string(a.path)))
            }
            differences += comparator.compare(expected: e.body, actual: a.body, at: "\(path).body")
        }
        return differences
    }

    private func compareExpect(_ expect: Expectation, result: TurnResult, snapshot: ConversationSnapshot?, base: String,
                               comparator: JSONComparator) -> [Difference] {
        var differences: [Difference] = []
        if let state = expect.state {
            differences += comparator.compare(expected: state, actual: result.state.map(JSONValue.string), at: "\(base).state")
        }
        if let session = expect.session {
            differences += comparator.compare(expected: session, actual: snapshot?.session, at: "\(base).session", subset: true)
        }
        if let client = expect.client {
            differences += comparator.compare(expected: client, actual: snapshot?.client, at: "\(base).client", subset: true)
        }
        if let replies = expect.replies {
            differences += comparator.compare(expected: replies, actual: .array(result.replies), at: "\(base).replies", subset: true)
        }
        return differences
    }

    static func json(_ call: WebimAPICall) -> JSONValue {
        ["method": .string(call.httpMethod), "path": .string(call.path), "body": call.body]
    }

    static func json(_ request: HTTPRequestRecord) -> JSONValue {
        ["method": .string(request.method), "path": .string(request.path), "body": request.body ?? .null]
    }

    /// A recorded `$http` exchange as a mock answering the same method and URL once.
    static func mock(_ exchange: Exchange) -> QueuedHTTPMocks.Mock? {
        guard let response = exchange.response else { return nil }
        return QueuedHTTPMocks.Mock(method: exchange.request.method, url: exchange.request.path,
                                    response: HTTPMockResponse(status: response.status, body: response.body))
    }

    /// `conform.yaml`'s `mocks:` file: a list of `{method, url, status, body}`, each usable any number of times.
    private func loadMocks(_ suite: SuiteConfig) -> [QueuedHTTPMocks.Mock] {
        guard let file = suite.mocks, let data = FileManager.default.contents(atPath: file),
              let text = String(data: data, encoding: .utf8),
              let entries = (try? YAMLConversion.parse(text))?.arrayValue else { return [] }
        return entries.compactMap { entry in
            guard let url = entry["url"]?.stringValue else { return nil }
            return QueuedHTTPMocks.Mock(method: entry["method"]?.stringValue ?? "GET", url: url,
                                        response: HTTPMockResponse(status: entry["status"]?.intValue ?? 200, body: entry["body"]),
                                        once: false)
        }
    }

    /// A seed from the file's path: the same recording always gets the same `Math.random` sequence.
    static func seed(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
