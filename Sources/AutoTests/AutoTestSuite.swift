import BotRuntime
import BotScript
import Foundation
import JSEngine
import Recording
import Reporting

/// A project's XML autotests: the files `chatbot.yaml` selects under `test/`, read and run, as a
/// `TestReport` for the JUnit and console reporters.
///
/// ```swift
/// let project = try ProjectLoader().load(at: "path/to/bot")
/// let report = AutoTestSuite(project: project).run { print($0.name) }
/// report.failed + report.errors   // 0 when every case passes
/// ```
public struct AutoTestSuite {
    public let project: BotProject
    /// The project compiled once; its `allDiagnostics` are what `conform check` would say.
    public let bot: CompiledBot
    public var options: AutoTestOptions
    /// A case runs when any filter is part of `file.xml`, `classname.name` or its id (all run when empty).
    public var filters: [String]

    public init(project: BotProject, options: AutoTestOptions = AutoTestOptions(), filters: [String] = []) {
        self.project = project
        bot = CompiledBot(project: project)
        self.options = options
        self.filters = filters
    }

    /// The test files `tests.include` / `tests.exclude` select (ant-style globs relative to `test/`; all
    /// `.xml` files, in every folder, when `include` is empty), relative to `test/`, sorted.
    public static func testFiles(root: String, include: [String], exclude: [String]) -> [String] {
        let base = URL(fileURLWithPath: root).appendingPathComponent("test")
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        let includes = (include.isEmpty ? ["**/*.xml"] : include).map(Glob.init)
        let excludes = exclude.map(Glob.init)
        var found: [String] = []
        let prefix = base.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(prefix) else { continue }
            let relative = String(full.dropFirst(prefix.count))
            guard includes.contains(where: { $0.matches(relative) }), !excludes.contains(where: { $0.matches(relative) }) else { continue }
            found.append(relative)
        }
        return found.sorted()
    }

    public var testFiles: [String] {
        Self.testFiles(root: project.root, include: project.config.testsInclude, exclude: project.config.testsExclude)
    }

    /// Reads every selected file.
    public func readFiles() -> [XMLTestFile] {
        let reader = XMLTestReader(timeZone: options.timeZone)
        return testFiles.map { relative in
            let path = "test/" + relative
            let url = URL(fileURLWithPath: project.root).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return XMLTestFile(path: path, cases: [], problem: XMLTestProblem("the file cannot be read", line: 1))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                return XMLTestFile(path: path, cases: [], problem: XMLTestProblem("the file is not UTF-8 text", line: 1))
            }
            return reader.read(text, path: path)
        }
    }

    func selected(_ testCase: XMLTestCase, in file: XMLTestFile) -> Bool {
        guard !filters.isEmpty else { return true }
        let haystack = "\(file.path) \(file.classname).\(testCase.name) \(testCase.id ?? "")"
        return filters.contains { haystack.contains($0) }
    }

    /// Whether a file's own problems are reported: no filter, or one naming the file, or a case of it selected.
    func selected(_ file: XMLTestFile) -> Bool {
        filters.isEmpty || filters.contains { "\(file.path) \(file.classname)".contains($0) }
            || file.cases.contains { selected($0, in: file) }
    }

    /// Runs every selected case, calling `progress` as each finishes.
    public func run(files: [XMLTestFile]? = nil, progress: (TestCaseResult) -> Void = { _ in }) -> TestReport {
        runWithCoverage(files: files, progress: progress).report
    }

    /// Runs every selected case, and counts the states and triggers their requests exercised.
    public func runWithCoverage(files: [XMLTestFile]? = nil,
                                progress: (TestCaseResult) -> Void = { _ in }) -> (report: TestReport, coverage: Coverage) {
        let files = files ?? readFiles()
        // Test cases are short conversations, one engine.
        JSEngine.prepare(workers: 1)
        let runner = XMLTestRunner(bot: bot, engine: JSEngine(), options: options)
        var suites: [TestSuiteResult] = []
        for file in files {
            var cases: [TestCaseResult] = []
            var seen: [String: Int] = [:]
            if selected(file) {
                // The file's own problems, each an error of its own: the whole file unusable, or stray elements.
                let problems = file.problem.map { [("(file)", $0)] } ?? file.strayElements.map { ("(file, line \($0.line))", $0) }
                for (name, problem) in problems {
                    var result = TestCaseResult(classname: file.classname, name: name, file: file.path, line: problem.line, time: 0,
                                                outcome: .error(message: "\(file.path):\(problem.line): \(problem.message)",
                                                                details: "\(problem)"))
                    seen[name, default: 0] += 1
                    if seen[name]! > 1 { result.name += " #\(seen[name]!)" }
                    progress(result)
                    cases.append(result)
                }
            }
            for testCase in file.cases where selected(testCase, in: file) {
                var result = runner.run(testCase, in: file)
                // JUnit names must be unique within a suite; repeated ids get their position added.
                seen[result.name, default: 0] += 1
                if seen[result.name]! > 1 { result.name += " (case \(testCase.index))" }
                progress(result)
                cases.append(result)
            }
            if !cases.isEmpty { suites.append(TestSuiteResult(name: file.classname, cases: cases)) }
        }
        let formatter = ISO8601DateFormatter()
        let report = TestReport(name: project.config.name ?? URL(fileURLWithPath: project.root).lastPathComponent, suites: suites,
                                properties: [("tool", "conform test")], timestamp: formatter.string(from: Date()))
        return (report, runner.coverage)
    }
}
