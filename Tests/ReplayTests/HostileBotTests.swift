import Foundation
import Replay
import Testing

/// Bots that misbehave end their own recording as an error with a useful message; the rest of the
/// run goes on, and nothing reaches the network.
@Suite struct HostileBotTests {
    static let bot = """
        theme: /

            state: Loop
                q!: loop
                script: while (true) {}

            state: Recursion
                q!: recursion
                script:
                    function down(n) { return down(n + 1) + 1; }
                    down(0);

            state: Throws
                q!: throws
                script: throw new Error("the script gave up");

            state: PingA
                q!: cycle
                go!: /PingB

            state: PingB
                go!: /PingA

            state: Network
                q!: network
                script: $http.get("https://example.com/api");

            state: Flood
                q!: flood
                script:
                    for (var i = 0; i < 5000; i++) { $reactions.answer("reply " + i); }

            state: Fine
                q!: fine
                a: All good.
        """

    static func recording(_ text: String) -> String {
        """
        {"format": "conform-recording", "version": 1, "channel": {"type": "webim", "dialect": "bot-api-1"},
         "recordedAt": "2026-11-25T10:00:00Z", "source": {"tool": "test"},
         "turns": [{"at": "2026-11-25T10:00:00Z",
                    "webhook": {"request": {"method": "POST", "path": "/", "headers": {"x-bot-api-version": "1.0"},
                                            "body": {"event": "new_message", "chat": {"id": "c-1"}, "kind": "visitor", "text": "\(text)"}}}}]}
        """
    }

    @Test func eachMisbehavingBotErrorsItsOwnRecordingAndTheRunGoesOn() throws {
        let scratch = try Scratch()
        try scratch.write("bot/chatbot.yaml", "name: hostile\nentryPoint: main.sc\n")
        try scratch.write("bot/src/main.sc", Self.bot)
        try scratch.write("conform.yaml", "bot: bot\nturnTimeout: 500ms\n")
        let cases = ["loop", "recursion", "throws", "cycle", "network", "flood", "fine"]
        for name in cases { try scratch.write("\(name).json", Self.recording(name)) }
        let outcomes = try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 2).run()
        var messages: [String: String] = [:]
        for outcome in outcomes {
            switch outcome.status {
            case .error(let why): messages[outcome.caseName] = why
            case .passed: messages[outcome.caseName] = "passed"
            default: messages[outcome.caseName] = "\(outcome.status)"
            }
        }
        #expect(messages["fine"] == "passed")
        #expect(messages["loop"]?.contains("/Loop") == true, "\(messages["loop"] ?? "")")
        #expect(messages["loop"]?.contains("0.5 s") == true || messages["loop"]?.contains("500") == true, "\(messages["loop"] ?? "")")
        #expect(messages["recursion"]?.lowercased().contains("stack") == true, "\(messages["recursion"] ?? "")")
        #expect(messages["throws"]?.contains("the script gave up") == true, "\(messages["throws"] ?? "")")
        #expect(messages["cycle"]?.contains("/PingA") == true, "\(messages["cycle"] ?? "")")
        #expect(messages["network"]?.contains("https://example.com/api") == true, "\(messages["network"] ?? "")")
        #expect(messages["flood"]?.contains("1000") == true || messages["flood"]?.contains("1,000") == true, "\(messages["flood"] ?? "")")
    }

    @Test func aRequireOutsideTheProjectIsRefusedByName() throws {
        let scratch = try Scratch()
        try scratch.write("secret.js", "var stolen = 1;")
        try scratch.write("bot/chatbot.yaml", "name: escape\nentryPoint: main.sc\n")
        try scratch.write("bot/src/main.sc", "require: ../../secret.js\n\ntheme: /\n    state: A\n        q!: hi\n        a: hi\n")
        try scratch.write("conform.yaml", "bot: bot\n")
        try scratch.write("r.json", Self.recording("hi"))
        let outcome = try #require(try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run().first)
        guard case .error(let why) = outcome.status else {
            Issue.record("expected an error, got \(outcome.status)")
            return
        }
        #expect(why.contains("../../secret.js"), "\(why)")
    }

    /// RECORDING-FORMAT.md: a recording that cannot be evaluated ("script syntax error") is an error —
    /// a bot whose start-up code fails answers no webhook, whatever the recording expected.
    @Test func aBotWhoseStartUpFailsErrorsTheRecording() throws {
        for (file, text) in [("src/bad.js", "function (( {"), ("src/throws.js", "throw new Error('no config');")] {
            let scratch = try Scratch()
            try scratch.write("bot/chatbot.yaml", "name: broken\nentryPoint: main.sc\n")
            try scratch.write("bot/\(file)", text)
            try scratch.write("bot/src/main.sc", "require: \((file as NSString).lastPathComponent)\n\ntheme: /\n    state: A\n        q!: hi\n        a: hi\n")
            try scratch.write("conform.yaml", "bot: bot\n")
            try scratch.write("r.json", Self.recording("hi"))
            let outcome = try #require(try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run().first)
            guard case .error(let why) = outcome.status else {
                Issue.record("\(file): expected an error, got \(outcome.status)")
                continue
            }
            #expect(why.hasPrefix("turn 1: the bot could not start a conversation: "), "\(why)")
            #expect(why.contains(file), "\(why)")
        }
    }
}
