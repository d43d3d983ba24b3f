import Foundation
import Testing

/// The seed's deployment settings through the real `conform` binary: `--ref` picks the bot's git
/// revision and names its commit in the JUnit report; `--update` refuses to rewrite in CI.
@Suite(.serialized) struct SeedSettingsCommandTests {
    static func git(_ folder: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "user.name=conform", "-c", "user.email=conform@example.com"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func replayAtEachRefPassesOrFailsAndTheJUnitNamesTheCommit() throws {
        let root = try Fixtures.scratch()
        try FileManager.default.copyItem(atPath: Fixtures.demoBot, toPath: root + "/bot")
        _ = try Self.git(root, ["init", "-q", "-b", "main"])
        _ = try Self.git(root, ["add", "."])
        _ = try Self.git(root, ["commit", "-q", "-m", "v1"])
        _ = try Self.git(root, ["tag", "v1"])
        let v1 = try Self.git(root, ["rev-parse", "v1"])
        let orders = root + "/bot/src/orders.sc"
        let text = try String(contentsOfFile: orders, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "has been shipped.", with: "is on its way.").utf8).write(to: URL(fileURLWithPath: orders))
        _ = try Self.git(root, ["commit", "-q", "-am", "reword"])
        let recordings = Fixtures.root.appendingPathComponent("Recordings/demo").path

        let passing = try runConform(["replay", recordings, "--bot", root + "/bot", "--ref", "v1", "--junit", root + "/v1.xml",
                                        "--no-html", "--coverage", root + "/cov1.json", "--no-color"])
        #expect(passing.status == 0, "\(passing.all)")
        #expect(passing.all.contains("bot at v1 (\(v1.prefix(12)))"))
        let junit = try String(contentsOfFile: root + "/v1.xml", encoding: .utf8)
        #expect(junit.contains(#"<property name="bot.commit" value="\#(v1)"></property>"#))
        #expect(junit.contains(#"<property name="bot.ref" value="v1"></property>"#))

        let failing = try runConform(["replay", recordings, "--bot", root + "/bot", "--ref", "main", "--junit", root + "/main.xml",
                                        "--no-html", "--coverage", root + "/cov2.json", "--no-color"])
        #expect(failing.status == 1)
        #expect(failing.all.contains("5 passed, 2 failed"), "\(failing.all)")

        let unknown = try runConform(["replay", recordings, "--bot", root + "/bot", "--ref", "v9", "--junit", root + "/x.xml"])
        #expect(unknown.status == 2)
        #expect(unknown.all.contains("'v9' is not a branch, tag or commit"))
    }

    @Test func updateRefusesToRewriteRecordingsInCIUnlessForced() throws {
        let recordings = Fixtures.root.appendingPathComponent("Recordings/demo").path
        let refused = try runConform(["replay", recordings, "--update"], environment: ["CI": "true"])
        #expect(refused.status == 2)
        #expect(refused.all.contains("--update rewrites recordings and CI is set"))
    }
}
