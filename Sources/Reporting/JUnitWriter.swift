import ConformJSON
import Foundation
import XMLSupport

/// Writes a `TestReport` as JUnit XML with libxml2 (through `JUnitReportFile`, which a long run feeds
/// case by case instead), checked against the schema conform ships and written through a temporary
/// file and a rename (a CI server never reads half a report or an invalid one).
public enum JUnitWriter {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case invalid([String])
        case xml(XMLError)
        case io(path: String, reason: String)

        public var description: String {
            switch self {
            case .invalid(let problems): "the JUnit report does not match the schema: \(problems.joined(separator: "; "))"
            case .xml(let error): "the JUnit report could not be written: \(error)"
            case .io(let path, let reason): "\(path): \(reason)"
            }
        }
    }

    /// The report as XML text, validated (made as `write` makes the file; for tests and small reports).
    public static func document(_ report: TestReport) throws(Failure) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("conform-junit-\(UUID().uuidString).xml").path
        try write(report, to: path)
        defer { unlink(path) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .io(path: path, reason: "cannot read the report back")
        }
        return text
    }

    /// Writes the report through `JUnitReportFile`: validated, then renamed into place.
    public static func write(_ report: TestReport, to path: String) throws(Failure) {
        let file = try JUnitReportFile(name: report.name, properties: report.properties, timestamp: report.timestamp)
        // Suites are keyed by position: a report may name two suites alike, and they stay two.
        for (index, suite) in report.suites.enumerated() {
            let key = "\(index)"
            file.declare(key, label: suite.name, properties: suite.properties)
            for testCase in suite.cases { try file.add(testCase, suite: key) }
        }
        try file.write(to: path)
    }

    /// Seconds with exactly three decimals, as JUnit consumers parse them.
    public static func seconds(_ t: Double) -> String {
        let millis = Int((max(0, t) * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// `name`, `tests`, `failures`, `errors`, `skipped` and `time`, as `<testsuites>` and `<testsuite>` carry them.
    static func countAttributes(name: String, _ totals: TestTotals) -> [(String, String)] {
        [("name", name), ("tests", "\(totals.tests)"), ("failures", "\(totals.failed)"), ("errors", "\(totals.errors)"),
         ("skipped", "\(totals.skipped)"), ("time", seconds(totals.time))]
    }

    static func propertiesElement(_ properties: [(name: String, value: String)]) -> XMLElement {
        XMLElement("properties", children: properties.map {
            .element(XMLElement("property", attributes: [("name", $0.name), ("value", $0.value)]))
        })
    }

    static func caseElement(_ testCase: TestCaseResult) -> XMLElement {
        var attributes = [("name", testCase.name), ("classname", testCase.classname), ("time", seconds(testCase.time))]
        if let file = testCase.file { attributes.append(("file", file)) }
        if let line = testCase.line { attributes.append(("line", "\(line)")) }
        var element = XMLElement("testcase", attributes: attributes)
        if !testCase.properties.isEmpty { element.append(propertiesElement(testCase.properties)) }
        switch testCase.outcome {
        case .passed:
            break
        case .failed(let message, let details):
            element.append(XMLElement("failure", attributes: [("message", oneLine(message)), ("type", "mismatch")], text: details))
        case .error(let message, let details):
            element.append(XMLElement("error", attributes: [("message", oneLine(message)), ("type", "error")], text: details))
        case .skipped(let reason):
            element.append(XMLElement("skipped", attributes: [("message", oneLine(reason))]))
        }
        if let output = testCase.output { element.append(XMLElement("system-out", text: output)) }
        return element
    }

    /// CI servers show `message` in one line; the full text is in the element body.
    static func oneLine(_ text: String) -> String {
        let first = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        return first.count > 300 ? String(first.prefix(297)) + "…" : first
    }
}
