import ConformJSON
import Foundation
import Recording
@testable import Replay
import Testing

/// A recording of a deployed bot has no `random` draws: replay tries the alternatives of the bot's
/// `random:` choices until the recorded replies come out (RECORDING-FORMAT.md, `turns[].random`).
@Suite struct DrawSearchTests {
    /// Two `random:` choices in one state: a fruit (2 alternatives), then a colour (3).
    static let bot = """
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
        """

    /// A bot-api-1 recording (replies in the webhook's answer) without draws. The no-repeat history
    /// in `initial` makes the runtime's own draws exactly Pears (fruit 1) and Red (colour 0).
    static func recording(replies: [String]) -> String {
        let messages = replies.map { #"{"kind": "operator", "text": "\#($0)"}"# }.joined(separator: ", ")
        return """
            {
              "format": "conform-recording",
              "version": 1,
              "name": "a deployed bot's random replies",
              "channel": {"type": "webim", "dialect": "bot-api-1"},
              "recordedAt": "2026-11-25T10:00:00.000Z",
              "source": {"tool": "webim export", "upstream": "https://bot.example.com", "bot": "bot"},
              "initial": {"session": {"smartRandom": {"/Pick_2": [0], "/Pick_3": [1, 2]}}},
              "turns": [
                {
                  "at": "2026-11-25T10:00:00.000Z",
                  "webhook": {
                    "request": {
                      "method": "POST", "path": "/",
                      "headers": {"content-type": "application/json", "x-bot-api-version": "1.0"},
                      "body": {"event": "new_chat", "chat": {"id": "c-1"}, "visitor": {"id": "v-1"},
                               "messages": [{"id": "m1", "kind": "visitor", "text": "pick"}]}
                    },
                    "response": {"status": 200, "body": {"has_answer": true, "messages": [\(messages)]}}
                  },
                  "calls": []
                }
              ]
            }
            """
    }

    func replay(replies: [String], limit: Int = 64) throws -> ReplayOutcome {
        let scratch = try Scratch()
        try scratch.write("bot/chatbot.yaml", "name: picker\nentryPoint: main.sc\n")
        try scratch.write("bot/src/main.sc", Self.bot)
        try scratch.write("deployed.json", Self.recording(replies: replies))
        var settings = ReplaySettings()
        settings.drawSearchLimit = limit
        let outcomes = try ReplayRun(paths: [scratch.path + "/deployed.json"], settings: settings, jobs: 1).run()
        return try #require(outcomes.first)
    }

    @Test func repliesThatNeedOtherDrawsPassAndTheDrawsAreReported() throws {
        let outcome = try replay(replies: ["Apples", "Blue"])
        #expect(outcome.status == .passed, "\(outcome.differences.map(\.difference))")
        #expect(outcome.drawsFound.map(\.turn) == [0])
        #expect(outcome.drawsFound.map(\.draws) == [[0, 2]])
        // Breadth first from the default draws [1, 0]: [0], [1, 1], [1, 2], then [0, 1], [0, 2].
        #expect(outcome.transcript.contains(
            "  turn 1: the recording has no random draws; draws [0, 2] reproduce it (found by trying 6 combinations)"))
        #expect(outcome.transcript.contains("  bot [/Pick]: Apples"))
        #expect(outcome.transcript.contains("  bot [/Pick]: Blue"))
        #expect(outcome.testCase.output?.contains("draws [0, 2] reproduce it") == true)
    }

    @Test func repliesNoDrawCanMakeFailWithTheDefaultDrawsDifferences() throws {
        let outcome = try replay(replies: ["Apples", "Purple"])
        #expect(outcome.status == .failed)
        #expect(outcome.drawsFound.isEmpty)
        #expect(outcome.differences.map(\.difference) == [
            Difference(path: "turns[0].webhook.response.body.messages[0].text", expected: "Apples", actual: "Pears"),
            Difference(path: "turns[0].webhook.response.body.messages[1].text", expected: "Purple", actual: "Red"),
        ])
        #expect(outcome.transcript.contains(
            "  turn 1: the recording has no random draws; none of the 6 combinations of draws reproduces it; the differences shown are the default draws' [1, 0]"))
    }

    @Test func theSearchStopsAtItsBoundAndSaysSo() throws {
        let outcome = try replay(replies: ["Apples", "Blue"], limit: 3)
        #expect(outcome.status == .failed)
        #expect(outcome.transcript.contains(
            "  turn 1: the recording has no random draws; the search stopped at its bound of 3 combinations (--draw-search-limit) without reproducing it; the differences shown are the default draws' [1, 0]"))
    }

    @Test func recordedDrawsAreFollowedNotSearched() throws {
        let scratch = try Scratch()
        try scratch.write("bot/chatbot.yaml", "name: picker\nentryPoint: main.sc\n")
        try scratch.write("bot/src/main.sc", Self.bot)
        let text = Self.recording(replies: ["Apples", "Blue"]).replacingOccurrences(of: #""calls": []"#,
                                                                                   with: #""calls": [], "random": [1, 1]"#)
        try scratch.write("local.json", text)
        let outcome = try #require(try ReplayRun(paths: [scratch.path + "/local.json"], settings: ReplaySettings(), jobs: 1).run().first)
        #expect(outcome.status == .failed)
        #expect(outcome.drawsFound.isEmpty)
        #expect(outcome.differences.map(\.difference.actual) == ["Pears", "Green"])
    }
}

/// The order the search tries draws in, without a bot.
@Suite struct DrawSearchPlanTests {
    @Test func triesEveryOtherAlternativeOfEachDrawClosestToTheDefaultFirst() {
        var plan = DrawSearchPlan(limit: 64)
        plan.ran(prefix: [], drew: [1, 0], bounds: [2, 3])
        #expect(plan.next() == [0])
        plan.ran(prefix: [0], drew: [0, 0], bounds: [2, 3])
        #expect(plan.next() == [1, 1])
        plan.ran(prefix: [1, 1], drew: [1, 1], bounds: [2, 3])
        #expect(plan.next() == [1, 2])
        plan.ran(prefix: [1, 2], drew: [1, 2], bounds: [2, 3])
        #expect(plan.next() == [0, 1])
        plan.ran(prefix: [0, 1], drew: [0, 1], bounds: [2, 3])
        #expect(plan.next() == [0, 2])
        plan.ran(prefix: [0, 2], drew: [0, 2], bounds: [2, 3])
        #expect(plan.next() == nil)
        #expect(plan.tried == 6)
        #expect(!plan.limitReached)
    }

    @Test func aBranchDrawingMoreOpensItsOwnAlternatives() {
        var plan = DrawSearchPlan(limit: 64)
        plan.ran(prefix: [], drew: [0], bounds: [2])
        #expect(plan.next() == [1])
        // Alternative 1 leads to a state that draws again, among 2.
        plan.ran(prefix: [1], drew: [1, 1], bounds: [2, 2])
        #expect(plan.next() == [1, 0])
        plan.ran(prefix: [1, 0], drew: [1, 0], bounds: [2, 2])
        #expect(plan.next() == nil)
    }

    @Test func theLimitCountsTheDefaultRunAndIsReportedWhenCombinationsAreLeft() {
        var plan = DrawSearchPlan(limit: 2)
        plan.ran(prefix: [], drew: [0, 0], bounds: [3, 3])
        #expect(plan.next() == [1])
        plan.ran(prefix: [1], drew: [1, 0], bounds: [3, 3])
        #expect(plan.next() == nil)
        #expect(plan.limitReached)
    }
}
