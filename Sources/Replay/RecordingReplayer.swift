import BotRuntime
import BotScript
import ConformJSON
import Foundation
import JSEngine
import Recording
import Reporting
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
            outcome.isConfigurationError = true
            return outcome
        }
        outcome.suiteName = suite.name
        guard let botPath = botPath(for: recording, folder: folder, suite: suite) else {
            outcome.status = .error("no bot to replay against: the recording has no source.bot, no conform.yaml names a bot, "
                                    + "and no --bot was given (add `bot: path/to/project` to conform.yaml)")
            outcome.isConfigurationError = true
            return outcome
        }
        outcome.bot = botPath
        let bot: CompiledBot
        switch bots.bot(at: botPath, suiteModules: suite.botModules) {
        case .ready(let b): bot = b
        case .broken(let why):
            outcome.status = .error(why)
            return outcome
        case .notAProject(let why):
            if settings.botOverride == nil, recording.sourceBot == nil, let file = suite.file {
                outcome.status = .error("\(file) names the bot \(botPath), which is not a JAICP project (no chatbot.yaml there): "
                                        + "correct `bot:` in it")
                outcome.isConfigurationError = true
            } else {
                outcome.status = .error(why)
            }
            return outcome
        }
        var options = settings.runtime
        if let timeout = suite.turnTimeout { options.turnTimeLimit = timeout }
        let initial = recording.initial.map {
            ConversationSnapshot(session: $0.session ?? [:], client: $0.client ?? [:], global: $0.global ?? [:])
        }
        var channel = suite.channelConfiguration
        // A webhook that does not say its dialect (Webim before 10.3 sends no version header) speaks
        // the recording's, as it did when it was recorded.
        if let dialect = recording.dialect { channel.defaultDialect = WebimDialect(dialect) }
        let context = ReplayContext(bot: bot, options: options, channel: channel, initial: initial)
        do throws(ReplayDriverFailure) {
            let driver = try settings.driver.driver(for: context, engine: engine)
            defer { driver.close() }
            try play(recording, on: driver, suite: suite, bot: bot, into: &outcome)
        } catch {
            outcome.status = .error(error.description)
        }
        return outcome
    }

    /// Feeds every turn to `driver`, compares, and searches draws where a turn without recorded
    /// draws fails with the default ones.
    private func play(_ recording: Recording, on driver: any ReplayDriver, suite: SuiteConfig, bot: CompiledBot,
                      into outcome: inout ReplayOutcome) throws(ReplayDriverFailure) {
        let suiteMocks = try suites.mocks(of: suite)
        let comparison = TurnComparison(comparator: JSONComparator(ignore: suite.ignore))
        var clock = recording.recordedAt.flatMap(RecordingTime.milliseconds) ?? 0
        var updatedTurns: [JSONValue] = []
        // The turns fed so far with exactly what they were told: the draw search replays them to
        // get back to the state before the turn it searches.
        var fed: [(request: HTTPRequestRecord, directions: TurnDirections)] = []
        // The chat view of each turn, made only for a recording that does not pass (most pass, and
        // making it was a visible part of replaying one).
        var chat: [() -> ReportedTurn] = []
        var finished = false
        defer {
            if !finished || outcome.status != .passed || !outcome.differences.isEmpty {
                outcome.conversation = chat.map { $0() }
            }
        }

        for (index, turn) in recording.turns.enumerated() {
            let label = "turn \(index + 1)"
            if let error = turn.webhook.error {
                outcome.transcript.append("\(label): not fed to the bot — the recorded webhook failed: \(error)")
                chat.append { ChatTranscript.notFed(number: index + 1, recorded: turn, dialect: recording.dialect, error: error) }
                continue
            }
            if let at = turn.at.flatMap(RecordingTime.milliseconds) { clock = at } else { clock += 1000 }
            var directions = TurnDirections(time: clock, draws: turn.random, mocks: turn.http.compactMap(Self.mock) + suiteMocks,
                                            snapshot: turn.expect != nil || settings.update, intent: turn.nlu?.intent)
            var driven = try driver.feed(turn.webhook.request, directions: directions)
            var differences = comparison.differences(turn, driven, index: index)
            var searchNote: String?
            var drawsFound = false
            if !differences.isEmpty, turn.random.isEmpty, driven.turn?.error == nil, driven.turn?.randomDraws.isEmpty == false,
               settings.drawSearchLimit > 1 {
                let search = DrawSearch(limit: settings.drawSearchLimit)
                let result = try search.run(played: driven) { prefix throws(ReplayDriverFailure) in
                    var attempt = directions
                    attempt.draws = prefix
                    let turnAgain = try Self.replayAgain(fed, then: turn.webhook.request, with: attempt, on: driver)
                    return (turnAgain, comparison.differences(turn, turnAgain, index: index))
                }
                switch result {
                case .found(let prefix, let draws, let turnFound, let tried):
                    driven = turnFound
                    differences = []
                    directions.draws = prefix
                    searchNote = "\(label): the recording has no random draws; draws \(draws) reproduce it "
                        + "(found by trying \(tried) combination\(tried == 1 ? "" : "s"))"
                    outcome.drawsFound.append((index, draws))
                    drawsFound = true
                case .notFound(let tried, let limitReached):
                    searchNote = "\(label): the recording has no random draws; "
                        + (limitReached ? "the search stopped at its bound of \(tried) combinations (--draw-search-limit) without reproducing it"
                                        : "none of the \(tried) combinations of draws reproduces it")
                        + "; the differences shown are the default draws' \(driven.turn?.randomDraws ?? [])"
                    // Back to the state the default draws left, for the turns after this one.
                    driven = try Self.replayAgain(fed, then: turn.webhook.request, with: directions, on: driver)
                }
            }
            fed.append((turn.webhook.request, directions))
            outcome.transcript += Transcript.lines(for: driven, turn: index + 1, request: turn.webhook.request)
            if let searchNote { outcome.transcript.append("  " + searchNote) }
            let (drivenTurn, turnDifferences) = (driven, differences)
            chat.append {
                ChatTranscript.turn(number: index + 1, recorded: turn, driven: drivenTurn, dialect: recording.dialect,
                                    differences: turnDifferences, base: "turns[\(index)]")
            }
            if let failure = driven.turn?.error {
                outcome.status = .error("\(label): \(failure)")
                return
            }
            if let failure = driven.startFailure {
                outcome.status = .error("\(label): the bot could not start a conversation: \(failure)")
                return
            }
            outcome.differences += differences.map { (index, $0) }
            if let turnResult = driven.turn {
                outcome.statesEntered += turnResult.statesEntered
                if let trigger = Coverage.triggerWon(turnResult, in: bot) { outcome.triggersWon.append(trigger) }
            }
            if settings.update {
                updatedTurns.append(Self.rewrite(recording.raw["turns"]?[index] ?? [:], with: driven, recorded: turn,
                                                 differences: differences, drawsFound: drawsFound,
                                                 comparator: comparison.comparator, base: "turns[\(index)]"))
            }
        }
        finished = true
        if !outcome.differences.isEmpty {
            outcome.status = .failed
            if settings.update {
                var document = recording.raw
                // Turns not fed to the bot (a failed webhook) keep their recorded form.
                var turns = document["turns"]?.arrayValue ?? []
                var fedCount = 0
                for index in turns.indices where recording.turns[index].webhook.error == nil {
                    if fedCount < updatedTurns.count { turns[index] = updatedTurns[fedCount] }
                    fedCount += 1
                }
                document["turns"] = .array(turns)
                outcome.updated = document
            }
        }
    }

    /// Plays a turn again from the state before it. Rather than snapshotting the conversation (its
    /// JavaScript globals, the channel's chats and the no-repeat history cannot all be captured from
    /// outside the engine), the driver starts over and the earlier turns are fed again with exactly
    /// the directions they had — same seed, same inputs, so the same state, by determinism.
    private static func replayAgain(_ earlier: [(request: HTTPRequestRecord, directions: TurnDirections)],
                                    then request: HTTPRequestRecord, with directions: TurnDirections,
                                    on driver: any ReplayDriver) throws(ReplayDriverFailure) -> DrivenTurn {
        try driver.restart()
        for turn in earlier {
            var quiet = turn.directions
            quiet.snapshot = false
            _ = try driver.feed(turn.request, directions: quiet)
        }
        return try driver.feed(request, directions: directions)
    }

    /// The turn as `--update` writes it: a turn that matched today's behaviour is kept exactly as
    /// written; in one that did not, only what differs changes — a matcher that still accepts today's
    /// value, an ignored path, a call's `at` and recorded response, the keys a hand-written `expect`
    /// subset leaves out all stay (`JSONComparator.merged`).
    /// `drawsFound`: the draw search reproduced the turn; its draws are written so later replays follow
    /// them instead of searching again.
    static func rewrite(_ original: JSONValue, with handled: DrivenTurn, recorded: Recording.Turn, differences: [Difference],
                        drawsFound: Bool, comparator: JSONComparator, base: String) -> JSONValue {
        guard !differences.isEmpty || drawsFound else { return original }
        func differs(_ prefix: String) -> Bool {
            let path = base + prefix
            return differences.contains { $0.path == path || $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") }
        }
        var turn = original
        if differs(".webhook.response"), var response = turn["webhook"]?["response"] {
            response["status"] = .number(JSONNumber(handled.response.status))
            response["body"] = comparator.merged(expected: response["body"], actual: handled.response.body,
                                                 at: base + ".webhook.response.body") ?? .null
            turn["webhook"]?["response"] = response
        }
        if differs(".calls") {
            let originals = turn["calls"]?.arrayValue ?? []
            let fromHistory = !recorded.calls.isEmpty && recorded.calls.allSatisfy(\.isFromHistory)
            turn["calls"] = .array(handled.calls.enumerated().map { i, call in
                guard !fromHistory, i < originals.count, originals[i]["request"] != nil else {
                    return RecordingWriter.exchange(
                        request: HTTPRequestRecord(method: call.method, path: call.path, headers: [("content-type", "application/json")],
                                                   body: call.body),
                        response: HTTPResponseRecord(status: 200, body: ["result": "ok"]))
                }
                var exchange = originals[i]
                var request = exchange["request"] ?? [:]
                request["method"] = .string(call.method)
                request["path"] = .string(call.path)
                request["body"] = comparator.merged(expected: request["body"], actual: call.body,
                                                    at: "\(base).calls[\(i)].request.body") ?? .null
                exchange["request"] = request
                return exchange
            })
        }
        if var expect = turn["expect"], let result = handled.turn {
            let snapshot = handled.snapshot
            if expect["state"] != nil, differs(".expect.state"), let state = result.state { expect["state"] = .string(state) }
            for (key, actual) in [("session", snapshot?.session), ("client", snapshot?.client), ("replies", .array(result.replies))] {
                guard let written = expect[key], differs(".expect.\(key)") else { continue }
                expect[key] = comparator.merged(expected: written, actual: actual ?? [:], at: "\(base).expect.\(key)", subset: true)
            }
            turn["expect"] = expect
        }
        if let result = handled.turn {
            let draws = JSONValue.array(result.randomDraws.map { .number(JSONNumber($0)) })
            if turn["random"] != nil || !result.randomDraws.isEmpty { turn = RecordingWriter.turn(turn, setting: "random", to: draws) }
        }
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

    /// A recorded `$http` exchange as a mock answering the same method and URL once.
    /// A recorded `$http` exchange served back: its answer, or its failure (no answer, an `error`). A
    /// credential the recorder redacted in the URL matches whatever the bot puts there today.
    static func mock(_ exchange: Exchange) -> QueuedHTTPMocks.Mock? {
        let answer: HTTPMockResponse
        if let response = exchange.response {
            answer = HTTPMockResponse(status: response.status, body: response.body)
        } else if let error = exchange.error {
            answer = HTTPMockResponse(status: -1, body: nil, error: error)
        } else {
            return nil
        }
        return QueuedHTTPMocks.Mock(method: exchange.request.method, url: exchange.request.path, response: answer,
                                    wildcard: Redactor.placeholder)
    }
}
