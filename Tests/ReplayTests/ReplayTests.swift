import BotRuntime
import ConformJSON
import Foundation
import Recording
import Replay
import Reporting
import Testing
import XMLSupport

enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var recordings: String { repository.appendingPathComponent("Recordings").path }
    static var demoBot: String { repository.appendingPathComponent("Recordings/bots/demo").path }
    static var demoRecordings: String { repository.appendingPathComponent("Recordings/demo").path }
}

/// Runs blocking work (a whole replay) on a thread of its own, so it does not hold one of Swift
/// concurrency's threads — as many as the cores — which the suite's HTTP tests need meanwhile.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// A scratch folder removed when released.
final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("conform-replay-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    var path: String { url.path }

    func write(_ relative: String, _ text: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func copy(_ source: String, to relative: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: url.appendingPathComponent(relative).path)
    }

    /// The demo bot copied to `bot/` with its menu question changed ("How can I help?"): the demo
    /// recordings fail against it at that message. Settings that replay against it.
    func changedDemoBot() throws -> ReplaySettings {
        try copy(Paths.demoBot, to: "bot")
        let main = url.appendingPathComponent("bot/src/main.sc")
        let text = try String(contentsOf: main, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "a: What can I help you with?", with: "a: How can I help?").utf8).write(to: main)
        return ReplaySettings(botOverride: url.appendingPathComponent("bot").path)
    }
}

@Suite struct ReplayTests {
    @Test func demoRecordingsPassAgainstTheDemoBot() throws {
        let outcomes = try ReplayRun(paths: [Paths.recordings], settings: ReplaySettings(), jobs: 2).run()
        #expect(outcomes.count == 7)
        for outcome in outcomes {
            #expect(outcome.status == .passed, "\(outcome.candidate.display): \(outcome.status) \(outcome.differences.map(\.difference))")
        }
        #expect(outcomes.map(\.caseName) == ["file-from-visitor", "greeting-and-menu", "order-number-retry", "prechat-order-status",
                                 "shipping-question-sync", "sync-dialect", "transfer-to-agent"])
        #expect(outcomes.allSatisfy { $0.classname.hasSuffix("Recordings.demo") })
    }

    /// Webim before 10.3 sends no version header: such webhooks speak the recording's
    /// `channel.dialect` (here bot-api-1, whose replies are in the webhook response).
    @Test func webhooksWithoutVersionHeadersSpeakTheRecordingsDialect() throws {
        let scratch = try Scratch()
        var recording = try JSONParser.parse(String(contentsOfFile: Paths.recordings + "/demo/sync-dialect.json", encoding: .utf8))
        var turns = recording["turns"]?.arrayValue ?? []
        #expect(turns.count > 1)
        for index in turns.indices {
            turns[index]["webhook"]?["request"]?["headers"] = ["content-type": "application/json"]
        }
        recording["turns"] = .array(turns)
        recording["source"]?["bot"] = .string(Paths.demoBot)
        try scratch.write("no-headers.json", JSONWriter.pretty(recording))
        let outcome = try #require(try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run().first)
        #expect(outcome.status == .passed, "\(outcome.status) \(outcome.differences.map(\.difference))")
    }

    @Test func changedBotFailsAtTheChangedMessage() throws {
        let scratch = try Scratch()
        let settings = try scratch.changedDemoBot()
        let outcomes = try ReplayRun(paths: [Paths.demoRecordings + "/transfer-to-agent.json"], settings: settings, jobs: 1).run()
        let outcome = try #require(outcomes.first)
        #expect(outcome.status == .failed)
        let first = try #require(outcome.differences.first)
        #expect(first.turn == 0)
        #expect(first.difference == Difference(path: "turns[0].calls[1].request.body.message.text",
                                               expected: "What can I help you with?", actual: "How can I help?"))
        // The same change shows in the turn's expected replies.
        #expect(outcome.differences.contains { $0.difference.path == "turns[0].expect.replies[1].text" })
        let testCase = outcome.testCase
        guard case .failed(let message, let details) = testCase.outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(message.hasPrefix("two misunderstandings in a row transfer the chat to an agent: turn 1: turns[0].calls[1].request.body.message.text differs"))
        #expect(details.contains("- expected: \"What can I help you with?\"\n  + actual:   \"How can I help?\""))
    }

    @Test func brokenFilesAreErrorsOtherJSONIsSkippedAndTheRunGoesOn() throws {
        let scratch = try Scratch()
        try scratch.copy(Paths.demoRecordings + "/sync-dialect.json", to: "ok.json")
        try scratch.write("truncated.json", #"{"format": "conform-recording", "version": 1, "turns": [{"#)
        try scratch.write("package.json", #"{"name": "not a recording"}"#)
        try scratch.write("unknown-dialect.json", #"""
            {"format": "conform-recording", "version": 1, "channel": {"type": "webim", "dialect": "bot-api-9"},
             "source": {"bot": "bot"}, "turns": []}
            """#)
        let settings = ReplaySettings(botOverride: Paths.demoBot)
        let outcomes = try ReplayRun(paths: [scratch.path], settings: settings, jobs: 2).run()
        let byName = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.caseName, $0.status) })
        #expect(byName["ok"] == .passed)
        #expect(byName["package"] == .skipped(#"not a recording: no "format" field, not "conform-recording""#))
        guard case .error(let truncated)? = byName["truncated"] else { Issue.record("expected an error"); return }
        #expect(truncated.hasSuffix("truncated.json: line 1, column 58: is not valid JSON: the text ends in the middle of a value (truncated file?)"))
        guard case .error(let dialect)? = byName["unknown-dialect"] else { Issue.record("expected an error"); return }
        #expect(dialect == #"the recording's dialect "bot-api-9" is not one conform can parse (known: bot-api-1, bot-api-2); its exchanges are kept untouched"#)
    }

    @Test func missingBotIsAnErrorNamingWhatToDo() throws {
        let scratch = try Scratch()
        try scratch.write("r.json", #"{"format": "conform-recording", "version": 1, "turns": []}"#)
        let outcome = try #require(try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run().first)
        guard case .error(let why) = outcome.status else { Issue.record("expected an error"); return }
        #expect(why.hasPrefix("no bot to replay against"))
        #expect(why.contains("conform.yaml"))
    }

    @Test func shardsSplitTheRecordingsWithoutOverlap() throws {
        var seen: [String] = []
        for k in 1...3 {
            let outcomes = try ReplayRun(paths: [Paths.recordings], settings: ReplaySettings(), jobs: 1, shard: (k, 3)).run()
            seen += outcomes.map(\.caseName)
        }
        #expect(seen.sorted() == ["file-from-visitor", "greeting-and-menu", "order-number-retry", "prechat-order-status",
                                 "shipping-question-sync", "sync-dialect", "transfer-to-agent"])
    }

    @Test func junitReportValidatesAndCountsMatch() throws {
        let scratch = try Scratch()
        try scratch.copy(Paths.demoRecordings + "/sync-dialect.json", to: "ok.json")
        try scratch.write("broken.json", "{")
        let outcomes = try ReplayRun(paths: [scratch.path], settings: ReplaySettings(botOverride: Paths.demoBot), jobs: 1).run()
        let report = ReplayRun.report(outcomes, name: "conform replay", properties: [("conform.version", "test")])
        let path = scratch.url.appendingPathComponent("Reports/junit.xml").path
        try JUnitWriter.write(report, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try XMLSchemaValidator(schema: JUnitSchema.xsd).validate(text) == [])
        let root = try XMLReader.parse(text)
        #expect(root[attribute: "tests"] == "2")
        #expect(root[attribute: "errors"] == "1")
        #expect(root[attribute: "failures"] == "0")
        let cases = root.elements(named: "testsuite").flatMap { $0.elements(named: "testcase") }
        #expect(cases.map { $0[attribute: "name"] } == ["broken", "ok"])
        #expect(cases.allSatisfy { ($0[attribute: "classname"] ?? "").contains(".") || !($0[attribute: "classname"] ?? "").isEmpty })
        #expect(cases[1].elements(named: "system-out").first?.text.contains("bot [/Menu]: What can I help you with?") == true)
        // A third-party parser reads it the same way (junitparser, from PyPI, installed by scripts/install-deps).
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", """
            import sys
            from junitparser import JUnitXml
            xml = JUnitXml.fromfile(sys.argv[1])
            cases = [c for s in xml for c in s]
            print(len(cases), sum(1 for c in cases if c.result and c.result[0].__class__.__name__ == 'Error'))
            """, path]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        python.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(python.terminationStatus == 0)
        #expect(output == "2 1\n")
    }
}

@Suite struct ReplayUpdateAndCoverageTests {
    @Test func updateRewritesAFailingRecordingSoItPassesAgain() throws {
        let scratch = try Scratch()
        try scratch.copy(Paths.demoRecordings + "/transfer-to-agent.json", to: "r.json")
        var settings = try scratch.changedDemoBot()
        settings.update = true
        let first = try #require(try ReplayRun(paths: [scratch.path + "/r.json"], settings: settings, jobs: 1).run().first)
        #expect(first.status == .failed)
        let updated = try #require(first.updated)
        #expect(updated["turns"]?[0]?["calls"]?[1]?["request"]?["body"]?["message"]?["text"] == "How can I help?")
        #expect(updated["turns"]?[0]?["expect"]?["replies"]?[1]?["text"] == "How can I help?")
        #expect(updated["name"] == "two misunderstandings in a row transfer the chat to an agent")
        try RecordingWriter.write(updated, to: scratch.path + "/r.json")
        settings.update = false
        let second = try #require(try ReplayRun(paths: [scratch.path + "/r.json"], settings: settings, jobs: 1).run().first)
        #expect(second.status == .passed, "\(second.differences.map(\.difference))")
    }

    /// `--update` changes only what differs: matchers that still accept today's values, the calls'
    /// times and recorded answers, a hand-written `expect` subset and the turns that passed stay as
    /// written.
    @Test func updateChangesOnlyWhatDiffers() throws {
        let scratch = try Scratch()
        var recording = try JSONParser.parse(String(contentsOfFile: Paths.demoRecordings + "/transfer-to-agent.json", encoding: .utf8))
        var turns = try #require(recording["turns"]?.arrayValue)
        var calls = try #require(turns[0]["calls"]?.arrayValue)
        calls[0]["request"]?["body"]?["message"]?["text"] = "{{re:Hello! .*}}"
        calls[0]["request"]?["body"]?["chat_id"] = "{{any}}"
        turns[0]["calls"] = .array(calls)
        turns[0]["expect"]?["session"] = ["greeted": true]
        turns[0]["expect"]?["replies"] = [["text": "Hello! I am the shop assistant."], ["text": "What can I help you with?"], ["type": "buttons"]]
        turns[0]["random"] = nil
        recording["turns"] = .array(turns)
        try scratch.write("r.json", JSONWriter.pretty(recording))
        var settings = try scratch.changedDemoBot()
        settings.update = true
        let first = try #require(try ReplayRun(paths: [scratch.path + "/r.json"], settings: settings, jobs: 1).run().first)
        #expect(first.status == .failed)
        let updated = try #require(first.updated)
        let before = try #require(recording["turns"]?[0]), after = try #require(updated["turns"]?[0])
        // What changed: the second message's text and the reply; nothing else.
        #expect(after["calls"]?[1]?["request"]?["body"]?["message"]?["text"] == "How can I help?")
        #expect(after["expect"]?["replies"] == [["text": "Hello! I am the shop assistant."], ["text": "How can I help?"], ["type": "buttons"]])
        #expect(after["calls"]?[0] == before["calls"]?[0])
        #expect(after["calls"]?[1]?["at"] == before["calls"]?[1]?["at"])
        #expect(after["calls"]?[1]?["response"] == before["calls"]?[1]?["response"])
        #expect(after["expect"]?["session"] == ["greeted": true])
        #expect(after["expect"]?["state"] == before["expect"]?["state"])
        // A turn without draws gets none written; the turns that passed are as they were.
        #expect(after["random"] == nil)
        #expect(updated["turns"]?[1] == recording["turns"]?[1])
        #expect(updated["turns"]?[2] == recording["turns"]?[2])
    }

    @Test func coverageCountsStatesEnteredThroughGoBangAndTriggersWon() throws {
        let outcomes = try ReplayRun(paths: [Paths.demoRecordings + "/transfer-to-agent.json"], settings: ReplaySettings(), jobs: 1).run()
        let coverage = try #require(ReplayRun.coverage(outcomes, modules: [:]).first?.coverage)
        // new_chat → ConversationStart go!→ Menu; "asdf" → NoMatch; "zzzz" → NoMatch go!→ Operator.
        #expect(coverage.states["/ConversationStart"] == 1)
        #expect(coverage.states["/Menu"] == 1)
        #expect(coverage.states["/NoMatch"] == 2)
        #expect(coverage.states["/Operator"] == 1)
        #expect(coverage.states["/Start"] == 0)
        #expect(coverage.coveredStates == 4)
        #expect(coverage.states.count == 11)
        #expect(coverage.triggers["src/main.sc:20"] == 1)  // event!: newChatStarted
        #expect(coverage.triggers["src/main.sc:69"] == 2)  // event!: noMatch
        #expect(coverage.coveredTriggers == 2)
    }

    @Test func buttonClicksInRecordingsCountAsTheirButtonsTriggers() throws {
        let outcomes = try ReplayRun(paths: [Paths.recordings], settings: ReplaySettings(), jobs: 2).run()
        let coverage = try #require(ReplayRun.coverage(outcomes, modules: [:]).first?.coverage)
        // The menu's buttons (main.sc:37–39): "Track an order" is clicked in order-number-retry and
        // sync-dialect, "Delivery" in greeting-and-menu, "Talk to a person" never (agents are reached
        // by typing).
        #expect(coverage.triggers["src/main.sc:37"] == 2)
        #expect(coverage.triggers["src/main.sc:38"] == 1)
        #expect(coverage.triggers["src/main.sc:39"] == 0)
        #expect(coverage.triggers.count == 14)
    }
}

@Suite struct MergeTests {
    @Test func mergedShardReportsEqualTheUnshardedRun() throws {
        let scratch = try Scratch()
        var files: [String] = []
        for k in 1...2 {
            let outcomes = try ReplayRun(paths: [Paths.recordings], settings: ReplaySettings(), jobs: 1, shard: (k, 2)).run()
            let report = ReplayRun.report(outcomes, name: "conform replay", properties: [("conform.version", "t"), ("shard", "\(k)/2")])
            let file = scratch.path + "/junit-\(k).xml"
            try JUnitWriter.write(report, to: file)
            files.append(file)
        }
        let merged = try XMLReader.parse(try JUnitMerger.merge(files: files))
        #expect(merged[attribute: "tests"] == "7")
        #expect(merged[attribute: "failures"] == "0")
        let suites = merged.elements(named: "testsuite")
        #expect(suites.count == 1)
        let names = suites[0].elements(named: "testcase").compactMap { $0[attribute: "name"] }.sorted()
        #expect(names == ["file-from-visitor", "greeting-and-menu", "order-number-retry", "prechat-order-status",
                                 "shipping-question-sync", "sync-dialect", "transfer-to-agent"])
        let properties = suites[0].elements(named: "properties").first?.elements(named: "property").compactMap { $0[attribute: "name"] }
        #expect(properties == ["conform.version"])
    }
}

@Suite struct CoverageMergeTests {
    @Test func shardCoverageAddsUpToTheUnshardedRun() throws {
        let all = try ReplayRun(paths: [Paths.recordings], settings: ReplaySettings(), jobs: 1).run()
        let whole = try #require(ReplayRun.coverage(all, modules: [:]).first?.coverage.json)
        var merged: JSONValue?
        for k in 1...3 {
            let outcomes = try ReplayRun(paths: [Paths.recordings], settings: ReplaySettings(), jobs: 1, shard: (k, 3)).run()
            if let json = ReplayRun.coverage(outcomes, modules: [:]).first?.coverage.json {
                merged = Coverage.add(merged, json)
            }
        }
        #expect(merged?["states"] == whole["states"])
        #expect(merged?["triggers"] == whole["triggers"])
    }
}
