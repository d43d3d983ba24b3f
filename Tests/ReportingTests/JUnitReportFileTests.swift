import Foundation
import Reporting
import Testing
import XMLSupport

/// A JUnit report fed one testcase at a time (what `conform replay` does as recordings finish) says
/// exactly what the same report written whole says, and never leaves a half or invalid file.
@Suite struct JUnitReportFileTests {
    func path(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("conform-junit-test-\(UUID().uuidString)/\(name)").path
    }

    func testCase(_ name: String, _ classname: String, _ outcome: TestCaseResult.Outcome, time: Double) -> TestCaseResult {
        TestCaseResult(classname: classname, name: name, file: "\(classname)/\(name).json", time: time, outcome: outcome,
                       output: "turn 1 · visitor: \"hi\" & <bye>", properties: [("dialect", "bot-api-2")])
    }

    @Test func casesAddedAsTheyComeAreGroupedBySuiteInFirstMetOrderWithMatchingCounts() throws {
        let file = try JUnitReportFile(name: "conform replay", properties: [("conform.version", "t")], timestamp: "2026-11-26T00:00:00Z")
        try file.add(testCase("a1", "rec.a", .passed, time: 0.25), suite: "rec.a")
        try file.add(testCase("b1", "rec.b", .failed(message: "b1: turn 1: $.body differs", details: "turn 1 · $.body\n  - 1\n  + 2"), time: 0.5),
                     suite: "rec.b", label: "Shop bot")
        try file.add(testCase("a2", "rec.a", .error(message: "no bot", details: "no bot at ../x"), time: 0.125), suite: "rec.a", label: "Alpha")
        #expect(file.totals.tests == 3 && file.totals.failed == 1 && file.totals.errors == 1 && file.totals.passed == 1)
        #expect(file.suiteLabels.map(\.key) == ["rec.a", "rec.b"])
        #expect(file.suiteLabels.map(\.label) == ["Alpha", "Shop bot"])
        let target = path("Reports/junit.xml")
        try file.write(to: target)
        let text = try String(contentsOfFile: target, encoding: .utf8)

        // The same cases as a whole report, written by the whole-report writer, read the same.
        let whole = TestReport(name: "conform replay", suites: [
            TestSuiteResult(name: "Alpha", cases: [testCase("a1", "rec.a", .passed, time: 0.25),
                                                   testCase("a2", "rec.a", .error(message: "no bot", details: "no bot at ../x"), time: 0.125)]),
            TestSuiteResult(name: "Shop bot", cases: [testCase("b1", "rec.b", .failed(message: "b1: turn 1: $.body differs",
                                                                                     details: "turn 1 · $.body\n  - 1\n  + 2"), time: 0.5)]),
        ], properties: [("conform.version", "t")], timestamp: "2026-11-26T00:00:00Z")
        #expect(try JUnitWriter.document(whole) == text)

        let root = try XMLReader.parse(text)
        #expect(root[attribute: "tests"] == "3")
        #expect(root[attribute: "time"] == "0.875")
        let suites = root.elements(named: "testsuite")
        #expect(suites.map { $0[attribute: "name"] } == ["Alpha", "Shop bot"])
        #expect(suites.map { $0[attribute: "tests"] } == ["2", "1"])
        #expect(suites.map { $0[attribute: "errors"] } == ["1", "0"])
        #expect(suites.map { $0[attribute: "time"] } == ["0.375", "0.500"])
        #expect(suites[0].elements(named: "testcase").map { $0[attribute: "name"] } == ["a1", "a2"])
        #expect(suites[1].elements(named: "testcase").first?.elements(named: "failure").first?[attribute: "message"]
                == "b1: turn 1: $.body differs")
        #expect(suites[0].elements(named: "properties").first?.elements.map { $0[attribute: "name"] } == ["conform.version"])
        #expect(suites[0].elements(named: "testcase").first?.elements(named: "system-out").first?.text == "turn 1 · visitor: \"hi\" & <bye>")
    }

    @Test func theScratchFileIsNeverLeftInTheTempDirectoryAndCasesMayFollowAWrite() throws {
        func scratchFiles() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
                .filter { $0.hasPrefix("conform-junit-") && $0.hasSuffix(".part") }
        }
        let before = Set(try scratchFiles())
        let file = try JUnitReportFile(name: "r")
        try file.add(testCase("a1", "x.a", .passed, time: 0), suite: "x.a")
        // Unlinked while the report is still open: an interrupted run leaves nothing behind. (Files of
        // other runs, or an older build's leftovers, are not this report's.)
        #expect(Set(try scratchFiles()).subtracting(before).isEmpty)
        let first = path("first.xml"), second = path("second.xml")
        try file.write(to: first)
        try file.add(testCase("a2", "x.a", .passed, time: 0), suite: "x.a")
        try file.write(to: second)
        let cases = try XMLReader.parse(String(contentsOfFile: second, encoding: .utf8))
            .elements(named: "testsuite").first?.elements(named: "testcase").map { $0[attribute: "name"] }
        #expect(cases == ["a1", "a2"])
        #expect(try XMLReader.parse(String(contentsOfFile: first, encoding: .utf8))[attribute: "tests"] == "1")
    }

    @Test func suiteNamesCanBeGivenAtWriteTimeAndEmptySuitesAreKept() throws {
        let file = try JUnitReportFile(name: "r")
        try file.add(testCase("a1", "x.a", .passed, time: 0), suite: "x.a", label: "Same")
        file.declare("x.b", label: "Empty", properties: [("shard", "2/2")])
        let target = path("junit.xml")
        try file.write(to: target, suiteNames: ["x.a": "Same (x.a)"])
        let suites = try XMLReader.parse(String(contentsOfFile: target, encoding: .utf8)).elements(named: "testsuite")
        #expect(suites.map { $0[attribute: "name"] } == ["Same (x.a)", "Empty"])
        #expect(suites[1][attribute: "tests"] == "0")
        #expect(suites[1].elements(named: "properties").first?.elements.first?[attribute: "value"] == "2/2")
    }

    @Test func anInvalidReportIsNeverWrittenAndLeavesNoTemporaryFile() throws {
        let file = try JUnitReportFile(name: "r")
        // An empty classname breaks conform's schema (CI parsers need one).
        try file.add(testCase("a1", "", .passed, time: 0), suite: "s")
        let target = path("junit.xml")
        #expect(throws: JUnitWriter.Failure.self) { try file.write(to: target) }
        do {
            try file.write(to: target)
        } catch {
            guard case .invalid(let problems) = error else { Issue.record("wrong error \(error)"); return }
            #expect(problems.first?.contains("classname") == true)
        }
        let folder = (target as NSString).deletingLastPathComponent
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    @Test func thousandsOfCasesStreamIntoOneValidReport() throws {
        let file = try JUnitReportFile(name: "r")
        for index in 0..<3_000 {
            let outcome: TestCaseResult.Outcome = index % 100 == 7 ? .failed(message: "m\(index)", details: "d") : .passed
            try file.add(testCase(String(format: "c%05d", index), "p.part\(index % 3)", outcome, time: 0.001), suite: "p.part\(index % 3)")
        }
        let target = path("junit.xml")
        try file.write(to: target)
        let root = try XMLReader.parse(String(contentsOfFile: target, encoding: .utf8))
        #expect(root[attribute: "tests"] == "3000")
        #expect(root[attribute: "failures"] == "30")
        #expect(root[attribute: "time"] == "3.000")
        let suites = root.elements(named: "testsuite")
        #expect(suites.map { $0.elements(named: "testcase").count } == [1_000, 1_000, 1_000])
        #expect(suites[1].elements(named: "testcase").prefix(2).map { $0[attribute: "name"] } == ["c00001", "c00004"])
    }
}
