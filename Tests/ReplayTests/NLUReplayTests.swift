import Foundation
import Replay
import Testing

/// `turns[].nlu`: the intent JAICP's classifier chose is what decides `intent:` triggers in replay.
@Suite struct NLUReplayTests {
    static func project(in scratch: Scratch) throws {
        try scratch.write("bot/chatbot.yaml", "name: nlu-bot\nentryPoint: main.sc\n")
        try scratch.write("bot/src/main.sc", """
            theme: /

                state: Delivery
                    intent!: /delivery
                    a: Delivery takes 2 days.

                state: NoMatch
                    event!: noMatch
                    a: Sorry?
            """)
        try scratch.write("conform.yaml", "bot: bot\n")
    }

    static func recording(nlu: String?) -> String {
        let nluField = nlu.map { #", "nlu": {"intent": "\#($0)", "confidence": 0.91}"# } ?? ""
        return """
            {"format": "conform-recording", "version": 1, "channel": {"type": "webim", "dialect": "bot-api-2"},
             "recordedAt": "2026-11-25T10:00:00Z", "source": {"tool": "test"},
             "turns": [{"at": "2026-11-25T10:00:00Z",
                        "webhook": {"request": {"method": "POST", "path": "/", "headers": {"x-bot-api-version": "2.0"},
                                                "body": {"event": "new_message", "chat_id": 1,
                                                         "message": {"id": "m1", "kind": "visitor", "text": "when will my parcel come"}}}},
                        "calls": [{"request": {"method": "POST", "path": "/api/bot/v2/send_message",
                                               "body": {"chat_id": 1, "message": {"kind": "operator", "text": "Delivery takes 2 days."}}}}],
                        "expect": {"state": "/Delivery"}\(nluField)}]}
            """
    }

    @Test func theRecordedIntentSelectsTheIntentTrigger() throws {
        let scratch = try Scratch()
        try Self.project(in: scratch)
        try scratch.write("with-nlu.json", Self.recording(nlu: "/delivery"))
        try scratch.write("without-nlu.json", Self.recording(nlu: nil))
        let outcomes = try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run()
        #expect(outcomes.map(\.caseName) == ["with-nlu", "without-nlu"])
        #expect(outcomes[0].status == .passed, "\(outcomes[0].differences.map(\.difference))")
        #expect(outcomes[1].status == .failed)
        #expect(outcomes[1].differences.map(\.difference.path) == ["turns[0].calls[0].request.body.message.text", "turns[0].expect.state"])
        #expect(outcomes[1].differences.last?.difference.actual == "/NoMatch")
    }
}

/// `conform.yaml`'s `name` labels the suite in the reports, as a channel's name does in JAICP.
@Suite struct SuiteNameTests {
    @Test func theSuiteIsLabelledByConformYamlsNameElseItsFolder() throws {
        let named = try ReplayRun(paths: [Paths.recordings], settings: ReplaySettings(), jobs: 2).run()
        #expect(ReplayRun.report(named, name: "r", properties: []).suites.map(\.name) == ["shop-assistant-demo"])

        let scratch = try Scratch()
        try NLUReplayTests.project(in: scratch)
        try scratch.write("a/r.json", NLUReplayTests.recording(nlu: "/delivery"))
        try scratch.write("b/r.json", NLUReplayTests.recording(nlu: "/delivery"))
        let unnamed = try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run()
        let labels = ReplayRun.report(unnamed, name: "r", properties: []).suites.map(\.name)
        #expect(labels.count == 2 && labels.allSatisfy { $0.hasSuffix(".a") || $0.hasSuffix(".b") }, "\(labels)")

        try scratch.write("conform.yaml", "bot: bot\nname: checkout-bot\n")
        let shared = try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run()
        let sharedLabels = ReplayRun.report(shared, name: "r", properties: []).suites.map(\.name)
        #expect(sharedLabels.count == 2 && sharedLabels.allSatisfy { $0.hasPrefix("checkout-bot (") }, "\(sharedLabels)")
    }
}
