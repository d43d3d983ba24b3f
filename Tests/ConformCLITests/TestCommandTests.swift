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
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let result = try runConform(["test", ".", "--no-color", "--no-html", "--junit", "Reports/j.xml", "--coverage", "Reports/c.json"],
                                    in: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let output = result.stdout + result.stderr
        #expect(output.contains("warning: ./src/main.sc:2:14: empty \"()\""), "\(output)")
        #expect(output.contains("1 passed, 0 failed, 0 errors"), "\(output)")
    }
}
