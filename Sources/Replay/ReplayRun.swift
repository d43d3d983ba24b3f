import ConformConcurrency
import BotRuntime
import ConformJSON
import Foundation
import Recording
import Reporting

/// A whole `conform replay`: find the recordings, keep this shard's and the filter's, replay them on
/// `jobs` workers, and turn the outcomes into a report.
public struct ReplayRun: Sendable {
    public var paths: [String]
    public var settings: ReplaySettings
    public var jobs: Int
    /// Keep recordings whose path contains one of these texts (all when empty).
    public var filters: [String]
    /// `--shard k/n` (1-based k).
    public var shard: (index: Int, count: Int)?

    /// Each bot project the recordings name, loaded once for the whole run (replay and coverage).
    public let bots: BotCache
    let suites = SuiteConfigs()

    public init(paths: [String], settings: ReplaySettings, jobs: Int, filters: [String] = [],
                shard: (index: Int, count: Int)? = nil) {
        self.paths = paths
        self.settings = settings
        self.jobs = jobs
        self.filters = filters.filter { !$0.isEmpty }
        self.shard = shard
        bots = BotCache(modules: settings.modules)
    }

    /// Recordings found, then replayed; `progress` is called as each finishes (from worker threads,
    /// so two calls may arrive out of order: the one with the larger `done` is the newer), and `each`
    /// gets every outcome in the recordings' order, one call at a time, as soon as the outcomes before
    /// it are in — nothing is kept, so a caller that keeps only what it needs runs in flat memory.
    public func run(progress: (@Sendable (ReplayProgress) -> Void)? = nil,
                    each: @escaping @Sendable (ReplayOutcome) -> Void) throws(RecordingDiscovery.Problem) {
        let candidates = try self.candidates()
        let replayer = RecordingReplayer(settings: settings, bots: bots, suites: suites)
        let counts = Locked(ReplayProgress(done: 0, total: candidates.count, failed: 0, errors: 0))
        let counted: @Sendable (Int, ReplayOutcome) -> Void = { _, outcome in
            guard let progress else { return }
            progress(counts.withLock { counts in
                counts.done += 1
                switch outcome.status {
                case .failed: counts.failed += 1
                case .error: counts.errors += 1
                case .passed, .skipped: break
                }
                return counts
            })
        }
        ParallelRunner.forEach(candidates, jobs: jobs, progress: counted, deliver: { _, outcome in each(outcome) }) { candidate, engine in
            replayer.replay(candidate, engine: engine)
        }
    }

    /// Every outcome, in the recordings' order (held all at once: for tests and small runs).
    public func run(progress: (@Sendable (ReplayProgress) -> Void)? = nil) throws(RecordingDiscovery.Problem) -> [ReplayOutcome] {
        let outcomes = Locked<[ReplayOutcome]>([])
        try run(progress: progress) { outcome in outcomes.withLock { $0.append(outcome) } }
        return outcomes.withLock { $0 }
    }

    /// The recordings this run replays: found under `paths` (less each folder's `exclude:`), then
    /// this shard's, then those matching the filter.
    func candidates() throws(RecordingDiscovery.Problem) -> [RecordingDiscovery.Candidate] {
        // `exclude:` globs come from the conform.yaml of each folder given.
        var candidates: [RecordingDiscovery.Candidate] = []
        for path in paths {
            var exclude: [Glob] = []
            if case .success(let config) = suites.config(for: path) { exclude = config.exclude }
            candidates += try RecordingDiscovery(exclude: exclude).find([path])
        }
        if let shard {
            candidates = candidates.filter { RecordingDiscovery.inShard($0, index: shard.index, of: shard.count) }
        }
        if !filters.isEmpty {
            candidates = candidates.filter { candidate in filters.contains { candidate.display.localizedCaseInsensitiveContains($0) } }
        }
        return candidates
    }
}

/// How far a run is: recordings finished of those found, and how many failed or errored so far.
public struct ReplayProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var failed: Int
    public var errors: Int
}

extension ReplayOutcome {
    /// The JUnit `classname`: the recording's folder, dotted.
    public var classname: String {
        let parts = candidate.folder.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            .map { $0.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" } }
            .map { String($0) }.filter { !$0.isEmpty && $0 != "." && $0 != ".." }
        return parts.isEmpty ? "recordings" : parts.joined(separator: ".")
    }

    /// The JUnit `name`: the file's path within its folder, without `.json` (stable and unique).
    public var caseName: String {
        let file = (candidate.display as NSString).lastPathComponent
        return (file as NSString).deletingPathExtension
    }

    public var testCase: TestCaseResult {
        let reported = differences.map { item in
            ReportedDifference(turn: item.turn + 1, path: item.difference.path,
                               expected: item.difference.expected.map(JSONWriter.compact),
                               actual: item.difference.actual.map(JSONWriter.compact), note: item.difference.note)
        }
        let result: TestCaseResult.Outcome
        switch status {
        case .passed: result = .passed
        case .failed:
            let first = reported.first.map { "turn \($0.turn ?? 0): \($0.path) differs" } ?? "differs"
            let more = reported.count > 1 ? " (\(reported.count) differences)" : ""
            result = .failed(message: "\(title): \(first)\(more)", details: ConsoleReporter.plain(reported))
        case .error(let why): result = .error(message: why, details: why)
        case .skipped(let why): result = .skipped(reason: why)
        }
        var properties: [(name: String, value: String)] = [("recording", title)]
        if let dialect { properties.append(("dialect", dialect)) }
        if let bot { properties.append(("bot", bot)) }
        return TestCaseResult(classname: classname, name: caseName, file: candidate.display, time: time, outcome: result,
                              output: transcript.isEmpty ? nil : transcript.joined(separator: "\n"),
                              properties: properties, differences: reported, conversation: conversation)
    }
}

extension ReplayRun {
    /// The name of each folder's `<testsuite>`: its label (`conform.yaml`'s `name`), else the folder;
    /// folders sharing a label get theirs added.
    public static func suiteNames(_ suites: [(key: String, label: String?)]) -> [String: String] {
        let labels = suites.map { $0.label ?? $0.key }
        var names: [String: String] = [:]
        for (suite, label) in zip(suites, labels) {
            let shared = labels.filter { $0 == label }.count > 1 && label != suite.key
            names[suite.key] = shared ? "\(label) (\(suite.key))" : label
        }
        return names
    }

    /// One `<testsuite>` per folder of recordings, in the order they were found, labelled by the
    /// folder's `conform.yaml` `name` (as JAICP labels a channel), else the folder; folders sharing a
    /// name get theirs added.
    public static func report(_ outcomes: [ReplayOutcome], name: String, properties: [(name: String, value: String)],
                              includeSkipped: Bool = false) -> TestReport {
        var cases: [TestCaseResult] = []
        var labels: [String: String] = [:]
        for outcome in outcomes {
            if case .skipped = outcome.status, !includeSkipped { continue }
            cases.append(outcome.testCase)
            if labels[outcome.classname] == nil, let label = outcome.suiteName, !label.isEmpty { labels[outcome.classname] = label }
        }
        let formatter = ISO8601DateFormatter()
        return TestReport(name: name, suites: suites(cases, labels: labels), properties: properties,
                          timestamp: formatter.string(from: Date()))
    }

    /// The cases grouped by folder (`classname`) in the order the folders were first met, each suite
    /// named by `suiteNames` from `labels` (by folder).
    static func suites(_ cases: [TestCaseResult], labels: [String: String]) -> [TestSuiteResult] {
        var order: [String] = []
        var byFolder: [String: [TestCaseResult]] = [:]
        for testCase in cases {
            if byFolder[testCase.classname] == nil { order.append(testCase.classname) }
            byFolder[testCase.classname, default: []].append(testCase)
        }
        let names = suiteNames(order.map { ($0, labels[$0]) })
        return order.map { TestSuiteResult(name: names[$0]!, cases: byFolder[$0]!) }
    }
}
