import Foundation
import Replay
import Testing

/// The adapter's choices a suite sets in `conform.yaml` (docs/webim-mapping.md): a deployed bot that
/// answered a silent turn with `{}` replays clean once `silentReply: empty` says so.
@Suite struct ChannelSettingsReplayTests {
    static let recording = """
        {"format": "conform-recording", "version": 1, "channel": {"type": "webim", "dialect": "bot-api-1"},
         "turns": [{"at": "2026-11-25T10:00:00Z",
                    "webhook": {"request": {"method": "POST", "path": "/", "headers": {"x-bot-api-version": "1.0"},
                                            "body": {"event": "new_message", "chat": {"id": "c-1"}, "kind": "visitor", "text": "quiet"}},
                                "response": {"status": 200, "body": {}}}}]}
        """

    @Test func silentReplyEmptyAnswersASilentTurnWithAnEmptyObject() throws {
        let scratch = try Scratch()
        try scratch.write("bot/chatbot.yaml", "name: quiet\nentryPoint: main.sc\n")
        try scratch.write("bot/src/main.sc", "theme: /\n    state: Quiet\n        q!: quiet\n        script: $session.q = 1;\n")
        try scratch.write("r.json", Self.recording)
        try scratch.write("conform.yaml", "bot: bot\n")
        let byDefault = try #require(try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run().first)
        #expect(byDefault.status == .failed)
        try scratch.write("conform.yaml", "bot: bot\nsilentReply: empty\nforceQueueRedirect: true\n")
        let configured = try #require(try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run().first)
        #expect(configured.status == .passed, "\(configured.status) \(configured.differences.map(\.difference))")
        try scratch.write("conform.yaml", "bot: bot\nsilentReply: nothing\n")
        let wrong = try #require(try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run().first)
        guard case .error(let why) = wrong.status else { Issue.record("expected an error, got \(wrong.status)"); return }
        #expect(why.contains("`silentReply` must be one of messages, no-answer, empty, found nothing"), "\(why)")
        #expect(wrong.isConfigurationError)
    }
}
