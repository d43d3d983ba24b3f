import ConformJSON
import Foundation
import XMLSupport

/// Writes a `TestReport` as JUnit XML with libxml2, checked against the schema conform ships before
/// anything touches the disk, and written through a temporary file and a rename (a CI server never
/// reads half a report).
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

    /// The report as XML text, validated.
    public static func document(_ report: TestReport) throws(Failure) -> String {
        let text: String
        do {
            text = try XMLWriter.document(element(report))
        } catch {
            throw .xml(error)
        }
        let problems: [String]
        do {
            problems = try XMLSchemaValidator(schema: JUnitSchema.xsd).validate(text)
        } catch {
            throw .xml(error)
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        return text
    }

    public static func write(_ report: TestReport, to path: String) throws(Failure) {
        let text = try document(report)
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
    }

    /// Seconds with exactly three decimals, as JUnit consumers parse them.
    public static func seconds(_ t: Double) -> String {
        let millis = Int((max(0, t) * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    static func element(_ report: TestReport) -> XMLElement {
        var root = XMLElement("testsuites", attributes: [
            ("name", report.name), ("tests", "\(report.cases.count)"), ("failures", "\(report.failed)"),
            ("errors", "\(report.errors)"), ("skipped", "\(report.skipped)"), ("time", seconds(report.time)),
        ])
        if let timestamp = report.timestamp { root.setAttribute("timestamp", timestamp) }
        for suite in report.suites {
            let failed = suite.cases.filter { if case .failed = $0.outcome { true } else { false } }.count
            let errors = suite.cases.filter { if case .error = $0.outcome { true } else { false } }.count
            let skipped = suite.cases.filter { if case .skipped = $0.outcome { true } else { false } }.count
            var element = XMLElement("testsuite", attributes: [
                ("name", suite.name), ("tests", "\(suite.cases.count)"), ("failures", "\(failed)"),
                ("errors", "\(errors)"), ("skipped", "\(skipped)"), ("time", seconds(suite.time)),
            ])
            if let timestamp = report.timestamp { element.setAttribute("timestamp", timestamp) }
            let properties = report.properties + suite.properties
            if !properties.isEmpty { element.append(propertiesElement(properties)) }
            for testCase in suite.cases { element.append(caseElement(testCase)) }
            root.append(element)
        }
        return root
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
