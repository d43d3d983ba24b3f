/// How many cases passed, failed, errored and were skipped, and their summed time: what a report's
/// counts and the console's summary line say, kept without the cases.
public struct TestTotals: Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var errors = 0
    public var skipped = 0
    /// Seconds, summed over the cases.
    public var time = 0.0

    public init() {}

    public var tests: Int { passed + failed + errors + skipped }

    public mutating func count(_ testCase: TestCaseResult) {
        switch testCase.outcome {
        case .passed: passed += 1
        case .failed: failed += 1
        case .error: errors += 1
        case .skipped: skipped += 1
        }
        time += testCase.time
    }

    /// Adds another group's counts and time (a suite's to the run's).
    public mutating func add(_ other: TestTotals) {
        passed += other.passed
        failed += other.failed
        errors += other.errors
        skipped += other.skipped
        time += other.time
    }
}
