import ArgumentParser
import Replay
import AutoTests
import BotRuntime
import BotScript
import Foundation
import Reporting

/// `conform test PATH`: run a JAICP project's own `test/*.xml` autotests offline.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a JAICP project's own test/*.xml autotests offline, with JUnit and console reports.",
        discussion: """
            Reads the XML test files chatbot.yaml's tests.include/exclude select (all test/**/*.xml by default) \
            and runs every <test-case> on a fresh session of conform's JAICP runtime: <q> and <event> send \
            requests, each <a> checks the next text reply (text compared ignoring differences in spaces and \
            line breaks; state=, class=, contains=), <mockData> answers $http, <dateTime> freezes the clock. \
            Cases marked integration="true" are skipped; a case using an element conform cannot run is an \
            error naming it and its line. Details: docs/xml-autotests.md.

            Every request the cases send is counted as replay counts it: Reports/coverage.json (--coverage) \
            holds each state's entries and each trigger's wins, and --min-coverage P fails the run below P% of \
            states entered.

            Exit status: 0 when every case passes (skipped ones included), 1 when a case fails or errs or \
            coverage is below --min-coverage, 2 when the project, the options or the test selection are unusable.

            Examples:
              conform test path/to/bot
              conform test ../bot --bot-module sys.zb-common=../zb-common
              conform test ../bot --junit Reports/xml-tests.xml --no-color
              conform test ../bot --filter main.xml --filter Start-Timeout -v
              conform test ../bot --min-coverage 80 --html Reports/xml-tests.html
            """)

    @Argument(help: ArgumentHelp("The project folder (the one holding chatbot.yaml and test/).",
                                 discussion: "Example: conform test ../my-bot"))
    var path: String

    @OptionGroup var botModules: BotModuleOptions

    @Option(name: .customLong("filter"),
            help: ArgumentHelp("Run only cases whose file, classname.name or id contains this text (repeatable).",
                               discussion: "Example: --filter main.xml --filter Start-Timeout", valueName: "TEXT"))
    var filters: [String] = []

    @Option(name: .customLong("timezone"),
            help: ArgumentHelp("The zone <dateTime> values are read in: +03:00, UTC+3, Europe/Moscow.",
                               discussion: "Example: --timezone Europe/Moscow", valueName: "ZONE"))
    var timezone = "+03:00"

    @Option(name: .customLong("now"),
            help: ArgumentHelp("The clock before any <dateTime>, as 2025-01-31 12:00:00 in --timezone (default: now).",
                               discussion: "Example: --now \"2025-01-31 12:00:00\"", valueName: "DATETIME"))
    var now: String?

    @Option(name: .customLong("channel-type"), help: ArgumentHelp("$request.channelType of every request.",
                                                                 discussion: "Example: --channel-type webim", valueName: "NAME"))
    var channelType = "test"

    @Option(name: .customLong("unconsumed-replies"),
            help: ArgumentHelp("What a text reply no <a> checks does to its case: fail or ignore.",
                               discussion: "Example: --unconsumed-replies ignore", valueName: "POLICY"))
    var unconsumed = AutoTestOptions.UnconsumedReplies.fail.rawValue

    @OptionGroup var botRef: BotRefOption

    @OptionGroup var turnTimeout: TurnTimeoutOption

    @Flag(help: ArgumentHelp("Run the tests again whenever a file of the project changes (Ctrl-C to stop).",
                             discussion: "Example: conform test ../my-bot --filter main.xml --watch"))
    var watch = false

    @OptionGroup var coverage: CoverageOptions

    @OptionGroup var report: ReportOptions

    func run() throws {
        guard watch else { return try testOnce() }
        var watcher = ChangeWatcher(roots: [path])
        while true {
            do {
                try testOnce()
            } catch let exit as ExitCode {
                // Failing tests are what watching is for; only usage errors end it.
                if exit.rawValue == 2 { throw exit }
            }
            emit(report.style.dim("watching \(path) for changes (Ctrl-C to stop)"))
            let changed = watcher.waitForChange()
            emit("\n── \(changed.count) file\(changed.count == 1 ? "" : "s") changed: testing again")
        }
    }

    func testOnce() throws {
        var options = AutoTestOptions()
        guard let zone = TestClock.zone(named: timezone) else {
            throw Self.usage("--timezone expects +03:00, UTC+3 or a zone name like Europe/Moscow, got '\(timezone)'")
        }
        options.timeZone = zone
        // Bots read local time through Date: in UTC, as on JAICP, whatever the host's zone.
        setenv("TZ", TestClock.botLocalZone, 1)
        tzset()
        if let now {
            guard let ms = TestClock.parse(now, zone: zone) else {
                throw Self.usage("--now expects a date and time like 2025-01-31 12:00:00, got '\(now)'")
            }
            options.now = ms
        }
        guard let policy = AutoTestOptions.UnconsumedReplies(rawValue: unconsumed) else {
            throw Self.usage("--unconsumed-replies expects fail or ignore, got '\(unconsumed)'")
        }
        options.unconsumedReplies = policy
        options.channelType = channelType
        options.runtime.turnTimeLimit = turnTimeout.seconds

        guard let modules = try? botModules.modules() else {
            throw Self.usage("--bot-module expects NAME=PATH (e.g. sys.zb-common=../zb-common)")
        }
        let revision = try botRef.checkout(path)
        defer { revision?.remove() }
        let project: BotProject
        switch Self.load(revision?.projectPath ?? path, modules: modules) {
        case .success(let loaded): project = loaded
        case .failure(let failure): throw Self.usage("\(failure)")
        }
        let style = report.style
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let suite = AutoTestSuite(project: project, options: options, filters: filters)
        // What `conform check` calls errors (a pattern that cannot compile never matches): the cases
        // still run, as JAICP's own test runner would run what it could build.
        for diagnostic in suite.bot.allDiagnostics where diagnostic.severity == .error {
            let place = diagnostic.location.map { "\(prefix)\($0): " } ?? ""
            emit(style.yellow("warning: \(place)\(diagnostic.message)"))
        }
        let files = suite.readFiles()
        if files.isEmpty {
            emitError("error: \(prefix)test/ has no XML test files that chatbot.yaml's tests.include/exclude select")
            throw ExitCode(2)
        }
        let reporter = ConsoleReporter(style: style)
        let quiet = report.quiet
        let verbose = report.verbose
        var (results, counts) = suite.runWithCoverage(files: files) { testCase in
            if case .passed = testCase.outcome, quiet { return }
            if case .skipped = testCase.outcome, quiet { return }
            emit(reporter.line(testCase))
            if verbose, case .passed = testCase.outcome, let output = testCase.output, !output.isEmpty {
                emit(style.dim(Self.indented(output)))
            }
        }
        if results.cases.isEmpty {
            emitError(filters.isEmpty ? "error: the selected test files hold no test cases"
                                      : "error: no test case matches the filters \(filters.joined(separator: ", "))")
            throw ExitCode(2)
        }
        let troubled = results.cases.filter {
            switch $0.outcome {
            case .failed, .error: true
            default: false
            }
        }
        if !troubled.isEmpty {
            emit("")
            for testCase in troubled {
                emit(reporter.details(testCase))
                // An error's details already hold the transcript; a failure's drawn diff does not.
                if report.verbose, case .failed = testCase.outcome, let output = testCase.output, !output.isEmpty {
                    emit(style.dim(Self.indented(output)))
                }
            }
        }
        if let revision { results.properties += [("bot.ref", revision.ref), ("bot.commit", revision.commit)] }
        do {
            try JUnitWriter.write(results, to: report.junit)
        } catch {
            emitError("error: \(error)")
            throw ExitCode(2)
        }
        emit("")
        emit(reporter.summary(results) + (revision.map { " · at \($0.ref) (\($0.commit.prefix(12)))" } ?? "")
             + style.dim("  — JUnit report: \(report.junit)"))
        let belowFloor = coverage.report([(path, counts)], style: style, verbose: report.verbose)
        if let html = report.htmlPath {
            do {
                try HTMLReportWriter.write(results, coverage: [counts.reported(bot: path)], to: html)
                emit(style.dim("HTML report: \(html)"))
            } catch {
                emitError("error: could not write the HTML report \(html): \(error)")
                throw ExitCode(2)
            }
        }
        if results.failed + results.errors > 0 || belowFloor { throw ExitCode(1) }
    }

    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }

    static func load(_ path: String, modules: [String: String]) -> Result<BotProject, ProjectLoader.Failure> {
        do {
            return .success(try ProjectLoader(modules: modules).load(at: path))
        } catch {
            return .failure(error)
        }
    }

    /// A usage or configuration problem: said on stderr, exit status 2 (as every conform command).
    static func usage(_ message: String) -> ExitCode {
        emitError("error: \(message)")
        return ExitCode(2)
    }
}
