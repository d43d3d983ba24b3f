import Foundation
import XMLSupport

/// Joins JUnit reports written by shards of one run (`conform replay --shard k/n`) into one:
/// suites of the same name are combined, counts and times recomputed, run properties kept once.
public enum JUnitMerger {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unreadable(String)
        case invalid(file: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let file): "\(file) cannot be read"
            case .invalid(let file, let reason): "\(file) is not a JUnit report: \(reason)"
            }
        }
    }

    /// The merged report as XML text (validated like every report conform writes).
    public static func merge(files: [String]) throws -> String {
        var suites: [(name: String, element: XMLElement)] = []
        var runProperties: [(String, String)] = []
        var seenProperties = Set<String>()
        var name = "conform"
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw Failure.unreadable(file)
            }
            let root: XMLElement
            do {
                root = try XMLReader.parse(text, name: file)
            } catch {
                throw Failure.invalid(file: file, reason: "\(error)")
            }
            let list: [XMLElement]
            switch root.name {
            case "testsuites":
                list = root.elements(named: "testsuite")
                name = root[attribute: "name"] ?? name
            case "testsuite": list = [root]
            default: throw Failure.invalid(file: file, reason: "its root element is <\(root.name)>")
            }
            for suite in list {
                var cases = suite
                cases.children = suite.children.filter {
                    if case .element(let e) = $0, e.name == "properties" {
                        for property in e.elements(named: "property") {
                            let key = (property[attribute: "name"] ?? "") + "=" + (property[attribute: "value"] ?? "")
                            // A shard property differs per shard; it is dropped from the merged report.
                            if property[attribute: "name"] != "shard", seenProperties.insert(key).inserted {
                                runProperties.append((property[attribute: "name"] ?? "", property[attribute: "value"] ?? ""))
                            }
                        }
                        return false
                    }
                    return true
                }
                let suiteName = suite[attribute: "name"] ?? "suite"
                if let index = suites.firstIndex(where: { $0.name == suiteName }) {
                    suites[index].element.children += cases.children
                } else {
                    suites.append((suiteName, cases))
                }
            }
        }
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0, time: 0.0)
        var root = XMLElement("testsuites", attributes: [("name", name)])
        for (_, var suite) in suites {
            let cases = suite.elements(named: "testcase")
            let failures = cases.filter { !$0.elements(named: "failure").isEmpty }.count
            let errors = cases.filter { !$0.elements(named: "error").isEmpty }.count
            let skipped = cases.filter { !$0.elements(named: "skipped").isEmpty }.count
            let time = cases.reduce(0.0) { $0 + (Double($1[attribute: "time"] ?? "0") ?? 0) }
            suite.setAttribute("tests", "\(cases.count)")
            suite.setAttribute("failures", "\(failures)")
            suite.setAttribute("errors", "\(errors)")
            suite.setAttribute("skipped", "\(skipped)")
            suite.setAttribute("time", JUnitWriter.seconds(time))
            if !runProperties.isEmpty {
                suite.children.insert(.element(JUnitWriter.propertiesElement(runProperties.map { (name: $0.0, value: $0.1) })), at: 0)
            }
            totals = (totals.tests + cases.count, totals.failures + failures, totals.errors + errors, totals.skipped + skipped,
                      totals.time + time)
            root.append(suite)
        }
        root.setAttribute("tests", "\(totals.tests)")
        root.setAttribute("failures", "\(totals.failures)")
        root.setAttribute("errors", "\(totals.errors)")
        root.setAttribute("skipped", "\(totals.skipped)")
        root.setAttribute("time", JUnitWriter.seconds(totals.time))
        let text = try XMLWriter.document(root)
        let problems = try XMLSchemaValidator(schema: JUnitSchema.xsd).validate(text)
        guard problems.isEmpty else { throw JUnitWriter.Failure.invalid(problems) }
        return text
    }
}
