import Foundation
import Reporting
import Testing

/// `scripts/check-html-report` renders a report in headless Chromium and checks the screenshot. These
/// run only where Chromium is installed (CI need not install it; see the README).
enum Chromium {
    static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

@Suite(.enabled(if: Chromium.path != nil, "Chromium is not installed"))
struct HTMLRenderingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs the script on `page`; its exit status and output.
    static func check(_ page: String) throws -> (status: Int32, output: String, png: Data?) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conform-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("index.html")
        try Data(page.utf8).write(to: html)
        let process = Process()
        process.executableURL = repository.appendingPathComponent("scripts/check-html-report")
        process.arguments = [html.path]
        // A laptop's width; half a screen of height keeps the pixel check quick.
        process.environment = ProcessInfo.processInfo.environment.merging(["HEIGHT": "900"]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, FileManager.default.contents(atPath: folder.appendingPathComponent("index.png").path))
    }

    @Test func aReportWithAFailingConversationRendersInChromium() throws {
        let turn = ReportedTurn(number: 1, visitor: [.text("<script>alert(\"x\")</script> where is my order?")],
                                expected: [.text("Your order number?"), .buttons([["Track"], ["Talk to a person"]])],
                                actual: [.text("Which order?"), .buttons([["Track"], ["Call me"]]), .event("closes the chat")],
                                variables: [VariableDifference(name: "$session.asked", expected: "true", actual: nil)])
        let cases = [
            TestCaseResult(classname: "recordings.demo", name: "ok", time: 0.1, outcome: .passed),
            TestCaseResult(classname: "recordings.demo", name: "order", time: 0.2, outcome: .failed(message: "turn 1 differs", details: ""),
                           differences: [ReportedDifference(turn: 1, path: "turns[0].calls[0].request.body.message.text",
                                                            expected: "\"Your order number?\"", actual: "\"Which order?\"")],
                           conversation: [turn]),
        ]
        let report = TestReport(name: "conform replay", suites: [TestSuiteResult(name: "recordings.demo", cases: cases)])
        let coverage = ReportedCoverage(bot: "bots/demo", states: [.init(path: "/Start", hits: 2), .init(path: "/Bye", hits: 0)],
                                        triggers: 3, triggersWon: 1)
        let result = try Self.check(HTMLReportWriter.document(report, coverage: [coverage]))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("rendered "))
        #expect(result.png?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true)
    }

    @Test func aBlankPageFailsTheCheck() throws {
        let result = try Self.check("<!DOCTYPE html><html><body></body></html>")
        #expect(result.status == 1)
        #expect(result.output.contains("the page is (nearly) empty"))
    }

    @Test func aPageWithoutTheReportsStyleFailsTheCheck() throws {
        let lines = (1...120).map { "<p>unstyled line \($0) of a page that is not a conform report</p>" }.joined()
        let result = try Self.check("<!DOCTYPE html><html><body>\(lines)</body></html>")
        #expect(result.status == 1)
        #expect(result.output.contains("none of the report's status colours appear"))
    }
}
