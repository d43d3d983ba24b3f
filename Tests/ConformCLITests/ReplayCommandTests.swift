import Foundation
import Testing

/// `conform replay`'s exit codes for what is wrong with the run rather than with a recording.
@Suite struct ReplayCommandTests {
    static let recording = """
        {"format": "conform-recording", "version": 1, "channel": {"type": "webim", "dialect": "bot-api-2"},
         "turns": [{"at": "2026-11-25T10:00:00Z", "webhook": {"request": {"method": "POST", "path": "/",
           "headers": {"x-bot-api-version": "2.0"}, "body": {"event": "new_message", "chat_id": 1,
           "message": {"id": "m1", "kind": "visitor", "text": "hi"}}}}}]}
        """

    /// RECORDING-FORMAT.md: exit 2 is for usage and configuration errors — "a conform.yaml naming a
    /// missing bot" among them; the reports still name each recording.
    @Test func aConformYamlNamingAMissingBotOrNotReadingExitsTwo() throws {
        for (yaml, said) in [("bot: bots/nothere\n", "names the bot"), ("bot: [unclosed\n", "conform.yaml")] {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-replay-cmd-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try Data(yaml.utf8).write(to: root.appendingPathComponent("conform.yaml"))
            try Data(Self.recording.utf8).write(to: root.appendingPathComponent("r.json"))
            let result = try runConform(["replay", ".", "--no-color", "--junit", "Reports/j.xml"], in: root.path)
            #expect(result.status == 2, "\(yaml): \(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains("error: ") && result.stderr.contains(said), "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Reports/j.xml").path))
        }
    }
}

extension ReplayCommandTests {
    /// `conform replay Recordings/ | head -1`: the reader goes away after a line, and the run still
    /// finishes and writes its reports (no SIGPIPE, no crash on the failed write).
    @Test func aReaderThatGoesAwayDoesNotStopTheReports() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-replay-cmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("Recordings"), toPath: root.appendingPathComponent("Recordings").path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.conformBinary)
        process.arguments = ["replay", "Recordings/", "--no-color"]
        process.currentDirectoryURL = root
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try stdout.fileHandleForReading.close()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Reports/junit.xml").path))
    }
}

extension ReplayCommandTests {
    /// JUnit classnames start at the folder given, by its own name, whatever the working directory or
    /// however the folder is written: shards run from different places merge into the same classes.
    @Test func classnamesDoNotDependOnTheWorkingDirectory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-replay-cmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let recordings = root.appendingPathComponent("Recordings")
        try FileManager.default.copyItem(atPath: Repository.path("Recordings"), toPath: recordings.path)
        func classnames(_ folder: String, from directory: URL) throws -> Set<String> {
            let junit = root.appendingPathComponent("j-\(UUID().uuidString).xml").path
            let result = try runConform(["replay", folder, "--no-color", "--junit", junit], in: directory.path)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            let xml = try String(contentsOfFile: junit, encoding: .utf8)
            return Set(xml.components(separatedBy: "classname=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) })
        }
        let expected: Set = ["Recordings.demo"]
        #expect(try classnames("Recordings/", from: root) == expected)
        #expect(try classnames(".", from: recordings) == expected)
        #expect(try classnames(recordings.path, from: recordings.appendingPathComponent("demo")) == expected)
    }
}

extension ReplayCommandTests {
    /// `--filter` is repeatable, as `conform test`'s is: a recording runs when any of them matches.
    @Test func filtersAreRepeatableAndAnyMatchRuns() throws {
        let result = try runConform(["replay", "Recordings/", "--no-color", "--filter", "prechat", "--filter", "sync-dialect",
                                     "--junit", FileManager.default.temporaryDirectory.appendingPathComponent("j-\(UUID().uuidString).xml").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("2 passed, 0 failed, 0 errors"), "\(result.stdout)")
        let none = try runConform(["replay", "Recordings/", "--filter", "nothing-like-it"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("matching --filter 'nothing-like-it'"), "\(none.stderr)")
    }
}
