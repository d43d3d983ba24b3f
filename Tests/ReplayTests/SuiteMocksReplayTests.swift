import Foundation
import Replay
import Testing

/// `conform.yaml`'s `mocks:` answers the `$http` calls of recordings made in front of a deployed bot
/// (no `turns[].http`); a broken mocks file errors every recording that uses it, naming the entry.
@Suite struct SuiteMocksReplayTests {
    static func project(in scratch: Scratch, mocks: String) throws {
        try scratch.write("bot/chatbot.yaml", "name: rate-bot\nentryPoint: main.sc\n")
        try scratch.write("bot/src/main.sc", """
            theme: /
                state: Rate
                    q!: * rate *
                    script:
                        var r = $http.get("https://api.example.com/rate?c=USD&token=t-1");
                        $reactions.answer(r.isOk ? "USD is " + r.data.value : "no rate (" + r.status + ")");
            """)
        try scratch.write("conform.yaml", "bot: bot\nmocks: mocks.yaml\n")
        try scratch.write("mocks.yaml", mocks)
        try scratch.write("r.json", """
            {"format": "conform-recording", "version": 1, "channel": {"type": "webim", "dialect": "bot-api-2"},
             "recordedAt": "2026-11-25T10:00:00Z", "source": {"tool": "test"},
             "turns": [{"at": "2026-11-25T10:00:00Z",
                        "webhook": {"request": {"method": "POST", "path": "/", "headers": {"x-bot-api-version": "2.0"},
                                                "body": {"event": "new_message", "chat_id": 1,
                                                         "message": {"id": "m1", "kind": "visitor", "text": "what is the rate"}}}},
                        "calls": [{"request": {"method": "POST", "path": "/api/bot/v2/send_message",
                                               "body": {"chat_id": 1, "message": {"kind": "operator", "text": "USD is 91.5"}}}}]}]}
            """)
    }

    static func replay(_ mocks: String) throws -> ReplayOutcome {
        let scratch = try Scratch()
        try project(in: scratch, mocks: mocks)
        return try #require(try ReplayRun(paths: [scratch.path + "/r.json"], settings: ReplaySettings(), jobs: 1).run().first)
    }

    @Test func theMocksFileAnswersTheBotsCallsAndARedactedPartMatchesAnyValue() throws {
        let outcome = try Self.replay("""
            - url: https://api.example.com/rate?c=USD&token=[redacted]
              body: {value: 91.5}
            """)
        #expect(outcome.status == .passed, "\(outcome.status) \(outcome.differences.map(\.difference))")
    }

    @Test func aCallNoMockCoversErrorsTheRecordingNamingTheURL() throws {
        let outcome = try Self.replay("""
            - url: https://api.example.com/rate?c=EUR&token=[redacted]
              body: {value: 1}
            """)
        guard case .error(let message) = outcome.status else {
            Issue.record("expected an error, got \(outcome.status)")
            return
        }
        #expect(message.contains("https://api.example.com/rate?c=USD&token=t-1"), "\(message)")
    }

    @Test(arguments: [
        ("{url: x}", "must be a list of {url, method, status, body} entries, found object"),
        ("- body: {value: 1}", "entry [0] has no `url`"),
        ("- url: https://a.example/\n- url: https://b.example/\n  status: 999", "entry [1]: `status` must be an HTTP status (100–599) or -1 for no answer"),
        ("- url: https://a.example/\n  respone: {}", "entry [0]: unknown field `respone` (url, method, status, body)"),
        ("- url: [unclosed", "conform.yaml `mocks:` file"),
    ])
    func aBrokenMocksFileErrorsTheRecordingNamingFileAndEntry(_ mocks: String, _ expected: String) throws {
        let outcome = try Self.replay(mocks)
        guard case .error(let message) = outcome.status else {
            Issue.record("expected an error, got \(outcome.status)")
            return
        }
        #expect(message.contains("mocks.yaml"), "\(message)")
        #expect(message.contains(expected), "\(message)")
    }
}
