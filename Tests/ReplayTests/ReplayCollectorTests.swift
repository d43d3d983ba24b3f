import BotRuntime
import ConformConcurrency
import ConformJSON
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
        _ = try scratch.changedDemoBot()
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

    /// What a streamed run kept, and the same run held whole, side by side.
    struct Runs: Sendable {
        var streamedOrder: [String] = []
        var wholeOrder: [String] = []
        var streamedJUnit = ""
        var wholeJUnit = ""
        var totals = TestTotals()
        var problems: [String] = []
        var keptCases = 0
        var streamedCoverage: String?
        var wholeCoverage: String?
    }

    @Test func aStreamedRunWritesTheSameReportAndCoverageAsTheWholeOutcomesAndKeepsOnlyTheProblems() async throws {
        let (scratch, run) = try scratchRun()
        let folder = scratch.path
        // Two whole replays: on a thread of their own, not one of the test pool's.
        let runs = try await offThePool { () throws -> Runs in
            var runs = Runs()
            let junit = try JUnitReportFile(name: "conform replay", properties: [("conform.version", "t")], timestamp: "T")
            let collector = Locked(ReplayCollector(junit: junit, bots: run.bots, keepCases: false))
            let order = Locked<[String]>([])
            try run.run { outcome in
                order.withLock { $0.append(outcome.caseName) }
                _ = collector.withLock { $0.take(outcome) }
            }
            let collected = collector.withLock { $0 }
            try collected.writeJUnit(to: folder + "/streamed.xml")
            runs.streamedOrder = order.withLock { $0 }
            runs.totals = collected.totals
            runs.problems = collected.problems.map(\.name)
            runs.keptCases = collected.cases.count
            runs.streamedCoverage = collected.coverage.coverages.first.map { JSONWriter.compact($0.coverage.json) }

            let outcomes = try run.run()
            runs.wholeOrder = outcomes.map(\.caseName)
            let whole = ReplayRun.report(outcomes, name: "conform replay", properties: [("conform.version", "t")])
            try JUnitWriter.write(TestReport(name: whole.name, suites: whole.suites, properties: whole.properties, timestamp: "T"),
                                  to: folder + "/whole.xml")
            runs.wholeCoverage = ReplayRun.coverage(outcomes, modules: [:]).first.map { JSONWriter.compact($0.coverage.json) }
            // Times differ run to run; everything else is the same document.
            let times = try NSRegularExpression(pattern: #"time="[0-9.]+""#)
            func untimed(_ path: String) throws -> String {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                return times.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: #"time="""#)
            }
            runs.streamedJUnit = try untimed(folder + "/streamed.xml")
            runs.wholeJUnit = try untimed(folder + "/whole.xml")
            return runs
        }
        #expect(runs.streamedOrder == runs.wholeOrder)
        #expect(runs.streamedJUnit == runs.wholeJUnit)
        #expect(runs.totals.tests == 7)
        #expect(runs.totals.failed == 6)
        #expect(runs.problems == ["file-from-visitor", "greeting-and-menu", "order-number-retry",
                                  "shipping-question-sync", "sync-dialect", "transfer-to-agent"])
        #expect(runs.keptCases == 0)
        #expect(runs.streamedCoverage != nil)
        #expect(runs.streamedCoverage == runs.wholeCoverage)
        let suites = try XMLReader.parse(String(contentsOfFile: folder + "/streamed.xml", encoding: .utf8)).elements(named: "testsuite")
        #expect(suites.map { $0.elements(named: "testcase").count } == [4, 3])
    }

    @Test func theHTMLReportGetsEveryCaseGroupedAsTheJUnitFileAndPassingOnesWithoutTranscripts() async throws {
        let (scratch, run) = try scratchRun()
        let (report, keys) = try await offThePool { () throws -> (TestReport, [String]) in
            let junit = try JUnitReportFile(name: "conform replay")
            let collector = Locked(ReplayCollector(junit: junit, bots: run.bots, keepCases: true))
            try run.run { outcome in _ = collector.withLock { $0.take(outcome) } }
            return collector.withLock { ($0.report(), $0.junit.suiteLabels.map(\.key)) }
        }
        #expect(report.suites.map { $0.cases.count } == [4, 3])
        #expect(report.failed == 6)
        #expect(report.suites.map(\.name) == keys)
        // A passing case is drawn as its header line: its transcript is not held; a failure's is.
        let cases = report.suites.flatMap(\.cases)
        #expect(cases.filter { $0.outcome == .passed }.map(\.name) == ["prechat-order-status"])
        #expect(cases.filter { $0.outcome == .passed }.allSatisfy { $0.output == nil })
        #expect(cases.filter { $0.outcome != .passed }.allSatisfy { $0.output?.contains("turn 1 · POST /") == true })
        withExtendedLifetime(scratch) {}
    }
}
