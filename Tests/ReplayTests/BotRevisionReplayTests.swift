import BotScript
import Foundation
import Replay
import Testing

/// `--ref`: the same recordings replayed against two commits of a bot give the expected pass and fail.
@Suite struct BotRevisionReplayTests {
    /// A git repository holding the demo bot twice: tag `v1` as shipped, the branch's head with
    /// one reply changed.
    static func repository() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.copy(Paths.demoBot, to: "bot")
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", scratch.path, "-c", "user.name=conform", "-c", "user.email=conform@example.com"]
                + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try git("init", "-q", "-b", "main")
        try git("add", ".")
        try git("commit", "-q", "-m", "the shop assistant")
        try git("tag", "v1")
        let orders = scratch.url.appendingPathComponent("bot/src/orders.sc")
        let text = try String(contentsOf: orders, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "has been shipped.", with: "is on its way.").utf8).write(to: orders)
        try scratch.write("bot/src/extra/new.sc", "theme: /\n")
        try git("add", ".")
        try git("commit", "-q", "-m", "reword the shipped status")
        // An uncommitted change in the working tree: --ref must neither see nor touch it.
        try scratch.write("bot/src/main.sc", "this is not a valid bot\n")
        return scratch
    }

    static func status(_ folder: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "status", "--porcelain"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output
    }

    @Test func replayingAgainstEachRefGivesThatRevisionsResult() throws {
        let repository = try Self.repository()
        let before = Self.status(repository.path)
        let bot = repository.path + "/bot"

        let v1 = try BotRevision.checkout(project: bot, ref: "v1")
        defer { v1.remove() }
        #expect(v1.commit.count == 40 && v1.commit.allSatisfy(\.isHexDigit))
        let passed = try ReplayRun(paths: [Paths.demoRecordings], settings: ReplaySettings(botOverride: v1.projectPath), jobs: 2).run()
        #expect(passed.count == 7)
        #expect(passed.allSatisfy { $0.status == .passed }, "\(passed.map { ($0.caseName, $0.status) })")

        let head = try BotRevision.checkout(project: bot, ref: "main")
        defer { head.remove() }
        #expect(head.commit != v1.commit)
        let failed = try ReplayRun(paths: [Paths.demoRecordings], settings: ReplaySettings(botOverride: head.projectPath), jobs: 2).run()
        #expect(failed.filter { $0.status == .failed }.map(\.caseName) == ["prechat-order-status", "sync-dialect"])
        #expect(failed.filter { $0.status == .passed }.count == 5)

        // The user's working tree and index are as they were.
        #expect(Self.status(repository.path) == before)
        #expect(try String(contentsOfFile: bot + "/src/main.sc", encoding: .utf8) == "this is not a valid bot\n")
        // A commit hash works as a ref too.
        let byHash = try BotRevision.checkout(project: bot, ref: String(v1.commit.prefix(10)))
        #expect(byHash.commit == v1.commit)
        byHash.remove()
        #expect(!FileManager.default.fileExists(atPath: byHash.temporaryRoot))
    }

    @Test func refErrorsSayWhatIsWrong() throws {
        let repository = try Self.repository()
        #expect(throws: BotRevisionError.unknownRef("no-such-branch", repository: URL(fileURLWithPath: repository.path)
                    .resolvingSymlinksInPath().path)) {
            try BotRevision.checkout(project: repository.path + "/bot", ref: "no-such-branch")
        }
        #expect(throws: BotRevisionError.projectMissing("bot/src/extra", ref: "v1")) {
            try BotRevision.checkout(project: repository.path + "/bot/src/extra", ref: "v1")
        }
        let outside = try Scratch()
        try outside.copy(Paths.demoBot, to: "bot")
        #expect(throws: BotRevisionError.notInARepository(outside.path + "/bot")) {
            try BotRevision.checkout(project: outside.path + "/bot", ref: "main")
        }
        #expect(BotRevisionError.notInARepository("x").description
            == "--ref needs the bot project to be in a git repository, and x is not (drop --ref to run the files as they are)")
    }
}
