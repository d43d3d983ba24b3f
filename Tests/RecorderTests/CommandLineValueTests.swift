import Foundation
import Testing

/// Bad command-line values through the real `conform` binary: exit 2 with a message naming the
/// option or path, and nothing written in the folder it ran in.
@Suite struct CommandLineValueTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func badNumbersBadPathsAndBadAddressesExitTwoNamingTheValue() throws {
        let folder = try Fixtures.scratch()
        let recordings = Self.repository + "/Recordings"
        let bot = Self.repository + "/Recordings/bots/demo"
        let cases: [(arguments: [String], says: String)] = [
            (["replay", recordings, "--jobs", "abc"], "'abc' is invalid for '--jobs <N>'"),
            (["replay", recordings, "--jobs", "0"], "--jobs must be at least 1"),
            (["replay", recordings, "--jobs", "99999999999999999999999"], "--jobs"),
            (["replay", recordings, "--shard", "5/4"], "--shard expects K/N"),
            (["replay", recordings, "--shard", "1/0"], "--shard expects K/N"),
            (["replay", recordings, "--draw-search-limit", "0"], "--draw-search-limit must be at least 1"),
            (["replay", recordings, "--turn-timeout=-1"], "--turn-timeout must be more than 0 seconds"),
            (["replay", recordings, "--min-coverage", "lots"], "'lots' is invalid for '--min-coverage <P>'"),
            (["replay", folder + "/missing"], "missing does not exist"),
            (["replay", recordings, "--bot", folder + "/no-bot"], "is not a JAICP project"),
            (["replay", recordings, "--timezone", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
            (["serve", "--bot", bot, "--listen", "localhost:99999"], "--listen expects HOST:PORT"),
            (["record", "--upstream", "http://127.0.0.1:1", "--listen", "127.0.0.1:port", "--out", folder + "/out"], "--listen expects HOST:PORT"),
            (["test", folder + "/no-bot"], "is not a JAICP project"),
            (["merge", folder + "/missing.xml"], "missing.xml cannot be read"),
        ]
        for item in cases {
            let run = try runConform(item.arguments, in: folder)
            let (status, stderr) = (run.status, run.errors)
            #expect(status == 2, "\(item.arguments.joined(separator: " ")): exit \(status), \(stderr)")
            #expect(stderr.contains(item.says), "\(item.arguments.joined(separator: " ")): \(stderr)")
        }
        #expect(Fixtures.files(under: folder).isEmpty)
    }
}
