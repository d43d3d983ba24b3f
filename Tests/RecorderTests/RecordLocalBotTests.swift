import ConformJSON
import Foundation
import Recorder
import Recording
import Replay
import Testing
import WebimChannel
import WebimProtocol
import WebimServer

/// `conform record --bot PATH`: conform's runtime as the upstream, recordings replayable strictly.
@Suite(.serialized) struct RecordLocalBotTests {
    @Test func localBotRecordingsCarryExpectationsAndReplayStrictly() async throws {
        let root = try Fixtures.scratch()
        let out = root + "/Recordings/local"
        let simulation = try await Simulation.start(api: ephemeral)
        let settings = RecorderSettings(listen: ephemeral, upstream: .localBot(try Fixtures.bot(), reference: "../../bot"),
                                        webimAPI: simulation.apiURL, apiListen: ephemeral, out: out, log: .discard)
        let results = try await withRecorder(settings) { recorder in
            await simulation.play(try Fixtures.scriptNames.map(Fixtures.script), webhook: "http://\(recorder.webhookAddress)/",
                                  timing: fast)
        }
        await simulation.stop()
        #expect(results.map(\.failure) == [nil, nil, nil, nil])
        let recordings = try Fixtures.recordings(in: out).sorted { ($0.name ?? "") < ($1.name ?? "") }
        #expect(recordings.count == 4)
        #expect(recordings.allSatisfy { $0.sourceBot == "../../bot" && $0.sourceUpstream == "local bot ../../bot" })
        // Every turn that ran has its expectations: state, session, client, replies.
        let greeting = recordings[0]
        let first = try #require(greeting.turns[0].expect)
        #expect(first.state == "/Menu")
        #expect(first.replies?.arrayValue?.count == 3)
        #expect(first.session != nil && first.client != nil)
        #expect(greeting.turns.map { $0.calls.count } == [3, 2, 3])

        // Replayed strictly (expectations included) against the same project.
        try FileManager.default.copyItem(atPath: Fixtures.demoBot, toPath: root + "/bot")
        let outcomes = try ReplayRun(paths: [out], settings: ReplaySettings(), jobs: 2).run()
        #expect(outcomes.count == 4)
        for outcome in outcomes {
            #expect(outcome.status == .passed, "\(outcome.candidate.display): \(outcome.status) \(outcome.differences.map(\.difference))")
        }
        // A changed reply is caught by the expectations too.
        let main = root + "/bot/src/main.sc"
        let text = try String(contentsOfFile: main, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "a: What can I help you with?", with: "a: How can I help?").utf8)
            .write(to: URL(fileURLWithPath: main))
        let changed = try ReplayRun(paths: [out], settings: ReplaySettings(), jobs: 2).run()
        // The three chats that show the menu.
        #expect(changed.filter { $0.status == .failed }.map(\.caseName).count == 3)
    }

    @Test func withoutAWebimAPITheBotsCallsAreAnsweredInProcessAndRecordedWithTheTurn() async throws {
        let out = try Fixtures.scratch()
        let client = JSONHTTPClient()
        let settings = RecorderSettings(listen: ephemeral, upstream: .localBot(try Fixtures.bot(), reference: nil), out: out,
                                        log: .discard)
        try await withRecorder(settings) { recorder in
            #expect(recorder.apiAddress == nil)
            let answer = try await client.post("http://\(recorder.webhookAddress)/", headers: [("x-bot-api-version", "2.0")],
                                               body: ["event": "new_chat", "chat": ["id": 77], "visitor": ["id": "v-77"]],
                                               timeout: .seconds(10))
            #expect(answer.status == 200)
            #expect(answer.json == ["result": "ok"])
        }
        await client.shutdown()
        let recording = try #require(try Fixtures.recordings(in: out).first)
        let turn = try #require(recording.turns.first)
        #expect(turn.calls.count == 3)
        #expect(turn.calls.allSatisfy { $0.response?.body == ["result": "ok"] && $0.request.body?["chat_id"] == 77 })
        #expect(turn.expect?.state == "/Menu")
    }

    /// The bot's close_chat answered in process is accepted, as Webim would accept it: the chat's
    /// recording is written then, not at shutdown.
    @Test func withoutAWebimAPIACloseChatWritesTheRecordingAtOnce() async throws {
        let out = try Fixtures.scratch()
        let client = JSONHTTPClient()
        let settings = RecorderSettings(listen: ephemeral, upstream: .localBot(try Fixtures.bot(), reference: nil), out: out,
                                        log: .discard)
        try await withRecorder(settings) { recorder in
            let headers = [("x-bot-api-version", "2.0")]
            _ = try await client.post("http://\(recorder.webhookAddress)/", headers: headers,
                                      body: ["event": "new_chat", "chat": ["id": 78], "visitor": ["id": "v-78"]], timeout: .seconds(10))
            #expect(try Fixtures.recordings(in: out).isEmpty)
            _ = try await client.post("http://\(recorder.webhookAddress)/", headers: headers,
                                      body: ["event": "new_message", "chat_id": 78,
                                             "message": ["id": "m-1", "kind": "visitor", "text": "bye"]], timeout: .seconds(10))
            let written = try Fixtures.recordings(in: out)
            #expect(written.count == 1)
            #expect(written.first?.turns.count == 2)
        }
        await client.shutdown()
    }
}
