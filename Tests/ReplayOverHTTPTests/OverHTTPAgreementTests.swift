import ConformJSON
import Foundation
import Recording
import Replay
import ReplayOverHTTP
import Testing

enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var recordings: String { repository.appendingPathComponent("Recordings").path }
    static var demoBot: String { repository.appendingPathComponent("Recordings/bots/demo").path }
}

/// A scratch folder removed when released.
final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("conform-over-http-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    var path: String { url.path }
}

/// Runs `body` on a thread of its own. A replay over HTTP waits on its worker threads for HTTP work
/// that runs on Swift concurrency's pool (as big as the cores); tests run on that pool, so blocking
/// it with two runs at once would leave the HTTP work no thread. `conform replay` calls from main.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// `--over-http` runs the recordings through `conform serve` on loopback (real Hummingbird endpoint,
/// real AsyncHTTPClient requests, a local Webim API receiving the bot's calls); it must reach the
/// same verdicts, differences and transcripts as the in-process path.
@Suite struct OverHTTPAgreementTests {
    static func both(_ paths: [String], settings: ReplaySettings = ReplaySettings()) async throws
        -> (inProcess: [ReplayOutcome], overHTTP: [ReplayOutcome]) {
        var http = settings
        http.driver = HTTPReplayDriverFactory()
        return (try await onOwnThread { try ReplayRun(paths: paths, settings: settings, jobs: 2).run() },
                try await onOwnThread { [http] in try ReplayRun(paths: paths, settings: http, jobs: 2).run() })
    }

    static func expectSame(_ a: [ReplayOutcome], _ b: [ReplayOutcome]) {
        #expect(a.map(\.caseName) == b.map(\.caseName))
        for (x, y) in zip(a, b) {
            #expect(x.status == y.status, "\(x.caseName)")
            #expect(x.differences.map(\.turn) == y.differences.map(\.turn), "\(x.caseName)")
            #expect(x.differences.map(\.difference) == y.differences.map(\.difference), "\(x.caseName)")
            #expect(x.transcript == y.transcript, "\(x.caseName)")
            #expect(x.statesEntered == y.statesEntered, "\(x.caseName)")
            #expect(x.triggersWon == y.triggersWon, "\(x.caseName)")
        }
    }

    @Test func demoRecordingsGetIdenticalResultsInProcessAndOverHTTP() async throws {
        let (inProcess, overHTTP) = try await Self.both([Paths.recordings])
        #expect(inProcess.count == 7)
        #expect(overHTTP.allSatisfy { $0.status == .passed })
        // Both dialects and every kind of turn went through: calls over HTTP and sync answers.
        #expect(overHTTP.flatMap(\.transcript).contains { $0.hasPrefix("  → POST /api/bot/v2/close_chat") })
        #expect(overHTTP.flatMap(\.transcript).contains { $0.hasPrefix("  webhook answered 200 {\"has_answer\":true") })
        Self.expectSame(inProcess, overHTTP)
    }

    @Test func aChangedBotFailsIdenticallyBothWays() async throws {
        let scratch = try Scratch()
        try FileManager.default.copyItem(atPath: Paths.demoBot, toPath: scratch.path + "/bot")
        let main = scratch.path + "/bot/src/main.sc"
        let text = try String(contentsOfFile: main, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "a: What can I help you with?", with: "a: How can I help?").utf8)
            .write(to: URL(fileURLWithPath: main))
        let (inProcess, overHTTP) = try await Self.both([Paths.recordings], settings: ReplaySettings(botOverride: scratch.path + "/bot"))
        #expect(overHTTP.map(\.status) == [.failed, .failed, .failed, .passed, .failed, .failed, .failed])
        #expect(overHTTP[0].differences.first?.difference
                == Difference(path: "turns[0].calls[1].request.body.message.text",
                              expected: "What can I help you with?", actual: "How can I help?"))
        Self.expectSame(inProcess, overHTTP)
    }

    /// Evidence the HTTP path is the real server: `serve` answers webhooks only at /, /v1 and /v2,
    /// while the in-process adapter takes any path.
    @Test func aWebhookPathServeDoesNotServeDiffersOnlyOverHTTP() async throws {
        let scratch = try Scratch()
        let source = Paths.recordings + "/demo/sync-dialect.json"
        var text = try String(contentsOfFile: source, encoding: .utf8)
        text = text.replacingOccurrences(of: #""path": "/","#, with: #""path": "/hooks/webim","#)
            .replacingOccurrences(of: #""bot": "../bots/demo""#, with: "\"bot\": \"\(Paths.demoBot)\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: scratch.path + "/moved.json"))
        let (inProcess, overHTTP) = try await Self.both([scratch.path + "/moved.json"])
        #expect(inProcess.first?.status == .passed)
        #expect(overHTTP.first?.status == .failed)
        #expect(overHTTP.first?.differences.first?.difference
                == Difference(path: "turns[0].webhook.response.status", expected: 200, actual: 404))
    }

    /// The draw search plays turns again from a fresh conversation: over HTTP that means the server
    /// forgetting its chats, and the same draws must be found.
    @Test func theDrawSearchFindsTheSameDrawsOverHTTP() async throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/bot/src", withIntermediateDirectories: true)
        try Data("name: picker\nentryPoint: main.sc\n".utf8).write(to: URL(fileURLWithPath: scratch.path + "/bot/chatbot.yaml"))
        try Data("""
            theme: /
                state: Pick
                    q!: * pick *
                    random:
                        a: Apples
                        a: Pears
                    random:
                        a: Red
                        a: Green
                        a: Blue
            """.utf8).write(to: URL(fileURLWithPath: scratch.path + "/bot/src/main.sc"))
        // Two turns: the first needs draws [0, 2]; the second is played after the search, from the
        // state the found draws left, and needs the runtime's fruit (1) but colour 0, which the
        // seeded default does not draw.
        func turn(_ at: String, _ body: String, _ replies: [String]) -> String {
            let messages = replies.map { #"{"kind": "operator", "text": "\#($0)"}"# }.joined(separator: ", ")
            return #"""
                {"at": "\#(at)", "webhook": {"request": {"method": "POST", "path": "/",
                  "headers": {"content-type": "application/json", "x-bot-api-version": "1.0"}, "body": \#(body)},
                  "response": {"status": 200, "body": {"has_answer": true, "messages": [\#(messages)]}}}, "calls": []}
                """#
        }
        let recording = """
            {"format": "conform-recording", "version": 1, "name": "random replies", "channel": {"type": "webim", "dialect": "bot-api-1"},
             "source": {"bot": "bot"}, "initial": {"session": {"smartRandom": {"/Pick_2": [0], "/Pick_3": [1, 2]}}},
             "turns": [
               \(turn("2026-11-25T10:00:00.000Z", #"{"event": "new_chat", "chat": {"id": "c-1"}, "visitor": {"id": "v-1"}, "messages": [{"id": "m1", "kind": "visitor", "text": "pick"}]}"#, ["Apples", "Blue"])),
               \(turn("2026-11-25T10:00:05.000Z", #"{"event": "new_message", "chat": {"id": "c-1"}, "kind": "visitor", "text": "pick again"}"#, ["Pears", "Red"]))
             ]}
            """
        try Data(recording.utf8).write(to: URL(fileURLWithPath: scratch.path + "/deployed.json"))
        let (inProcess, overHTTP) = try await Self.both([scratch.path + "/deployed.json"])
        #expect(overHTTP.first?.status == .passed)
        #expect(overHTTP.first?.drawsFound.map(\.turn) == [0, 1])
        #expect(overHTTP.first?.drawsFound.map(\.draws) == [[0, 2], [1, 0]])
        #expect(inProcess.first?.drawsFound.map(\.draws) == [[0, 2], [1, 0]])
        Self.expectSame(inProcess, overHTTP)
    }
}
