import ConformJSON
import Foundation
import Recorder
import Recording
import Replay
import Testing
import WebimChannel
import WebimProtocol
import WebimServer

/// `conform simulate` → `conform record` → `conform serve --bot`, over real HTTP on loopback.
@Suite(.serialized) struct RecordProxyTests {
    @Test func simulatedChatsInBothDialectsAreRecordedExactlyAndReplayClean() async throws {
        let out = try Fixtures.scratch()
        let token = "t0ken-planted-123"
        let simulation = try await Simulation.start(api: ephemeral, token: token)
        let scripts = try Fixtures.scriptNames.map(Fixtures.script)
        // serve must know the recorder's API address and the recorder serve's: reserve the API port
        // with a first recorder, then start the real one on it.
        let recorder = try await Recorder.start(RecorderSettings(
            listen: ephemeral, upstream: .url("http://127.0.0.1:1"), webimAPI: simulation.apiURL, apiListen: ephemeral,
            out: out, redactor: Redactor(secrets: [token]), tool: "conform test", log: .discard))
        let apiBase = "http://\(try #require(recorder.apiAddress))"
        // serve posts the bot's calls to the recorder's API listener, which forwards them to Webim (the simulator).
        let endpoint = try await WebhookEndpoint.start(bot: Fixtures.bot(), settings: ServeSettings(
            listen: ephemeral, destination: .webim(WebimAPIEndpoint(baseURL: apiBase, token: token)), log: .discard))
        await recorder.stop()
        // Now the real run, with the serve endpoint as the upstream.
        let live = try await Recorder.start(RecorderSettings(
            listen: ephemeral, upstream: .url("http://\(endpoint.address)"), webimAPI: simulation.apiURL,
            apiListen: try #require(ListenAddress(apiBase.replacingOccurrences(of: "http://", with: ""))),
            out: out, redactor: Redactor(secrets: [token]), tool: "conform test", log: .discard))
        let results = await simulation.play(scripts, webhook: "http://\(live.webhookAddress)/", timing: fast)
        await live.stop()
        await endpoint.stop()
        await simulation.stop()

        #expect(results.map(\.failure) == [nil, nil, nil, nil])
        let recordings = try Fixtures.recordings(in: out).sorted { ($0.name ?? "") < ($1.name ?? "") }
        #expect(recordings.map(\.name) == ["chat 101", "chat 102", "chat 103", "chat 9401b039-ace3-4f5e-8d7c-000000000104"])
        // One turn per webhook the simulator sent; every call the simulator answered, in its turn.
        #expect(recordings.map(\.turns.count) == [3, 4, 3, 3])
        #expect(recordings.map(\.dialect) == ["bot-api-2", "bot-api-2", "bot-api-2", "bot-api-1"])
        let recordedCalls = recordings.flatMap { $0.turns.flatMap(\.calls) }
        #expect(recordedCalls.count == simulation.inbox.all.count)
        for recording in recordings {
            for turn in recording.turns {
                #expect(turn.webhook.error == nil)
                #expect(turn.webhook.response?.status == 200)
                for call in turn.calls {
                    #expect(call.request.header("authorization") == "[redacted]")
                    #expect(call.response?.body == ["result": "ok"])
                    #expect(call.request.body?["chat_id"] == turn.webhook.request.body?["chat"]?["id"]
                        ?? turn.webhook.request.body?["chat_id"])
                }
            }
        }
        // The transfer chat's first turn: the greeting, then the menu keyboard.
        let transfer = recordings[2]
        #expect(transfer.turns[0].calls.map { $0.request.path } == ["/api/bot/v2/send_message", "/api/bot/v2/send_message",
                                                                     "/api/bot/v2/send_message"])
        // bot-api-1: the replies are the webhook's answer.
        #expect(recordings[3].turns[0].webhook.response?.body?["has_answer"] == true)
        // No file written holds the token.
        for file in Fixtures.files(under: out) {
            #expect(!(try String(contentsOfFile: out + "/" + file, encoding: .utf8)).contains(token), "\(file)")
        }
        #expect(Fixtures.files(under: out).allSatisfy { !$0.hasPrefix(".journal/") }, "journals are removed once written")

        // The recordings replay clean against the bot they were recorded from.
        let outcomes = try ReplayRun(paths: [out], settings: ReplaySettings(botOverride: Fixtures.demoBot), jobs: 2).run()
        #expect(outcomes.count == 4)
        for outcome in outcomes {
            #expect(outcome.status == .passed, "\(outcome.candidate.display): \(outcome.differences.map(\.difference))")
        }
    }

    @Test func upstreamDownGivesWebimA502AndTheTurnKeepsTheFailure() async throws {
        let out = try Fixtures.scratch()
        let client = JSONHTTPClient()
        try await withRecorder(RecorderSettings(listen: ephemeral, upstream: .url("http://127.0.0.1:9"), out: out,
                                                log: .discard)) { recorder in
            let answer = try await client.post("http://\(recorder.webhookAddress)/", headers: [("x-bot-api-version", "2.0")],
                                               body: ["event": "new_chat", "chat": ["id": 31], "visitor": ["id": "v"]],
                                               timeout: .seconds(10))
            #expect(answer.status == 502)
            #expect(answer.json?["error"] == "upstream_unreachable")
        }
        await client.shutdown()
        let recording = try #require(try Fixtures.recordings(in: out).first)
        #expect(recording.turns.count == 1)
        #expect(recording.turns[0].webhook.response == nil)
        #expect(recording.turns[0].webhook.error?.hasPrefix("http://127.0.0.1:9/ could not be reached") == true)
    }

    @Test func aSlowUpstreamGivesWebimA504() async throws {
        let out = try Fixtures.scratch()
        let slow = try await HTTPServer.start(listen: ephemeral) { _, _ in
            try? await Task.sleep(for: .seconds(3))
            return HTTPMessages.json(200, ["result": "ok"])
        }
        let client = JSONHTTPClient()
        try await withRecorder(RecorderSettings(listen: ephemeral, upstream: .url("http://\(slow.address)"), out: out,
                                                upstreamTimeout: .milliseconds(300), log: .discard)) { recorder in
            let answer = try await client.post("http://\(recorder.webhookAddress)/", body: ["event": "new_chat", "chat": ["id": 32]],
                                               timeout: .seconds(10))
            #expect(answer.status == 504)
            #expect(answer.json?["error"] == "upstream_timeout")
        }
        await client.shutdown()
        await slow.stop()
        let recording = try #require(try Fixtures.recordings(in: out).first)
        #expect(recording.turns[0].webhook.error?.contains("did not answer within") == true)
    }

    @Test func plantedSecretsAppearInNoFileWrittenEvenWhileTheChatIsOpen() async throws {
        let out = try Fixtures.scratch()
        let password = "Adm1n-Pa55word"
        let messageSecret = "card-4111-1111"
        let echo = try await HTTPServer.start(listen: ephemeral) { _, _ in
            HTTPMessages.json(200, ["result": "ok", "echo": .string("your card card-4111-1111 is saved")])
        }
        let client = JSONHTTPClient()
        try await withRecorder(RecorderSettings(
            listen: ephemeral, upstream: .url("http://admin:\(password)@\(echo.address)/hook"), out: out,
            redactor: Redactor(secrets: [password, messageSecret], headers: ["x-api-key"]), log: .discard)) { recorder in
            let answer = try await client.post(
                "http://\(recorder.webhookAddress)/?secret=hook-secret-9&chat=1",
                headers: [("authorization", "Basic YWRtaW46QWRtMW4tUGE1NXdvcmQ="), ("x-api-key", "key-77"),
                          ("cookie", "session=abc123")],
                body: ["event": "new_message", "chat_id": 1, "message": ["kind": "visitor", "text": "my card is card-4111-1111"]],
                timeout: .seconds(10))
            #expect(answer.status == 200)
            #expect(answer.json?["echo"] == "your card card-4111-1111 is saved", "the answer itself is forwarded unchanged")
            // The journal is on disk before the answer came back, already redacted.
            let journals = Fixtures.files(under: out).filter { $0.hasPrefix(".journal/") }
            #expect(journals.count == 1)
            let journal = try String(contentsOfFile: out + "/" + journals[0], encoding: .utf8)
            #expect(journal.split(separator: "\n").count == 3)
            for planted in [password, messageSecret, "hook-secret-9", "key-77", "abc123", "YWRtaW46"] {
                #expect(!journal.contains(planted), "\(planted) in the journal")
            }
        }
        await client.shutdown()
        await echo.stop()
        let files = Fixtures.files(under: out)
        #expect(files.count == 1)
        let text = try String(contentsOfFile: out + "/" + files[0], encoding: .utf8)
        for planted in [password, messageSecret, "hook-secret-9", "key-77", "abc123", "YWRtaW46"] {
            #expect(!text.contains(planted), "\(planted) in \(files[0])")
        }
        #expect(text.contains(#""upstream": "http://[redacted]@"#))
        #expect(text.contains(#""path": "/?secret=[redacted]&chat=1""#))
    }

    @Test func hostileChatIdsCannotEscapeTheOutputFolder() async throws {
        let root = try Fixtures.scratch()
        let out = root + "/out"
        let echo = try await HTTPServer.start(listen: ephemeral) { _, _ in HTTPMessages.json(200, ["result": "ok"]) }
        let client = JSONHTTPClient()
        let ids: [JSONValue] = ["../../escaped", "/etc/x", "a\u{0}b", "..", .string(String(repeating: "z", count: 3000)), "ok"]
        try await withRecorder(RecorderSettings(listen: ephemeral, upstream: .url("http://\(echo.address)"), out: out,
                                                log: .discard)) { recorder in
            for id in ids {
                _ = try await client.post("http://\(recorder.webhookAddress)/",
                                          body: ["event": "new_chat", "chat": ["id": id]], timeout: .seconds(10))
            }
        }
        await client.shutdown()
        await echo.stop()
        #expect(Fixtures.files(under: root).allSatisfy { $0.hasPrefix("out/") && !$0.dropFirst(4).contains("/") })
        #expect(try Fixtures.recordings(in: out).count == ids.count)
    }
}
