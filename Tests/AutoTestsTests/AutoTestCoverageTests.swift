import AutoTests
import BotRuntime
import BotScript
import ConformJSON
import Foundation
import Reporting
import Testing

/// `conform test` counts coverage as replay does: every state a request entered (the target and `go!`
/// targets), every trigger that won a request. `Fixtures/coverage` is a bot written for these counts.
@Suite struct AutoTestCoverageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/coverage").path

    static func run() throws -> (report: TestReport, coverage: Coverage) {
        var options = AutoTestOptions()
        options.now = 1_738_314_000_000
        return AutoTestSuite(project: try ProjectLoader().load(at: root), options: options).runWithCoverage()
    }

    @Test func statesEnteredAndTriggersWonAreCountedExactly() throws {
        let (report, coverage) = try Self.run()
        #expect(report.passed == 3)
        #expect(report.skipped == 1)
        #expect(coverage.states == [
            "/Start": 2,           // /start, twice
            "/Menu": 2,            // through go! from /Start
            "/Prices": 2,          // a button's transition: the state and the button (line 12) count
            "/Prices/Cheaper": 2,  // the second time from the context noContext /Help left alone
            "/Help": 1,
            "/Thanks": 1,
            "/Never": 0,           // only the skipped integration case asks for it
            "/NoMatch": 1,
        ])
        #expect(coverage.triggers == [
            "src/main.sc:5": 2, "src/main.sc:12": 2, "src/main.sc:13": 0, "src/main.sc:19": 2, "src/main.sc:23": 1,
            "src/main.sc:27": 1, "src/main.sc:31": 0, "src/main.sc:35": 1,
        ])
        #expect(coverage.coveredStates == 7)
        #expect(coverage.coveredTriggers == 6)
        #expect(coverage.neverEntered.map(\.path) == ["/Never"])
        #expect(coverage.neverEntered.first?.location.map { "\($0.file):\($0.line)" } == "src/main.sc:30")
    }

    @Test func aFilteredRunCountsOnlyTheCasesItRan() throws {
        var options = AutoTestOptions()
        options.now = 1_738_314_000_000
        let suite = AutoTestSuite(project: try ProjectLoader().load(at: Self.root), options: options, filters: ["no match"])
        let (report, coverage) = suite.runWithCoverage()
        #expect(report.cases.map(\.name) == ["no match, then thanks"])
        #expect(coverage.states.filter { $0.value > 0 }.keys.elements == ["/Thanks", "/NoMatch"])
        #expect(coverage.triggers.filter { $0.value > 0 } == ["src/main.sc:27": 1, "src/main.sc:35": 1])
    }

    @Test func coverageJSONHasTheDocumentedShape() throws {
        let json = try Self.run().coverage.json
        #expect(JSONWriter.compact(json) == #"{"states":{"total":8,"covered":7,"byPath":{"/Start":2,"/Menu":2,"/Prices":2,"/Prices/Cheaper":2,"/Help":1,"/Thanks":1,"/Never":0,"/NoMatch":1}},"triggers":{"total":8,"covered":6,"byLocation":{"src/main.sc:5":2,"src/main.sc:12":2,"src/main.sc:13":0,"src/main.sc:19":2,"src/main.sc:23":1,"src/main.sc:27":1,"src/main.sc:31":0,"src/main.sc:35":1}}}"#)
    }
}

/// The `conform test` command: coverage.json, the summary line, `--min-coverage`, the HTML report.
@Suite struct TestCommandCoverageTests {
    /// The `conform` executable SwiftPM built next to this test bundle.
    static var conformBinary: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent()
        while !folder.path.isEmpty, folder.path != "/" {
            let candidate = folder.appendingPathComponent("conform").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return ".build/debug/conform"
    }

    static func conformTest(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: conformBinary)
        process.arguments = ["test", AutoTestCoverageTests.root, "--no-color", "--now", "2025-01-31 12:00:00",
                             "--junit", folder.appendingPathComponent("junit.xml").path,
                             "--coverage", folder.appendingPathComponent("coverage.json").path,
                             "--html", folder.appendingPathComponent("index.html").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func writesCoveragePrintsTheSummaryAndHoldsTheFloor() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conform-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let passing = try Self.conformTest(["--min-coverage", "87.5", "--verbose"], in: folder)
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.contains("states covered: 7/8 (87.5%), triggers won: 6/8"))
        #expect(passing.output.contains("  never entered: /Never  src/main.sc:30:5"))
        let json = try JSONParser.parse(bytes: Array(try Data(contentsOf: folder.appendingPathComponent("coverage.json"))))
        #expect(json["states"]?["byPath"]?["/Prices/Cheaper"] == 2)
        #expect(json["triggers"]?["byLocation"]?["src/main.sc:5"] == 2)
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains(#"<li class="uncovered" title="/Never">"#))
        #expect(html.contains("7 of 8 states entered (87.5%)"))

        let failing = try Self.conformTest(["--min-coverage", "90"], in: folder)
        #expect(failing.status == 1)
        #expect(failing.output.contains("state coverage 87.5% is below --min-coverage 90.0%"))

        let noHTML = folder.appendingPathComponent("index.html")
        try FileManager.default.removeItem(at: noHTML)
        #expect(try Self.conformTest(["--no-html"], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: noHTML.path))
    }
}
