import ConformJSON
import Foundation
import Reporting

/// What a replay run keeps while its outcomes stream past in order, so memory stays flat in the
/// number of recordings: each testcase goes into the JUnit file as it comes, coverage is counted,
/// and only what is read after the run is held — the failures and errors (printed again at the end
/// with their diffs), rewritten recordings for `--update`, and every case only when asked to
/// (`keepCases`, for the HTML report, which draws them all: passing ones without their transcript).
public struct ReplayCollector {
    public let junit: JUnitReportFile
    /// Replayed recordings (not the skipped ones), counted.
    public private(set) var totals = TestTotals()
    /// Failed and errored cases, in order.
    public private(set) var problems: [TestCaseResult] = []
    /// Configuration errors (`ReplayOutcome.isConfigurationError`), each message once, in order.
    public private(set) var configurationErrors: [String] = []
    /// Every replayed case, in order, when `keepCases` (a passing one without its `output`).
    public private(set) var cases: [TestCaseResult] = []
    /// Recordings rewritten with today's behaviour (`ReplaySettings.update`), in order.
    public private(set) var updates: [(candidate: RecordingDiscovery.Candidate, document: JSONValue)] = []
    public private(set) var coverage: CoverageTally
    /// The first failure to add a case to the JUnit file; the run goes on, the report is not written.
    public private(set) var junitFailure: JUnitWriter.Failure?
    private let keepCases: Bool

    public init(junit: JUnitReportFile, bots: BotCache, keepCases: Bool) {
        self.junit = junit
        coverage = CoverageTally(bots: bots)
        self.keepCases = keepCases
    }

    /// Takes the next outcome; returns its testcase, nil for a skipped one (not reported).
    public mutating func take(_ outcome: ReplayOutcome) -> TestCaseResult? {
        if case .skipped = outcome.status { return nil }
        let testCase = outcome.testCase
        totals.count(testCase)
        switch testCase.outcome {
        case .failed, .error: problems.append(testCase)
        case .passed, .skipped: break
        }
        if keepCases {
            // The HTML page draws a passing case as its header line only: its transcript (most of a
            // case) is not kept, so a passing recording costs a few hundred bytes until the page is written.
            var kept = testCase
            if case .passed = testCase.outcome { kept.output = nil }
            cases.append(kept)
        }
        if let document = outcome.updated { updates.append((outcome.candidate, document)) }
        if outcome.isConfigurationError, case .error(let why) = outcome.status, !configurationErrors.contains(why) {
            configurationErrors.append(why)
        }
        coverage.count(outcome)
        if junitFailure == nil {
            let label = outcome.suiteName.flatMap { $0.isEmpty ? nil : $0 }
            do {
                try junit.add(testCase, suite: outcome.classname, label: label)
            } catch {
                junitFailure = error
            }
        }
        return testCase
    }

    /// Writes the JUnit report, suites named as `ReplayRun.report` names them.
    public func writeJUnit(to path: String) throws(JUnitWriter.Failure) {
        if let junitFailure { throw junitFailure }
        try junit.write(to: path, suiteNames: ReplayRun.suiteNames(junit.suiteLabels))
    }

    /// The kept cases as a report (for the HTML writer), suites as in the JUnit file.
    public func report() -> TestReport {
        var labels: [String: String] = [:]
        for suite in junit.suiteLabels { labels[suite.key] = suite.label }
        return TestReport(name: junit.name, suites: ReplayRun.suites(cases, labels: labels),
                          properties: junit.properties, timestamp: junit.timestamp)
    }
}
