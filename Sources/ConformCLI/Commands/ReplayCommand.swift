import ArgumentParser
import ConformConcurrency
import BotScript
import BotRuntime
import ConformJSON
import Foundation
import Recording
import Replay
import ReplayOverHTTP
import Reporting

/// `conform replay Recordings/`: the main job.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay recorded Webim conversations against a JAICP bot and report where it differs.",
        discussion: """
            Every recording (*.json with "format": "conform-recording") under the given paths is replayed in
            process through conform's Webim channel adapter and JAICP runtime, and compared with what was
            recorded: the webhook responses, the Webim API calls, and the `expect` blocks (state, session,
            client, replies). Exit status: 0 when all pass, 1 when any fails or errors, 2 for usage errors.

            Examples:
              conform replay Recordings/
              conform replay Recordings/ --bot ../bot-candidate          # try another version of the bot
              conform replay Recordings/ --shard 2/4 --junit Reports/junit-2.xml
              conform replay Recordings/demo --filter prechat --verbose
              conform replay Recordings/ --over-http   # through conform serve
            """)

    @Argument(help: ArgumentHelp("Recording files or folders of recordings (default: Recordings).",
                                 discussion: "Example: conform replay Recordings/demo Recordings/live/chat-42.json"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Replay against this JAICP project instead of the one the recordings name.",
                               discussion: "Example: --bot ../my-bot", valueName: "PATH"))
    var bot: String?

    @OptionGroup var botModules: BotModuleOptions

    @Option(help: ArgumentHelp("Recordings replayed at once (default: the number of cores).", discussion: "Example: --jobs 2",
                               valueName: "N"))
    // Optional, so --help does not print this machine's core count as the default.
    var jobs: Int?

    @Option(name: .customLong("filter"),
            help: ArgumentHelp("Replay only recordings whose path contains this text (repeatable: any of them).",
                               discussion: "Example: --filter orders/ --filter prechat", valueName: "TEXT"))
    var filters: [String] = []

    @Option(help: ArgumentHelp("Replay one shard of the recordings, for CI matrices; join the reports with `conform merge`.",
                               discussion: "Example: --shard 1/4", valueName: "K/N"))
    var shard: String?

    @Option(name: .customLong("turn-timeout"), help: ArgumentHelp("CPU seconds a bot turn may use (default 2; conform.yaml's turnTimeout wins).",
                                                                 discussion: "Example: --turn-timeout 5", valueName: "SECONDS"))
    var turnTimeout: Double?

    @Option(help: ArgumentHelp("The time zone bots see (default: conform.yaml's `timezone`, else UTC).",
                               discussion: "Example: --timezone Europe/Moscow", valueName: "ZONE"))
    var timezone: String?

    @Flag(help: ArgumentHelp("Rewrite failing recordings with today's behaviour (webhook answers, calls, expectations, draws).",
                             discussion: "Never implicit: review the result with `git diff` before committing it.\nExample: conform replay Recordings/demo --filter prechat --update"))
    var update = false

    @Flag(name: .customLong("over-http"),
          help: ArgumentHelp("Replay through `conform serve` on loopback (real HTTP, a local Webim API) instead of in process.",
                             discussion: "Slower; for proving both paths agree. Compares and reports the same way.\nExample: conform replay Recordings/ --over-http"))
    var overHTTP = false

    @Option(name: .customLong("draw-search-limit"),
            help: ArgumentHelp("For turns recorded without random draws that fail with the default ones: combinations of draws tried (1: no search).",
                               discussion: "The draws found are shown under the recording's line and in the JUnit <system-out>.\nExample: --draw-search-limit 256",
                               valueName: "N"))
    var drawSearchLimit = 64

    @Flag(name: .customLong("force"),
          help: ArgumentHelp("With --update: rewrite recordings even when the CI environment variable is set.",
                             discussion: "Example: conform replay Recordings/ --update --force"))
    var forceUpdate = false

    @OptionGroup var botRef: BotRefOption

    @Flag(help: ArgumentHelp("Replay again whenever a file of the bot or a recording changes (Ctrl-C to stop).",
                             discussion: "Example: conform replay Recordings/demo --bot ../my-bot --watch"))
    var watch = false

    @OptionGroup var coverage: CoverageOptions

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard { _ = try Self.parseShard(shard) }
        if let turnTimeout, turnTimeout <= 0 { throw ValidationError("--turn-timeout must be more than 0 seconds") }
        guard drawSearchLimit >= 1 else { throw ValidationError("--draw-search-limit must be at least 1 (1: no search)") }
    }

    static func parseShard(_ text: String) throws -> (index: Int, count: Int) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            throw ValidationError("--shard expects K/N with 1 ≤ K ≤ N (e.g. 2/4), got '\(text)'")
        }
        return (k, n)
    }

    func run() throws {
        if update, !forceUpdate, let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty, ci != "false" {
            emitError("error: --update rewrites recordings and CI is set: a CI run must not change what it checks (add --force to do it anyway)")
            throw ExitCode(2)
        }
        guard watch else { return try replayOnce() }
        let paths = self.paths.isEmpty ? ["Recordings"] : self.paths
        var watcher = ChangeWatcher(roots: paths + [bot ?? Self.suiteBot(paths)].compactMap { $0 })
        while true {
            do {
                try replayOnce()
            } catch let exit as ExitCode {
                // A failing run is what watching is for; only usage errors end it.
                if exit.rawValue == 2 { throw exit }
            }
            emit(report.style.dim("watching \(watcher.roots.joined(separator: ", ")) for changes (Ctrl-C to stop)"))
            let changed = watcher.waitForChange()
            emit("\n── \(changed.count) file\(changed.count == 1 ? "" : "s") changed (\(changed.prefix(3).map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))\(changed.count > 3 ? ", …" : "")): replaying")
        }
    }

    /// The bot `conform.yaml` (found from the first path) names, absolute.
    static func suiteBot(_ paths: [String]) -> String? {
        (try? SuiteConfig.find(from: paths[0]).map(SuiteConfig.load))??.bot
    }

    func replayOnce() throws {
        let paths = self.paths.isEmpty ? ["Recordings"] : self.paths
        let style = report.style
        let console = ConsoleReporter(style: style)
        // --ref: the bot (--bot, else conform.yaml's) as it is at that git revision.
        var revision: BotRevision?
        if botRef.ref != nil {
            guard let project = bot ?? Self.suiteBot(paths) else {
                emitError("error: --ref needs the bot project: give --bot PATH or a conform.yaml with `bot:`")
                throw ExitCode(2)
            }
            revision = try botRef.checkout(project)
        }
        defer { revision?.remove() }
        var settings = ReplaySettings(botOverride: revision?.projectPath ?? bot, modules: try botModules.modules())
        if let turnTimeout { settings.runtime.turnTimeLimit = turnTimeout }
        settings.update = update
        settings.drawSearchLimit = drawSearchLimit
        if overHTTP { settings.driver = HTTPReplayDriverFactory() }
        if let bot, !FileManager.default.fileExists(atPath: bot + "/chatbot.yaml") {
            emitError("error: --bot \(bot) is not a JAICP project (no chatbot.yaml there)")
            throw ExitCode(2)
        }
        // Bots read local time through Date; the zone is set once for the whole run.
        let zone = timezone ?? (try? SuiteConfig.find(from: paths[0]).map(SuiteConfig.load))??.timezone ?? "UTC"
        guard TimeZone(identifier: zone) != nil else {
            emitError("error: unknown time zone '\(zone)' (use an IANA name such as Europe/Moscow)")
            throw ExitCode(2)
        }
        setenv("TZ", zone, 1)
        tzset()

        let run = ReplayRun(paths: paths, settings: settings, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, filters: filters,
                            shard: try shard.map(Self.parseShard))
        var properties: [(name: String, value: String)] = [("conform.version", ConformVersion.current), ("timezone", zone)]
        if let bot { properties.append(("bot", bot)) }
        if let revision { properties += [("bot.ref", revision.ref), ("bot.commit", revision.commit)] }
        if let shard { properties.append(("shard", shard)) }
        let collected: ReplayCollector
        do {
            let junit = try JUnitReportFile(name: "conform replay", properties: properties,
                                            timestamp: ISO8601DateFormatter().string(from: Date()))
            // Outcomes arrive in order, one at a time; the collector keeps what is read after the run.
            let collector = Locked(ReplayCollector(junit: junit, bots: run.bots, keepCases: report.htmlPath != nil))
            // A terminal watching a long run sees it move; logs and --quiet get only the results.
            let live = ProgressLine(verb: "replaying", enabled: isatty(STDOUT_FILENO) == 1 && !report.quiet)
            defer { live?.clear() }
            let print: @Sendable (String) -> Void = { text in if let live { live.print(above: text) } else { emit(text) } }
            let verbose = report.verbose, quiet = report.quiet
            try run.run(progress: { progress in
                live?.show(done: progress.done, total: progress.total, failed: progress.failed, errors: progress.errors)
            }, each: { outcome in
                guard let testCase = collector.withLock({ $0.take(outcome) }) else {
                    if verbose, case .skipped(let why) = outcome.status { print(style.dim("skipped \(outcome.candidate.display): \(why)")) }
                    return
                }
                if quiet, case .passed = testCase.outcome { return }
                var lines = [console.line(testCase)]
                for found in outcome.drawsFound {
                    lines.append(style.dim("    turn \(found.turn + 1): recorded without random draws; draws \(found.draws) reproduce it"))
                }
                if verbose, let output = testCase.output { lines.append(style.dim(output)) }
                print(lines.joined(separator: "\n"))
            })
            collected = collector.withLock { $0 }
        } catch {
            emitError("error: \(error)")
            throw ExitCode(2)
        }
        guard collected.totals.tests > 0 else {
            let filtered = (filters.isEmpty ? "" : " matching --filter " + filters.map { "'\($0)'" }.joined(separator: " or "))
                + (shard.map { " in shard \($0)" } ?? "")
            emitError("error: no recordings found under \(paths.joined(separator: ", "))\(filtered) (files ending in .json with \"format\": \"conform-recording\")")
            throw ExitCode(2)
        }
        let problems = collected.problems
        if !problems.isEmpty {
            emit("")
            for testCase in problems { emit(console.details(testCase)); emit("") }
        }
        do {
            try collected.writeJUnit(to: report.junit)
        } catch {
            emitError("error: \(error)")
            throw ExitCode(2)
        }
        emit(console.summary(collected.totals) + (revision.map { " · bot at \($0.ref) (\($0.commit.prefix(12)))" } ?? "")
             + style.dim(" · JUnit report: \(report.junit)"))

        let coverages = collected.coverage.coverages
        let belowFloor = coverage.report(coverages, style: style, verbose: report.verbose)

        if let html = report.htmlPath {
            do {
                try HTMLReportWriter.write(collected.report(), coverage: coverages.map { $0.coverage.reported(bot: $0.bot) }, to: html)
                emit(style.dim("HTML report: \(html)"))
            } catch {
                emitError("error: could not write the HTML report \(html): \(error)")
                throw ExitCode(2)
            }
        }

        // A configuration error is the run's, not the recordings': exit 2 (the reports still say which).
        if !collected.configurationErrors.isEmpty {
            for why in collected.configurationErrors { emitError("error: \(why)") }
            throw ExitCode(2)
        }
        if update {
            var updated = 0
            for (candidate, document) in collected.updates {
                do {
                    try RecordingWriter.write(document, to: candidate.path)
                    updated += 1
                    emit("updated \(candidate.display)")
                } catch {
                    emitError("error: could not update \(candidate.display): \(error)")
                }
            }
            let failed = collected.totals.failed
            let errors = collected.totals.errors
            emit("\(updated) recording\(updated == 1 ? "" : "s") rewritten with today's behaviour — review them with `git diff`")
            // Accepted changes are not failures any more; errors still are.
            if errors > 0 || updated < failed || belowFloor { throw ExitCode(1) }
            return
        }
        if !problems.isEmpty || belowFloor { throw ExitCode(1) }
    }
}
