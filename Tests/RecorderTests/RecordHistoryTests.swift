import ConformJSON
import Foundation
import Recorder
import Recording
import Replay
import Testing
import WebimProtocol
import WebimServer

/// A bot hosted elsewhere (as on JAICP) calls Webim's API itself, so the recorder in front of its
/// webhook sees no reply: the replies come from Webim's chat history, read with the admin login.
@Suite(.serialized) struct RecordHistoryTests {
    @Test func repliesReadFromWebimsHistoryReplayAndCatchAChangedMessage() async throws {
        let root = try Fixtures.scratch()
        let out = root + "/out"
        let login = WebimAdminLogin(email: "admin@shop.example", password: "Adm1n-pw")
        let simulation = try await Simulation.start(api: ephemeral, token: "bot-token", historyLogin: login)
        // The bot posts its calls straight to Webim (the simulator), not through the recorder.
        let endpoint = try await WebhookEndpoint.start(bot: Fixtures.bot(), settings: ServeSettings(
            listen: ephemeral, destination: .webim(WebimAPIEndpoint(baseURL: simulation.apiURL, token: "bot-token")), log: .discard))
        let history = ChatHistorySource(account: try WebimAccount(simulation.apiURL), login: login)
        let scripts = try ["greeting-and-menu", "prechat-order-status", "transfer-to-agent"].map(Fixtures.script)
        let results = try await withRecorder(RecorderSettings(
            listen: ephemeral, upstream: .url("http://\(endpoint.address)"), out: out,
            redactor: Redactor(secrets: [login.email, login.password]), log: .discard, history: history)) { recorder in
            await simulation.play(scripts, webhook: "http://\(recorder.webhookAddress)/", timing: fast)
        }
        await endpoint.stop()
        await simulation.stop()
        #expect(results.map(\.failure) == [nil, nil, nil])

        let recordings = try Fixtures.recordings(in: out).sorted { ($0.name ?? "") < ($1.name ?? "") }
        #expect(recordings.map(\.name) == ["chat 101", "chat 102", "chat 103"])
        let greeting = recordings[0]
        #expect(greeting.raw["history"]?["messages"] == 6)
        #expect(greeting.turns.map { $0.calls.count } == [3, 2, 1])
        #expect(greeting.turns.allSatisfy { $0.calls.allSatisfy(\.isFromHistory) })
        #expect(greeting.turns[0].calls.map { $0.request.body?["message"]?["kind"] } == ["operator", "operator", "keyboard"])
        #expect(greeting.turns[2].calls[0].request.body?["message"]?["text"] == "Goodbye!")
        for file in Fixtures.files(under: out) {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            #expect(!text.contains(login.password) && !text.contains(login.email), "\(file)")
        }

        // Replayed against the same bot: the messages match (redirects and categories are not in history).
        let outcomes = try ReplayRun(paths: [out], settings: ReplaySettings(botOverride: Fixtures.demoBot), jobs: 2).run()
        for outcome in outcomes {
            #expect(outcome.status == .passed, "\(outcome.caseName): \(outcome.differences.map(\.difference))")
        }
        // Against a changed bot: the failure names the message that changed.
        try FileManager.default.copyItem(atPath: Fixtures.demoBot, toPath: root + "/bot")
        let main = root + "/bot/src/main.sc"
        let text = try String(contentsOfFile: main, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "a: What can I help you with?", with: "a: How can I help?").utf8)
            .write(to: URL(fileURLWithPath: main))
        let changed = try ReplayRun(paths: [out + "/" + Fixtures.files(under: out).first { $0.contains("chat-101") }!],
                                    settings: ReplaySettings(botOverride: root + "/bot"), jobs: 1).run()
        let outcome = try #require(changed.first)
        #expect(outcome.status == .failed)
        #expect(outcome.differences.map(\.difference) == [
            Difference(path: "turns[0].calls[1].request.body.message.text", expected: "What can I help you with?",
                       actual: "How can I help?"),
        ])
    }

    @Test func aHistoryThatCannotBeReadIsNotedAndTheRecordingIsStillWritten() async throws {
        let out = try Fixtures.scratch()
        let bot = try await HTTPServer.start(listen: ephemeral) { _, _ in HTTPMessages.json(200, ["result": "ok"]) }
        let client = JSONHTTPClient()
        let history = ChatHistorySource(account: try WebimAccount("http://127.0.0.1:9"),
                                        login: WebimAdminLogin(email: "a@b.c", password: "pw-123"))
        try await withRecorder(RecorderSettings(listen: ephemeral, upstream: .url("http://\(bot.address)"), out: out,
                                                log: .discard, history: history)) { recorder in
            _ = try await client.post("http://\(recorder.webhookAddress)/", headers: [("x-bot-api-version", "2.0")],
                                      body: ["event": "new_chat", "chat": ["id": 8], "visitor": ["id": "v"]], timeout: .seconds(10))
        }
        await client.shutdown()
        await bot.stop()
        let recording = try #require(try Fixtures.recordings(in: out).first)
        #expect(recording.turns.count == 1)
        #expect(recording.raw["history"]?["error"]?.stringValue?.hasPrefix("http://127.0.0.1:9/api/v2/chat?id=8 could not be reached") == true)
    }
}
