import Foundation
import Testing

/// `conform test` on a project with what `conform check` calls errors: the cases still run, and the
/// errors are said first, each with its file and line.
@Suite struct TestCommandTests {
    @Test func patternErrorsAreWarnedAboutBeforeTheCasesRun() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-test-cmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "chatbot.yaml": "name: t\nentryPoint: main.sc\n",
            "src/main.sc": "patterns:\n    $empty = ()\ntheme: /\n    state: Hi\n        q!: hi\n        a: hello\n",
            "test/t.xml": "<test><test-case id=\"hi\"><q>hi</q><a>hello</a></test-case></test>\n",
        ]
        try Self.write(files, under: root)
        let result = try runConform(["test", ".", "--no-color", "--no-html", "--junit", "Reports/j.xml", "--coverage", "Reports/c.json"],
                                    in: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let output = result.stdout + result.stderr
        #expect(output.contains("warning: ./src/main.sc:2:14: empty \"()\""), "\(output)")
        #expect(output.contains("1 passed, 0 failed, 0 errors"), "\(output)")
    }

    @Test func botsReadLocalTimeInUTCWhateverTheHostsZone() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-test-cmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "chatbot.yaml": "name: t\nentryPoint: main.sc\n",
            "src/main.sc": "theme: /\n    state: Hour\n        q!: hour\n        a: {{ new Date().getHours() }}:{{ new Date().getMinutes() }}\n",
            "test/t.xml": "<test><test-case id=\"h\"><dateTime>2018-01-29 10:15:00</dateTime><q>hour</q><a>7:15</a></test-case></test>\n",
        ]
        try Self.write(files, under: root)
        let common = ["test", ".", "--no-color", "--no-html", "--junit", "Reports/j.xml", "--coverage", "Reports/c.json"]
        // <dateTime> is read in UTC+3 (--timezone); the bot's local time is UTC, whatever the host's zone.
        for host in ["UTC", "America/New_York", "Europe/Moscow", "Asia/Kolkata"] {
            let result = try runConform(common, environment: ["TZ": host], in: root.path)
            #expect(result.status == 0, "\(host): \(result.stdout)\(result.stderr)")
        }
    }

    @Test func turnTimeoutSetsTheCPULimitOfEveryTurn() throws {
        // A bot that waits on purpose (a busy loop imitating typing) for about 0.3 s of CPU.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-test-cmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "chatbot.yaml": "name: t\nentryPoint: main.sc\n",
            "src/main.sc": "theme: /\n    state: Hi\n        q!: hi\n        script: for (var i = 0, x = 0; i < 3e7; i++) x += i;\n        a: hello\n",
            "test/t.xml": "<test><test-case id=\"hi\"><q>hi</q><a>hello</a></test-case></test>\n",
        ]
        try Self.write(files, under: root)
        let common = ["test", ".", "--no-color", "--no-html", "--junit", "Reports/j.xml", "--coverage", "Reports/c.json"]
        let stopped = try runConform(common + ["--turn-timeout", "0.01"], in: root.path)
        #expect(stopped.status == 1)
        #expect((stopped.stdout + stopped.stderr).contains("0 passed, 0 failed, 1 error"), "\(stopped.stdout)\(stopped.stderr)")
        #expect((stopped.stdout + stopped.stderr).contains("a script ran longer than the turn's 0.01 s limit and was stopped (state /Hi"),
                "\(stopped.stdout)\(stopped.stderr)")
        let allowed = try runConform(common + ["--turn-timeout", "30"], in: root.path)
        #expect((allowed.stdout + allowed.stderr).contains("1 passed, 0 failed, 0 errors"), "\(allowed.stdout)\(allowed.stderr)")
        let refused = try runConform(["test", ".", "--turn-timeout", "0"], in: root.path)
        #expect(refused.status == 2)
    }

    static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}
