import Foundation
import Reporting
import Testing
import XMLSupport

/// The page is written as well-formed XML as well as HTML, so libxml2 can check what a browser would
/// build from it: which elements exist and what text they hold.
@Suite struct HTMLReportWriterTests {
    static let hostile = #"<script>alert("x")</script> & 'quotes' <img src=x onerror=alert(1)>"#

    static func report(_ cases: [TestCaseResult], properties: [(name: String, value: String)] = []) -> TestReport {
        TestReport(name: "conform replay", suites: [TestSuiteResult(name: "recordings.demo", cases: cases)],
                   properties: properties, timestamp: "2026-11-25T10:00:00Z")
    }

    static func all(_ element: XMLElement, _ name: String) -> [XMLElement] {
        (element.name == name ? [element] : []) + element.elements.flatMap { all($0, name) }
    }

    static func withClass(_ element: XMLElement, _ name: String) -> [XMLElement] {
        let mine = (element[attribute: "class"] ?? "").split(separator: " ").contains(Substring(name)) ? [element] : []
        return mine + element.elements.flatMap { withClass($0, name) }
    }

    @Test func untrustedStringsFromRecordingsAreShownAsTextNeverAsMarkup() throws {
        let hostile = Self.hostile
        let failing = TestCaseResult(
            classname: "recordings.demo", name: hostile, file: "Recordings/\(hostile).json", time: 0.5,
            outcome: .failed(message: hostile, details: hostile),
            properties: [("recording", hostile), ("bot", hostile)],
            differences: [ReportedDifference(turn: 1, path: "turns[0].expect.session.\(hostile)", expected: hostile, actual: "\"'")],
            conversation: [ReportedTurn(number: 1, time: hostile, visitor: [.text(hostile), .buttons([[hostile]]), .event(hostile)],
                                        expected: [.text(hostile), .file(name: hostile, url: "javascript:alert(1)")],
                                        actual: [.text(hostile + " now"), .raw(hostile)],
                                        variables: [VariableDifference(name: hostile, expected: hostile, actual: nil)],
                                        notes: [hostile])])
        let page = HTMLReportWriter.document(Self.report([failing], properties: [("shard", hostile)]), nonce: "n0nce")
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &lt;img src=x onerror=alert(1)&gt;"))
        let root = try XMLReader.parse(page, name: "index.html")
        let scripts = Self.all(root, "script")
        #expect(scripts.count == 1)
        #expect(scripts.first?[attribute: "nonce"] == "n0nce")
        #expect(Self.all(root, "img").isEmpty)
        #expect(Self.all(root, "a").isEmpty)
        // Every place a string is drawn holds it exactly, as text.
        #expect(Self.withClass(root, "title").map(\.text) == [hostile])
        #expect(Self.withClass(root, "message").map(\.text) == [hostile])
        #expect(Self.withClass(root, "note").map(\.text) == [hostile])
        #expect(Self.withClass(root, "btn").map(\.text) == [hostile])
        #expect(Self.withClass(root, "raw").map(\.text) == [hostile])
        #expect(Self.withClass(root, "bubble").map(\.text).contains("file" + hostile))
        #expect(Self.withClass(root, "bubble").first { $0[attribute: "title"] != nil }?[attribute: "title"] == "javascript:alert(1)")
        let cells = Self.all(root, "td").map(\.text)
        #expect(cells.filter { $0 == hostile }.count == 3)  // the variable's name and value, the difference's expected
        #expect(cells.contains("turn 1 · turns[0].expect.session.\(hostile)"))
        #expect(cells.contains("\"'"))
    }

    @Test func summaryBarCountsCasesAndNamesTimeBotAndShard() throws {
        let cases = [
            TestCaseResult(classname: "r", name: "a", time: 0.25, outcome: .passed, properties: [("bot", "bots/demo")]),
            TestCaseResult(classname: "r", name: "b", time: 0.5, outcome: .failed(message: "m", details: "d"),
                           properties: [("bot", "bots/demo")]),
            TestCaseResult(classname: "r", name: "c", time: 0.125, outcome: .error(message: "e", details: "e")),
            TestCaseResult(classname: "r", name: "d", time: 0, outcome: .skipped(reason: "s")),
        ]
        let root = try XMLReader.parse(HTMLReportWriter.document(Self.report(cases, properties: [("shard", "2/4")])))
        #expect(Self.withClass(root, "count").map(\.text) == ["1 passed", "1 failed", "1 errors", "1 skipped"])
        #expect(Self.withClass(root, "count").map { $0[attribute: "class"] }
                == ["count passed some", "count failed some", "count errors some", "count skipped"])
        #expect(Self.withClass(root, "facts").first?.elements.map(\.text)
                == ["time 0.875 s", "bot bots/demo", "shard 2/4", "at 2026-11-25T10:00:00Z"])
        #expect(Self.all(root, "button").map(\.text) == ["All 4", "Failed 2", "Passed 1"])
        #expect(Self.all(root, "article").map { $0[attribute: "data-status"] } == ["passed", "failed", "error", "skipped"])
        // Only failures and errors get a body; passing and skipped cases are one line.
        #expect(Self.all(root, "article").map { Self.withClass($0, "case-body").count } == [0, 1, 1, 0])
        #expect(Self.all(root, "title").first?.text == "conform replay — 1 passed, 1 failed, 1 errors")
    }

    @Test func aTurnDrawsAgreeingMessagesOnceAndDifferingOnesSideBySide() throws {
        let turn = ReportedTurn(number: 1, visitor: [.event("the visitor opens the chat")],
                                expected: [.text("Hello!"), .text("What can I help you with?"), .buttons([["Track"], ["Talk to a person"]])],
                                actual: [.text("Hello!"), .text("How can I help?"), .buttons([["Track"], ["Call me back"]]),
                                         .event("closes the chat")],
                                variables: [VariableDifference(name: "$session.misses", expected: "1", actual: "2")])
        let failing = TestCaseResult(classname: "r", name: "t", time: 0, outcome: .failed(message: "m", details: "d"),
                                     differences: [ReportedDifference(turn: 1, path: "p", expected: "1", actual: "2")],
                                     conversation: [turn])
        let root = try XMLReader.parse(HTMLReportWriter.document(Self.report([failing])))
        let grid = try #require(Self.withClass(root, "grid").first)
        #expect(grid.elements.map { $0[attribute: "class"] }
                == ["label", "label", "cell wide", "cell expected", "cell actual", "cell expected", "cell actual", "cell absent", "cell actual"])
        #expect(grid.elements.map(\.text)
                == ["recorded", "today", "Hello!", "What can I help you with?", "How can I help?", "TrackTalk to a person", "TrackCall me back",
                    "not in the recording", "closes the chat"])
        #expect(Self.all(grid, "del").map(\.text) == ["What", "help you with?"])
        #expect(Self.all(grid, "ins").map(\.text) == ["How", "help?"])
        #expect(Self.withClass(grid, "changed").map(\.text) == ["Talk to a person", "Call me back"])
        let table = try #require(Self.withClass(root, "vars").first)
        #expect(Self.all(table, "td").map(\.text) == ["$session.misses", "1", "2"])
        #expect(Self.withClass(root, "bad").map(\.text) == ["1 difference"])
    }

    @Test func aCaseWithoutConversationShowsItsDifferencesAndTranscript() throws {
        let failing = TestCaseResult(classname: "test.main", name: "greets", file: "test/main.xml", line: 4, time: 0,
                                     outcome: .failed(message: "test/main.xml:6: <a> expected", details: "d"),
                                     output: "> q: hi   (line 5)\n< \"Hello\"",
                                     differences: [ReportedDifference(turn: 1, path: "test/main.xml:6 <a>", expected: "\"Hi\"",
                                                                      actual: "\"Hello\"", note: "reply 1")])
        let root = try XMLReader.parse(HTMLReportWriter.document(Self.report([failing])))
        #expect(Self.all(root, "td").map(\.text) == ["turn 1 · test/main.xml:6 <a>", "\"Hi\"", "\"Hello\"", "reply 1"])
        #expect(Self.all(root, "pre").map(\.text) == ["> q: hi   (line 5)\n< \"Hello\""])
        #expect(Self.all(root, "code").map(\.text) == ["test/main.xml:4"])
    }

    @Test func coverageShowsTheStateTreeWithHitsAndHighlightsStatesNeverEntered() throws {
        let coverage = ReportedCoverage(bot: "bots/demo", states: [
            .init(path: "/Orders/Track", hits: 0, location: "src/orders.sc:9"),
            .init(path: "/Start", hits: 2, location: "src/main.sc:27"),
            .init(path: "/Orders", hits: 3, location: "src/orders.sc:3"),
            .init(path: "/NoMatch", hits: 0, location: "src/main.sc:60"),
        ], triggers: 8, triggersWon: 3)
        let root = try XMLReader.parse(HTMLReportWriter.document(Self.report([]), coverage: [coverage]))
        let section = try #require(Self.withClass(root, "coverage").first)
        #expect(Self.all(section, "h3").first?.text == "bots/demo · 2 of 4 states entered (50.0%) · 3 of 8 triggers won")
        let items = Self.all(section, "li")
        #expect(items.map { $0[attribute: "title"] } == ["/NoMatch", "/Orders", "/Orders/Track", "/Start"])
        #expect(items.map { $0[attribute: "class"] } == ["uncovered", "covered", "uncovered", "covered"])
        #expect(items.map(\.text) == ["/NoMatchsrc/main.sc:60never", "/Orders3×", "Tracksrc/orders.sc:9never", "/Start2×"])
        #expect(items.map { $0.elements.first?[attribute: "style"] }
                == ["padding-left: 0px", "padding-left: 0px", "padding-left: 16px", "padding-left: 0px"])
        #expect(Self.withClass(section, "meter").first?.elements.first?[attribute: "style"] == "width: 50.0%")
    }

    @Test func statesUnderAThemeThatIsNoStateAreDrawnUnderARowForIt() throws {
        let coverage = ReportedCoverage(bot: "bots/demo", states: [
            .init(path: "/Operator", hits: 1), .init(path: "/Orders/Ask/Retry", hits: 0), .init(path: "/Orders/Number", hits: 2),
        ], triggers: 0, triggersWon: 0)
        let root = try XMLReader.parse(HTMLReportWriter.document(Self.report([]), coverage: [coverage]))
        let items = Self.all(root, "li")
        #expect(items.map { $0[attribute: "title"] } == ["/Operator", "/Orders", "/Orders/Ask", "/Orders/Ask/Retry", "/Orders/Number"])
        #expect(items.map { $0[attribute: "class"] } == ["covered", "group", "group", "uncovered", "covered"])
        #expect(items.map(\.text) == ["/Operator1×", "/Orders", "Ask", "Retrynever", "Number2×"])
        #expect(items.map { $0.elements.first?[attribute: "style"] }
                == ["padding-left: 0px", "padding-left: 0px", "padding-left: 16px", "padding-left: 32px", "padding-left: 16px"])
    }
}
