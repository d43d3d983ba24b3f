import BotRuntime
import ConformConcurrency
import Foundation
import Recording
import Replay
import Reporting
import Testing
import XMLSupport

/// `conform replay` streams: outcomes go into the JUnit file and coverage as they arrive, in order,
/// and the run keeps only what it prints or writes after the end.
@Suite struct ReplayCollectorTests {
    /// The demo recordings in two folders, against a demo bot whose menu question changed: six of the
    /// seven recordings show the menu and fail at it.
    func scratchRun() throws -> (Scratch, ReplayRun) {
        let scratch = try Scratch()
        try scratch.copy(Paths.demoBot, to: "bot")
        let main = scratch.url.appendingPathComponent("bot/src/main.sc")
        let text = try String(contentsOf: main, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "a: What can I help you with?", with: "a: How can I help?").utf8).write(to: main)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("one"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("two"), withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.demoRecordings).filter { $0.hasSuffix(".json") }.sorted()
        for (index, name) in names.enumerated() {
            try scratch.copy(Paths.demoRecordings + "/" + name, to: (index < 4 ? "one/" : "two/") + name)
        }
        try scratch.write("two/notes.json", #"{"not": "a recording"}"#)
        let settings = ReplaySettings(botOverride: scratch.url.appendingPathComponent("bot").path)
        return (scratch, ReplayRun(paths: [scratch.path + "/one", scratch.path + "/two"], settings: settings, jobs: 2))
    }

    @Test func aStreamedRunWritesTheSameReportAndCoverageAsTheWholeOutcomesAndKeepsOnlyTheProblems() throws {
        let (scratch, run) = try scratchRun()
        let junit = try JUnitReportFile(name: "conform replay", properties: [("conform.version", "t")], timestamp: "T")
        let collector = Locked(ReplayCollector(junit: junit, bots: run.bots, keepCases: false))
        let order = Locked<[String]>([])
        try run.run { outcome in
            order.withLock { $0.append(outcome.caseName) }
            _ = collector.withLock { $0.take(outcome) }
        }
        let collected = collector.withLock { $0 }
        let streamedPath = scratch.path + "/streamed.xml"
        try collected.writeJUnit(to: streamedPath)

        let outcomes = try run.run()
        #expect(order.withLock { $0 } == outcomes.map(\.caseName))
        let whole = ReplayRun.report(outcomes, name: "conform replay", properties: [("conform.version", "t")])
        let wholePath = scratch.path + "/whole.xml"
        try JUnitWriter.write(TestReport(name: whole.name, suites: whole.suites, properties: whole.properties, timestamp: "T"), to: wholePath)
        // Times differ run to run; everything else is the same document.
        let times = try NSRegularExpression(pattern: #"time="[0-9.]+""#)
        func untimed(_ path: String) throws -> String {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return times.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: #"time="""#)
        }
        #expect(try untimed(streamedPath) == untimed(wholePath))

        #expect(collected.totals.tests == 7)
        #expect(collected.totals.failed == 6)
        #expect(collected.problems.map(\.name) == ["file-from-visitor", "greeting-and-menu", "order-number-retry",
                                                    "shipping-question-sync", "sync-dialect", "transfer-to-agent"])
        #expect(collected.cases.isEmpty)
        let streamedCoverage = try #require(collected.coverage.coverages.first?.coverage.json)
        let wholeCoverage = try #require(ReplayRun.coverage(outcomes, modules: [:]).first?.coverage.json)
        #expect(streamedCoverage == wholeCoverage)
        let suites = try XMLReader.parse(String(contentsOfFile: streamedPath, encoding: .utf8)).elements(named: "testsuite")
        #expect(suites.map { $0.elements(named: "testcase").count } == [4, 3])
    }

    @Test func theHTMLReportGetsEveryCaseGroupedAsTheJUnitFileAndPassingOnesWithoutTranscripts() throws {
        let (scratch, run) = try scratchRun()
        let junit = try JUnitReportFile(name: "conform replay")
        let collector = Locked(ReplayCollector(junit: junit, bots: run.bots, keepCases: true))
        try run.run { outcome in _ = collector.withLock { $0.take(outcome) } }
        let report = collector.withLock { $0.report() }
        #expect(report.suites.map { $0.cases.count } == [4, 3])
        #expect(report.failed == 6)
        // A passing case is drawn as its header line: its transcript is not held; a failure's is.
        let cases = report.suites.flatMap(\.cases)
        #expect(cases.filter { $0.outcome == .passed }.map(\.name) == ["prechat-order-status"])
        #expect(cases.filter { $0.outcome == .passed }.allSatisfy { $0.output == nil })
        #expect(cases.filter { $0.outcome != .passed }.allSatisfy { $0.output?.contains("turn 1 · POST /") == true })
        #expect(report.suites.map(\.name) == collector.withLock { $0.junit.suiteLabels.map(\.key) })
        withExtendedLifetime(scratch) {}
    }
}
