import ConformConcurrency
import Foundation
import Reporting
import Testing

/// Long runs show `replaying 120/1000 · 3 failed` on one terminal line; logs and `--quiet` never do.
@Suite struct ProgressLineTests {
    final class Written: Sendable {
        let parts = Locked<[String]>([])
        var all: [String] { parts.withLock { $0 } }
    }

    @Test func theLineIsRewrittenInPlaceNeverGoesBackwardsAndIsWipedAtTheEnd() throws {
        let written = Written()
        let line = try #require(ProgressLine(verb: "replaying", enabled: true, interval: .zero) { text in
            written.parts.withLock { $0.append(text) }
        })
        line.show(done: 1, total: 3, failed: 0, errors: 0)
        line.show(done: 2, total: 3, failed: 1, errors: 0)
        line.show(done: 1, total: 3, failed: 0, errors: 0)  // a worker's late report
        line.show(done: 3, total: 3, failed: 1, errors: 1)
        line.clear()
        line.clear()
        #expect(written.all == ["\rreplaying 1/3\u{1B}[K", "\rreplaying 2/3 · 1 failed\u{1B}[K",
                                "\rreplaying 3/3 · 1 failed · 1 error\u{1B}[K", "\r\u{1B}[K"])
    }

    @Test func updatesComeAtMostOncePerIntervalButTheLastAlwaysShows() throws {
        let written = Written()
        let line = try #require(ProgressLine(verb: "replaying", enabled: true, interval: .seconds(60)) { text in
            written.parts.withLock { $0.append(text) }
        })
        for done in 1...999 { line.show(done: done, total: 1000, failed: 0, errors: 0) }
        line.show(done: 1000, total: 1000, failed: 3, errors: 0)
        #expect(written.all == ["\rreplaying 1/1000\u{1B}[K", "\rreplaying 1000/1000 · 3 failed\u{1B}[K"])
    }

    @Test func noLineWhenDisabled() {
        #expect(ProgressLine(verb: "replaying", enabled: false) == nil)
    }
}

/// The real `conform replay`, under a pseudo-terminal (`script`) and with its output piped.
@Suite(.serialized) struct ReplayProgressCommandTests {
    /// The `conform` executable SwiftPM built next to this test bundle.
    static var conformBinary: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent()
        while !folder.path.isEmpty, folder.path != "/" {
            let candidate = folder.appendingPathComponent("conform").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Paths.repository.appendingPathComponent(".build/debug/conform").path
    }

    /// Waits for the process without holding one of Swift concurrency's threads (as many as the
    /// cores), which the suite's HTTP tests need meanwhile.
    static func replay(onTerminal: Bool, _ extra: [String] = []) async throws -> String {
        try await offThePool { try run(onTerminal: onTerminal, extra) }
    }

    static func run(onTerminal: Bool, _ extra: [String]) throws -> String {
        let scratch = try Scratch()
        let arguments = [conformBinary, "replay", Paths.demoRecordings + "/sync-dialect.json",
                         Paths.demoRecordings + "/transfer-to-agent.json", "--jobs", "1",
                         "--junit", scratch.path + "/junit.xml", "--coverage", scratch.path + "/coverage.json"] + extra
        let process = Process()
        if onTerminal {
            // util-linux `script` runs the command on a pseudo-terminal and copies what it printed.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-q", "-e", "-c", arguments.map { "'\($0)'" }.joined(separator: " "), "/dev/null"]
        } else {
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
        }
        // Colours would depend on the caller's environment; the line's behaviour must not.
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aTerminalSeesTheLiveLineThenTheResultsOnACleanLine() async throws {
        let output = try await Self.replay(onTerminal: true)
        #expect(output.contains("\rreplaying 2/2\u{1B}[K"))
        // Wiped before the first result line.
        #expect(output.contains("\r\u{1B}[K✓ demo › sync-dialect"))
    }

    @Test func pipedOutputAndQuietRunsHaveNoLiveLine() async throws {
        let piped = try await Self.replay(onTerminal: false)
        #expect(piped.contains("2 passed, 0 failed, 0 errors"))
        #expect(!piped.contains("replaying"))
        #expect(!piped.contains("\r"))
        let quiet = try await Self.replay(onTerminal: true, ["--quiet"])
        #expect(quiet.contains("2 passed, 0 failed, 0 errors"))
        #expect(!quiet.contains("replaying"))
    }
}
