// Benchmark: `conform replay` on 1,000 recordings × 8 turns of the shipped demo bot, in process.
// Generates the recordings (with `conform record`'s in-process recorder) into a temporary folder,
// then replays them in child processes — each run in its own process, so its peak memory (VmHWM
// from /proc/self/status) is its own: --jobs 2 and --jobs 1 on all of them, and --jobs 2 on a
// quarter, a half and twice as many (copies), to show how memory grows with the number of recordings.
// Run: swift build -c release --product conform-bench-replay && .build/release/conform-bench-replay [recordings [runs]]
import BotRuntime
import BotScript
import ConformConcurrency
import ConformJSON
import Foundation
import JSEngine
import Recording
import Replay
import Reporting
import WebimChannel
import WebimProtocol

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let demoBot = repository.appendingPathComponent("Recordings/bots/demo").path
let turnsPerRecording = 8
let parts = 4

/// Peak resident memory of this process so far, in KiB.
func peakRSS() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
}

/// CPU seconds this process used so far (all threads, user and system): on a machine shared with
/// other builds, wall time alone says little.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func seconds(since start: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

// MARK: Child: one replay run, measured.

/// `--child JOBS PATH…`: replays as `conform replay` does — outcomes streamed in order into the
/// JUnit file and coverage as they finish — then writes the JUnit and HTML reports, and prints one
/// `RESULT` line.
func child(_ arguments: [String]) throws {
    let jobs = Int(arguments[0]) ?? 2
    let paths = Array(arguments.dropFirst())
    let started = DispatchTime.now()
    let cpuBefore = cpuSeconds()
    let run = ReplayRun(paths: paths, settings: ReplaySettings(), jobs: jobs)
    let junit = try JUnitReportFile(name: "bench", timestamp: ISO8601DateFormatter().string(from: Date()))
    // As `conform replay` by default: the HTML page too, which keeps every case's header line.
    let collector = Locked(ReplayCollector(junit: junit, bots: run.bots, keepCases: true))
    let turns = Locked(0)
    try run.run { outcome in
        turns.withLock { $0 += outcome.turns }
        _ = collector.withLock { $0.take(outcome) }
    }
    let replayed = seconds(since: started)
    // The peak while replaying (streamed: should not grow with the number of recordings), apart
    // from the report's (the JUnit document is streamed from the cases parked on disk).
    let replayPeak = peakRSS()
    let reportStart = DispatchTime.now()
    let collected = collector.withLock { $0 }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("conform-bench-replay-\(getpid()).xml").path
    try collected.writeJUnit(to: path)
    try? FileManager.default.removeItem(atPath: path)
    _ = collected.coverage.coverages
    // The page's coverage tree is the bot's (the same size whatever the run): left out here.
    let html = FileManager.default.temporaryDirectory.appendingPathComponent("conform-bench-replay-\(getpid()).html").path
    try HTMLReportWriter.write(collected.report(), coverage: [], to: html)
    try? FileManager.default.removeItem(atPath: html)
    let reporting = seconds(since: reportStart)
    let totals = collected.totals
    print("RESULT recordings=\(totals.tests) turns=\(turns.withLock { $0 }) passed=\(totals.passed) failed=\(totals.failed) errors=\(totals.errors)"
          + " replay=\(replayed) reports=\(reporting) cpu=\(cpuSeconds() - cpuBefore) hwmReplay=\(replayPeak) hwm=\(peakRSS())")
}

// MARK: Parent: generate, then measure children.

/// The demo bot's main paths in 8 steps, varied by the recording's number; half in each dialect.
func script(_ index: Int) -> String {
    let dialect = index % 2 == 0 ? "bot-api-2" : "bot-api-1"
    let chat = dialect == "bot-api-2" ? "\(100_000 + index)" : "9401b039-ace3-4f5e-8d7c-\(String(format: "%012d", index))"
    let names = ["Anna", "Boris", "Chen", "Dara", "Emil", "Farida"]
    return """
        name: generated conversation \(index)
        dialect: \(dialect)
        chat: \(chat)
        visitor: {id: visitor-\(index), fields: {name: \(names[index % names.count])}}
        location: https://shop.example.com/page-\(index % 17)
        start: 2026-11-25T10:00:00Z
        steps:
          - open
          - click: Track an order
          - say: "\(10_000 + index)"
          - say: how long does shipping take?
          - say: hello
          - say: where is my order
          - say: tomorrow
          - say: thanks, bye
        """
}

func generate(_ count: Int, into root: URL) throws {
    let botCopy = root.appendingPathComponent("bot")
    try FileManager.default.copyItem(atPath: demoBot, toPath: botCopy.path)
    let bot = CompiledBot(project: try ProjectLoader().load(at: botCopy.path))
    let engine = JSEngine()
    let recorder = ScriptRecorder(bot: bot, botReference: "../bot", tool: "conform-bench-replay")
    for index in 0..<count {
        let folder = root.appendingPathComponent("part-\(index % parts)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let conversation = try ConversationScript(json: YAMLConversion.parse(script(index)))
        let document = try recorder.record(conversation, engine: engine)
        try RecordingWriter.write(document, to: folder.appendingPathComponent(String(format: "conversation-%05d.json", index)).path)
    }
}

struct Measurement {
    var recordings = 0, turns = 0, passed = 0, failed = 0, errors = 0, hwm = 0, hwmReplay = 0
    var replay = 0.0, reports = 0.0, cpu = 0.0
}

func measure(jobs: Int, paths: [String]) throws -> Measurement {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--child", "\(jobs)"] + paths
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("RESULT ") }) else {
        throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "the child printed no result: \(text)"])
    }
    var values: [String: String] = [:]
    for pair in line.split(separator: " ").dropFirst() {
        let parts = pair.split(separator: "=", maxSplits: 1)
        values[String(parts[0])] = String(parts[1])
    }
    return Measurement(recordings: Int(values["recordings"]!)!, turns: Int(values["turns"]!)!, passed: Int(values["passed"]!)!,
                       failed: Int(values["failed"]!)!, errors: Int(values["errors"]!)!, hwm: Int(values["hwm"]!)!,
                       hwmReplay: Int(values["hwmReplay"]!)!,
                       replay: Double(values["replay"]!)!, reports: Double(values["reports"]!)!, cpu: Double(values["cpu"]!)!)
}

func parent(count: Int, runs: Int) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-bench-replay-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let generating = DispatchTime.now()
    try generate(count, into: root)
    print("generated \(count) recordings × \(turnsPerRecording) turns of the demo bot in \(String(format: "%.2f", seconds(since: generating))) s"
          + " (\(root.path))")
    // The kernel writes the new files out in the background for a while; measuring during that
    // measured its writeback too (the first row ran 10–20% slower than the same replay later).
    sync()
    let partPaths = (0..<parts).map { root.appendingPathComponent("part-\($0)").path }

    func row(_ label: String, jobs: Int, paths: [String]) throws {
        // The median of `runs` runs by replay time; each run is a fresh process.
        var all: [Measurement] = []
        for _ in 0..<runs { all.append(try measure(jobs: jobs, paths: paths)) }
        all.sort { $0.replay < $1.replay }
        let m = all[all.count / 2]
        let total = m.replay + m.reports
        print(label.padding(toLength: 24, withPad: " ", startingAt: 0)
              + String(format: "%5d rec %6d turns  replay %6.3f s + reports %5.3f s = %6.3f s  %6.0f turns/s  peak RSS %6.1f MiB (replaying %6.1f)",
                       m.recordings, m.turns, m.replay, m.reports, total, Double(m.turns) / total, Double(m.hwm) / 1024,
                       Double(m.hwmReplay) / 1024)
              + String(format: "  CPU %6.2f s", m.cpu) + "  (\(m.passed) passed, \(m.failed) failed, \(m.errors) errors)")
    }
    try row("--jobs 2", jobs: 2, paths: [root.path])
    try row("--jobs 1", jobs: 1, paths: [root.path])
    try row("--jobs 2, a quarter", jobs: 2, paths: Array(partPaths.prefix(1)))
    try row("--jobs 2, a half", jobs: 2, paths: Array(partPaths.prefix(2)))
    // Twice as many: every recording again, copied into folders of their own.
    for (index, part) in partPaths.enumerated() {
        let copy = root.appendingPathComponent("again-\(index)")
        try FileManager.default.copyItem(atPath: part, toPath: copy.path)
    }
    sync()
    let again = (0..<parts).map { root.appendingPathComponent("again-\($0)").path }
    try row("--jobs 2, twice as many", jobs: 2, paths: partPaths + again)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--child" {
    try child(Array(arguments.dropFirst()))
} else if arguments.first == "--generate", arguments.count == 3 {
    // Recordings to profile by hand: `--generate DIR N`, then `--child JOBS DIR` under perf.
    try FileManager.default.createDirectory(atPath: arguments[1], withIntermediateDirectories: true)
    try generate(Int(arguments[2]) ?? 1000, into: URL(fileURLWithPath: arguments[1]))
} else {
    let count = arguments.first.flatMap(Int.init) ?? 1000
    let runs = arguments.count > 1 ? Int(arguments[1]) ?? 3 : 3
    try parent(count: count, runs: runs)
}
