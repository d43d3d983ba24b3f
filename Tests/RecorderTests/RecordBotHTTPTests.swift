import ConformConcurrency
import BotRuntime
import BotScript
import ConformJSON
import Foundation
import Hummingbird
import Recorder
import Recording
import Replay
import Testing
import WebimServer

/// `conform record --bot`: the bot's own `$http` calls reach the service (a real one on loopback
/// here), are recorded with their turn (`turns[].http`) without the headers that carry credentials,
/// and are served back by replay, where nothing reaches the network.
@Suite(.serialized) struct RecordBotHTTPTests {
    /// A bot that asks a weather service (its URL from the injector) and says what it answered.
    static func writeBot(at folder: String, service: String, city: String = "Москва") throws {
        let files = [
            "chatbot.yaml": """
                name: weather
                entryPoint: main.sc
                injector:
                    weather: "\(service)"
                """,
            "src/main.sc": """
                theme: /
                    state: Weather
                        q!: * weather *
                        script:
                            var r = $http.get($injector.weather + "/weather?city=${city}&apiKey=k-123", {
                                query: {city: "\(city)"}, headers: {"Authorization": "Bearer tok-SECRET-9"}});
                            $reactions.answer(r.isOk ? "It is " + r.data.temp + " degrees" : "Weather unknown: " + r.status);

                    state: Down
                        q!: * down *
                        script:
                            var r = $http.get("http://127.0.0.1:1/none", {timeout: 2000});
                            $reactions.answer(r.isOk ? "up" : "down: " + r.status);

                    state: NoMatch
                        event!: noMatch
                        a: Sorry?
                """,
        ]
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    @Test func theBotsHTTPCallsAreMadeRecordedWithoutCredentialsAndServedBackByReplay() async throws {
        let root = try Fixtures.scratch()
        let out = root + "/Recordings/weather"
        let seen = Locked<[(uri: String, authorization: String?)]>([])
        let service = try await HTTPServer.start(listen: ephemeral) { request, _ in
            seen.withLock { $0.append((request.uri.description, request.headers[.authorization])) }
            return HTTPMessages.json(200, ["temp": -3, "city": "Moscow"])
        }
        try Self.writeBot(at: root + "/bot", service: "http://\(service.address)")
        let bot = CompiledBot(project: try ProjectLoader().load(at: root + "/bot"))
        let client = JSONHTTPClient()
        let settings = RecorderSettings(listen: ephemeral, upstream: .localBot(bot, reference: "../../bot"), out: out,
                                        log: .discard)
        try await withRecorder(settings) { recorder in
            let url = "http://\(recorder.webhookAddress)/"
            let version = [("x-bot-api-version", "2.0")]
            _ = try await client.post(url, headers: version, body: ["event": "new_chat", "chat": ["id": 5], "visitor": ["id": "v-5"]],
                                      timeout: .seconds(10))
            for text in ["what is the weather", "is it down"] {
                let answer = try await client.post(url, headers: version,
                                                   body: ["event": "new_message", "chat_id": 5, "message": ["kind": "visitor", "text": .string(text)]],
                                                   timeout: .seconds(20))
                #expect(answer.status == 200)
            }
        }
        await client.shutdown()
        await service.stop()

        // The service got the call as the bot made it, credentials included.
        let calls = seen.withLock { $0 }
        #expect(calls.count == 1)
        #expect(calls.first?.uri == "/weather?city=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0&apiKey=k-123")
        #expect(calls.first?.authorization == "Bearer tok-SECRET-9")

        let recording = try #require(try Fixtures.recordings(in: out).first)
        #expect(recording.turns.count == 3)
        let weather = recording.turns[1]
        #expect(weather.http.count == 1)
        #expect(weather.http.first?.request.method == "GET")
        #expect(weather.http.first?.request.path
            == "http://\(service.address)/weather?city=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0&apiKey=[redacted]")
        #expect(weather.http.first?.request.headers.isEmpty == true)
        #expect(weather.http.first?.response?.status == 200)
        #expect(weather.http.first?.response?.body == ["temp": -3, "city": "Moscow"])
        #expect(weather.expect?.replies?[0]?["text"] == "It is -3 degrees")
        // A call that got no answer is recorded with why, and the bot saw it fail as on JAICP.
        let down = recording.turns[2]
        #expect(down.http.first?.response == nil)
        #expect(down.http.first?.error?.hasPrefix("no answer from http://127.0.0.1:1/none") == true)
        #expect(down.expect?.replies?[0]?["text"] == "down: -1")
        for file in Fixtures.files(under: out) {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            #expect(!text.contains("tok-SECRET-9") && !text.contains("k-123"), "\(file) holds a credential")
        }

        // Replay serves the recorded answers (the service is gone; nothing reaches the network).
        let passed = try ReplayRun(paths: [out], settings: ReplaySettings(), jobs: 1).run()
        #expect(passed.map(\.status) == [.passed], "\(passed.map(\.differences))")

        // A bot that now asks for another city makes a call nothing recorded: the turn fails naming it.
        try Self.writeBot(at: root + "/bot", service: "http://\(service.address)", city: "Paris")
        let changed = try #require(try ReplayRun(paths: [out], settings: ReplaySettings(), jobs: 1).run().first)
        #expect(changed.status != .passed)
        let said = "\(changed.status) \(changed.differences.map(\.difference))"
        #expect(said.contains("/weather?city=Paris&apiKey=k-123"), "\(said)")
    }

    @Test func withNoBotHTTPTheCallsFailUnansweredAndNothingLeavesTheMachine() async throws {
        let root = try Fixtures.scratch()
        let out = root + "/out"
        let hits = Locked(0)
        let service = try await HTTPServer.start(listen: ephemeral) { _, _ in
            hits.withLock { $0 += 1 }
            return HTTPMessages.json(200, ["temp": 20])
        }
        try Self.writeBot(at: root + "/bot", service: "http://\(service.address)")
        var settings = RecorderSettings(listen: ephemeral,
                                        upstream: .localBot(CompiledBot(project: try ProjectLoader().load(at: root + "/bot")), reference: nil),
                                        out: out, log: .discard)
        settings.botHTTPTimeout = nil
        let client = JSONHTTPClient()
        try await withRecorder(settings) { recorder in
            let answer = try await client.post("http://\(recorder.webhookAddress)/", headers: [("x-bot-api-version", "2.0")],
                                               body: ["event": "new_message", "chat_id": 6, "message": ["kind": "visitor", "text": "weather"]],
                                               timeout: .seconds(10))
            #expect(answer.status == 200)
        }
        await client.shutdown()
        await service.stop()
        #expect(hits.withLock { $0 } == 0)
        let turn = try #require(try Fixtures.recordings(in: out).first?.turns.first)
        #expect(turn.http.first?.error == "not made: --no-bot-http")
        #expect(turn.expect?.replies?[0]?["text"] == "Weather unknown: -1")
    }
}
