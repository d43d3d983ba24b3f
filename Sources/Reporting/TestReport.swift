/// The results of a run in report terms: suites of test cases with their outcome. Replay and the XML
/// autotest runner produce it; the JUnit, console and HTML reporters read it.
public struct TestReport: Sendable {
    public var name: String
    public var suites: [TestSuiteResult]
    /// Run-wide `<properties>` (conform version, bot, shard, …), in order.
    public var properties: [(name: String, value: String)]
    /// ISO 8601 time the run started.
    public var timestamp: String?

    public init(name: String, suites: [TestSuiteResult], properties: [(name: String, value: String)] = [], timestamp: String? = nil) {
        self.name = name
        self.suites = suites
        self.properties = properties
        self.timestamp = timestamp
    }

    public var cases: [TestCaseResult] { suites.flatMap(\.cases) }
    /// The suites' totals added up (the time too: the sum of the suites' times).
    public var totals: TestTotals {
        var all = TestTotals()
        for suite in suites { all.add(suite.totals) }
        return all
    }
    public var passed: Int { totals.passed }
    public var failed: Int { totals.failed }
    public var errors: Int { totals.errors }
    public var skipped: Int { totals.skipped }
    public var time: Double { totals.time }
}

public struct TestSuiteResult: Sendable {
    public var name: String
    public var cases: [TestCaseResult]
    public var properties: [(name: String, value: String)]

    public init(name: String, cases: [TestCaseResult], properties: [(name: String, value: String)] = []) {
        self.name = name
        self.cases = cases
        self.properties = properties
    }

    public var totals: TestTotals {
        var totals = TestTotals()
        for testCase in cases { totals.count(testCase) }
        return totals
    }
    public var time: Double { totals.time }
}

public struct TestCaseResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        case passed
        /// The bot no longer conforms: `message` is one line, `details` the full diff.
        case failed(message: String, details: String)
        /// The case could not be evaluated (invalid file, script error, missing bot, …).
        case error(message: String, details: String)
        case skipped(reason: String)
    }

    /// Dotted, non-empty (`recordings.demo`).
    public var classname: String
    /// Stable and unique within its suite.
    public var name: String
    public var file: String?
    public var line: Int?
    /// Seconds.
    public var time: Double
    public var outcome: Outcome
    /// The actual transcript, for `<system-out>`.
    public var output: String?
    /// Per-case properties (dialect, random draws used, …).
    public var properties: [(name: String, value: String)]
    /// The differences behind a failure, for reporters that draw them (console colours, HTML).
    public var differences: [ReportedDifference]
    /// The conversation turn by turn, when the producer knows it (replay); the HTML report draws it.
    public var conversation: [ReportedTurn]

    public init(classname: String, name: String, file: String? = nil, line: Int? = nil, time: Double, outcome: Outcome,
                output: String? = nil, properties: [(name: String, value: String)] = [],
                differences: [ReportedDifference] = [], conversation: [ReportedTurn] = []) {
        self.classname = classname
        self.name = name
        self.file = file
        self.line = line
        self.time = time
        self.outcome = outcome
        self.output = output
        self.properties = properties
        self.differences = differences
        self.conversation = conversation
    }
}

/// One difference as reporters show it: where (turn and JSON path), and both sides as JSON text.
public struct ReportedDifference: Sendable, Equatable {
    /// 1-based turn number, nil for differences about the whole recording.
    public var turn: Int?
    public var path: String
    /// Nil when there was nothing on that side.
    public var expected: String?
    public var actual: String?
    public var note: String?

    public init(turn: Int?, path: String, expected: String?, actual: String?, note: String? = nil) {
        self.turn = turn
        self.path = path
        self.expected = expected
        self.actual = actual
        self.note = note
    }
}
