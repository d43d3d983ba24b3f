import Foundation
import Reporting
import Testing
import XMLSupport

/// Documents streamed piece by piece (a long run's JUnit report) read exactly like documents written
/// whole, and are validated as a stream.
@Suite struct XMLStreamingTests {
    func scratchPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("conform-xml-\(UUID().uuidString)-\(name)").path
    }

    var testcase: XMLElement {
        var testcase = XMLElement("testcase", attributes: [("name", "a & <b>"), ("classname", "demo.x"), ("time", "0.010")])
        testcase.append(XMLElement("properties", children: [.element(XMLElement("property", attributes: [("name", "k"), ("value", "v")]))]))
        testcase.append(XMLElement("failure", attributes: [("message", "m"), ("type", "mismatch")], text: "line 1\nline 2 ]]> \u{1}"))
        return testcase
    }

    @Test func aFragmentIsExactlyTheElementAsItReadsInsideTheWholeDocument() throws {
        let suite = XMLElement("testsuite", attributes: [("name", "s"), ("tests", "1")], children: [.element(testcase)])
        let whole = try XMLWriter.document(XMLElement("testsuites", children: [.element(suite)]))
        let fragment = try XMLWriter.fragment(testcase, depth: 2)
        #expect(fragment.hasPrefix("\n    <testcase name=\"a &amp; &lt;b&gt;\""))
        #expect(whole.contains(fragment + "\n  </testsuite>"))
        #expect(fragment.contains("\n      <properties>\n        <property name=\"k\" value=\"v\"></property>\n      </properties>"))
        // Text keeps its own line breaks and loses only what XML forbids.
        #expect(fragment.contains(">line 1\nline 2 ]]&gt; </failure>"))
    }

    @Test func aStreamedDocumentEqualsTheSameDocumentWrittenWhole() throws {
        let path = scratchPath("streamed.xml")
        defer { unlink(path) }
        let out = try XMLFileWriter(path: path)
        try out.open(XMLElement("testsuites", attributes: [("tests", "2")]), depth: 0)
        try out.open(XMLElement("testsuite", attributes: [("name", "s"), ("tests", "2")]), depth: 1)
        try out.raw(Array(try XMLWriter.fragment(testcase, depth: 2).utf8))
        try out.element(testcase, depth: 2)
        try out.close(depth: 1)
        try out.close(depth: 0)
        try out.finish()
        let suite = XMLElement("testsuite", attributes: [("name", "s"), ("tests", "2")], children: [.element(testcase), .element(testcase)])
        let whole = try XMLWriter.document(XMLElement("testsuites", attributes: [("tests", "2")], children: [.element(suite)]))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == whole)
        #expect(throws: XMLError.self) { try out.close(depth: 0) }
    }

    @Test func fileValidationStreamsAndNamesTheLineOfEachProblem() throws {
        let validator = try XMLSchemaValidator(schema: JUnitSchema.xsd)
        let path = scratchPath("check.xml")
        defer { unlink(path) }
        try Data("""
            <testsuites>
              <testsuite name="s" tests="1">
                <testcase name="t"/>
              </testsuite>
            </testsuites>
            """.utf8).write(to: URL(fileURLWithPath: path))
        let problems = try validator.validateFile(path)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("line 3: ") == true)
        #expect(problems.first?.contains("classname") == true)

        try Data("<testsuites>\n<testsuite name=\"s\" tests=\"1\"></testsuites>".utf8).write(to: URL(fileURLWithPath: path))
        let malformed = try validator.validateFile(path)
        #expect(malformed.first?.hasPrefix("line 2: ") == true, "\(malformed)")

        try Data("<testsuites><testsuite name=\"s\" tests=\"0\"></testsuite></testsuites>".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try validator.validateFile(path) == [])
    }
}
