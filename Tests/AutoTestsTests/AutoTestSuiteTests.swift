import AutoTests
import Foundation
import Reporting
import Testing

@Suite struct AutoTestSuiteTests {
    @Test func filesAreAllXMLUnderTestMinusChatbotYamlsExcludes() {
        #expect(AutoTestSuite.testFiles(root: Shop.root, include: [], exclude: ["drafts/**"])
                == ["empty.xml", "main.xml", "orders/http.xml"])
        #expect(AutoTestSuite.testFiles(root: Shop.root, include: ["orders/*.xml", "drafts/*.xml"], exclude: [])
                == ["drafts/broken.xml", "orders/http.xml"])
    }

    @Test func theShopProjectsOwnTestsPassOrSkipWithJUnitNamesFromFilesAndIds() throws {
        let suite = AutoTestSuite(project: try Shop.project(), options: .fixed)
        let report = suite.run()
        #expect(report.suites.map(\.name) == ["main", "orders.http"])
        #expect(report.cases.map { "\($0.classname) › \($0.name) @\($0.file ?? ""):\($0.line ?? 0)" } == [
            "main › greets with buttons @test/main.xml:3",
            "main › case-2 @test/main.xml:14",
            "orders.http › weather @test/orders/http.xml:10",
            "orders.http › order @test/orders/http.xml:15",
            "orders.http › live @test/orders/http.xml:25",
        ])
        #expect(report.passed == 4)
        #expect(report.skipped == 1)
        #expect(report.failed + report.errors == 0)
        let junit = try JUnitWriter.document(report)
        #expect(junit.contains("<testcase name=\"weather\" classname=\"orders.http\""))
    }

    @Test func filtersKeepOnlyMatchingCases() throws {
        let suite = AutoTestSuite(project: try Shop.project(), options: .fixed, filters: ["orders/", "case-2"])
        #expect(suite.run().cases.map(\.name) == ["case-2", "weather", "order", "live"])
    }

    @Test func anUnreadableFileIsAnErrorCaseOfItsOwn() throws {
        let file = XMLTestFile(path: "test/bad.xml", cases: [], problem: XMLTestProblem("not well-formed XML: boom", line: 4))
        let report = AutoTestSuite(project: try Shop.project(), options: .fixed).run(files: [file])
        #expect(report.cases.map(\.name) == ["(file)"])
        #expect(report.cases.first?.outcome == .error(message: "test/bad.xml:4: not well-formed XML: boom",
                                                      details: "line 4: not well-formed XML: boom"))
    }

    @Test func aStrayElementIsAnErrorOfItsOwnAndTheFilesCasesStillRun() throws {
        let file = XMLTestReader().read("""
            <test>
                <text-case id="typo"><q>hi</q></text-case>
                <test-case id="after"><q>/start</q><a>Hello! I am the shop bot.</a><a>What would you like?</a></test-case>
            </test>
            """, path: "test/typo.xml")
        let report = AutoTestSuite(project: try Shop.project(), options: .fixed).run(files: [file])
        #expect(report.cases.map(\.name) == ["(file, line 2)", "after"])
        #expect(report.cases.first?.outcome == .error(
            message: "test/typo.xml:2: <text-case> is not an element of JAICP's XML tests (did you mean <test-case>?)",
            details: "line 2: <text-case> is not an element of JAICP's XML tests (did you mean <test-case>?)"))
        #expect(report.cases.last?.outcome == .passed)
        // A filter selecting a case of the file still shows the file's own problems.
        let filtered = AutoTestSuite(project: try Shop.project(), options: .fixed, filters: ["after"]).run(files: [file])
        #expect(filtered.cases.map(\.name) == ["(file, line 2)", "after"])
        let other = AutoTestSuite(project: try Shop.project(), options: .fixed, filters: ["elsewhere"]).run(files: [file])
        #expect(other.cases.isEmpty)
    }
}
