import ConformJSON
import Foundation
import Recording
import Replay
import Reporting
import Testing
import XMLSupport

/// What replay hands the HTML report: a failing recording's conversation in chat terms, and a page
/// that shows hostile recordings as text.
@Suite struct ReplayHTMLTests {
    static func changedBot(_ scratch: Scratch, _ edits: [(String, String)]) throws -> String {
        try scratch.copy(Paths.demoBot, to: "bot")
        let main = scratch.url.appendingPathComponent("bot/src/main.sc")
        var text = try String(contentsOf: main, encoding: .utf8)
        for (old, new) in edits {
            #expect(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        try Data(text.utf8).write(to: main)
        return scratch.url.appendingPathComponent("bot").path
    }

    static func all(_ element: XMLElement, _ name: String) -> [XMLElement] {
        (element.name == name ? [element] : []) + element.elements.flatMap { all($0, name) }
    }

    static func withClass(_ element: XMLElement, _ name: String) -> [XMLElement] {
        let mine = (element[attribute: "class"] ?? "").split(separator: " ").contains(Substring(name)) ? [element] : []
        return mine + element.elements.flatMap { withClass($0, name) }
    }

    @Test func aFailingRecordingCarriesItsConversationInChatTerms() throws {
        let scratch = try Scratch()
        let bot = try Self.changedBot(scratch, [("a: What can I help you with?", "a: How can I help?"),
                                                ("script: $session.misses = ($session.misses || 0) + 1;",
                                                 "script: $session.misses = ($session.misses || 0) + 2;")])
        let outcomes = try ReplayRun(paths: [Paths.demoRecordings + "/transfer-to-agent.json"],
                                     settings: ReplaySettings(botOverride: bot), jobs: 1).run()
        let outcome = try #require(outcomes.first)
        #expect(outcome.status == .failed)
        let turns = outcome.conversation
        #expect(turns.map(\.number) == [1, 2, 3])
        let file = try JSONParser.parse(try String(contentsOfFile: Paths.demoRecordings + "/transfer-to-agent.json", encoding: .utf8))
        #expect(turns.map(\.time) == (0..<3).map { file["turns"]?[$0]?["at"]?.stringValue })
        #expect(turns[0].visitor == [.event("the visitor opens the chat")])
        let menu: ChatItem = .buttons([["Track an order"], ["Delivery"], ["Talk to a person"]])
        #expect(turns[0].expected == [.text("Hello! I am the shop assistant."), .text("What can I help you with?"), menu])
        #expect(turns[0].actual == [.text("Hello! I am the shop assistant."), .text("How can I help?"), menu])
        #expect(turns[0].variables == [])
        #expect(turns[1].visitor == [.text("asdf qwerty")])
        #expect(turns[1].variables == [VariableDifference(name: "$session.misses", expected: "1", actual: "2")])
        #expect(turns[1].actual == [.text("Sorry, I did not understand. You can ask about an order or delivery.")])
        // Only the session differs in turn 3; the transfer is drawn as an event on both sides.
        #expect(turns[2].expected == [.text("Let me connect you to a person."), .text("Connecting you to an agent."),
                                      .event("transfers the chat to department support")])
        #expect(turns[2].actual == turns[2].expected)
        #expect(turns[2].variables == [VariableDifference(name: "$session.misses", expected: "1", actual: "2")])
        #expect(outcome.testCase.conversation == turns)
    }

    @Test func aPassingRecordingKeepsNoConversation() throws {
        let outcomes = try ReplayRun(paths: [Paths.demoRecordings + "/sync-dialect.json"], settings: ReplaySettings(), jobs: 1).run()
        #expect(outcomes.map(\.status) == [.passed])
        #expect(outcomes.first?.conversation == [])
    }

    @Test func aRecordingWithScriptTagsAndQuotesIsShownAsTextInTheHTMLReport() throws {
        let hostile = #"<script>alert("x")</script> & 'quotes' </div>"#
        let scratch = try Scratch()
        var recording = try JSONParser.parse(try String(contentsOfFile: Paths.demoRecordings + "/transfer-to-agent.json", encoding: .utf8))
        recording["name"] = .string(hostile)
        recording["source"] = ["bot": .string(Paths.demoBot)]
        var turns = try #require(recording["turns"]?.arrayValue)
        var second = turns[1]
        var body = try #require(second["webhook"]?["request"]?["body"])
        body["message"] = ["id": "m1", "kind": "visitor", "text": .string(hostile)]
        second["webhook"]?["request"]?["body"] = body
        var call = try #require(second["calls"]?[0])
        call["request"]?["body"]?["message"]?["text"] = .string("Sorry, <b>I</b> did not \"understand\". You can ask about an order or delivery.")
        second["calls"] = .array([call])
        turns[1] = second
        recording["turns"] = .array(turns)
        try RecordingWriter.write(recording, to: scratch.path + "/hostile.json")

        let outcomes = try ReplayRun(paths: [scratch.path], settings: ReplaySettings(), jobs: 1).run()
        #expect(outcomes.map(\.status) == [.failed])
        #expect(outcomes.first?.differences.map(\.difference.path) == ["turns[1].calls[0].request.body.message.text"])
        let report = ReplayRun.report(outcomes, name: "conform replay", properties: [])
        let page = HTMLReportWriter.document(report)
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<b>I</b>"))
        let root = try XMLReader.parse(page)
        #expect(Self.all(root, "script").count == 1)
        #expect(Self.all(root, "b").allSatisfy { $0.text != "I" })
        #expect(Self.withClass(root, "title").map(\.text) == [hostile])
        let visitor = try #require(Self.withClass(root, "visitor").dropFirst().first)
        #expect(visitor.elements.map(\.text) == [hostile])
        let expected = Self.withClass(root, "expected").filter { $0.name == "div" }.map(\.text)
        #expect(expected == ["Sorry, <b>I</b> did not \"understand\". You can ask about an order or delivery."])
        #expect(Self.all(root, "del").map(\.text) == ["<b>I</b>", "\"understand\"."])
    }
}
