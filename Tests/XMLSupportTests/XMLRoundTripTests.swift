import Reporting
import Testing
import XMLSupport

@Suite struct XMLRoundTripTests {
    static let hostile = "a <tag> & \"quoted\" 'single' ]]> ctrl\u{1}\u{8}\u{1B} emoji 🎉 Привет, ёлка\ttab\nnewline"
    static let cleaned = "a <tag> & \"quoted\" 'single' ]]> ctrl emoji 🎉 Привет, ёлка\ttab\nnewline"

    func report(_ text: String) -> XMLElement {
        var testcase = XMLElement("testcase", attributes: [("name", text), ("classname", "demo.suite"), ("time", "0.012")])
        testcase.append(XMLElement("failure", attributes: [("message", text), ("type", "mismatch")], text: text))
        testcase.append(XMLElement("system-out", text: text))
        var suite = XMLElement("testsuite", attributes: [("name", "demo"), ("tests", "1"), ("failures", "1"),
                                                         ("errors", "0"), ("time", "0.012")])
        suite.append(testcase)
        return XMLElement("testsuites", attributes: [("tests", "1")], children: [.element(suite)])
    }

    @Test func hostileTextRoundTripsWithForbiddenCharactersStripped() throws {
        let text = try XMLWriter.document(report(Self.hostile))
        #expect(!text.contains("\u{1}"))
        let read = try XMLReader.parse(text)
        let testcase = try #require(read.elements(named: "testsuite").first?.elements(named: "testcase").first)
        #expect(testcase[attribute: "name"] == Self.cleaned.replacingTabsAndNewlinesInAttribute())
        #expect(testcase.elements(named: "failure").first?.text == Self.cleaned)
        #expect(testcase.elements(named: "system-out").first?.text == Self.cleaned)
    }

    @Test func writtenReportValidatesAgainstShippedJUnitSchema() throws {
        let validator = try XMLSchemaValidator(schema: JUnitSchema.xsd)
        let text = try XMLWriter.document(report(Self.hostile))
        #expect(try validator.validate(text) == [])
    }

    @Test func schemaRejectsWhatCIParsersWouldNot() throws {
        let validator = try XMLSchemaValidator(schema: JUnitSchema.xsd)
        let noClassname = """
            <testsuites><testsuite name="s" tests="1"><testcase name="t"/></testsuite></testsuites>
            """
        let problems = try validator.validate(noClassname)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("classname") == true)
        let badTime = """
            <testsuites><testsuite name="s" tests="1" time="0.12345"><testcase name="t" classname="a.b"/></testsuite></testsuites>
            """
        #expect(try validator.validate(badTime).count == 1)
    }

    @Test func readerReportsLineOfMalformedXML() {
        #expect(throws: XMLError.self) { try XMLReader.parse("<test>\n  <q>hi</q>\n  <a>unclosed\n</test>") }
        do {
            _ = try XMLReader.parse("<test>\n  <q>hi</q>\n  <a>unclosed\n</test>")
        } catch {
            guard case .malformed(_, let line, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(line == 4)
        }
    }

    @Test func malformedXMLIsReportedWhereItFirstGoesWrongNotAtTheEnd() {
        let text = "<test>\n  <test-case>\n    <mail body=\"a <br> b\"/>\n  </test-case>\n  <test-case/>\n</test>\n"
        do {
            _ = try XMLReader.parse(text)
            Issue.record("expected an error")
        } catch {
            guard case .malformed(let message, let line, let column) = error else { Issue.record("wrong error \(error)"); return }
            #expect(line == 3 && column == 19, "\(error)")  // the "<"
            #expect(message == "Unescaped '<' not allowed in attributes values")
        }
    }

    @Test func readerKeepsLinesAndDoesNotResolveExternalEntities() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE test [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <test>
              <test-case id="one">
                <q>&secret;</q>
              </test-case>
            </test>
            """
        let root = try XMLReader.parse(xml)
        let q = try #require(root.elements(named: "test-case").first?.elements(named: "q").first)
        #expect(q.line == 5)
        #expect(!q.text.contains("root:"))
    }

    @Test func invalidNamesAreErrorsNotBrokenDocuments() {
        #expect(throws: XMLError.invalidName("1bad")) { try XMLWriter.document(XMLElement("1bad")) }
    }

    @Test func namesAreCheckedTheSameWithAndWithoutNonASCIILetters() {
        for name in ["testcase", "system-out", "_x", "ns:a.b-1", "Z9", "имя", "тест-1"] {
            #expect(XMLText.isValidName(name), "\(name)")
        }
        for name in ["", "1bad", "-a", ".a", "a b", "a@b", "a[b", "a`", "a{", "a/b", "я b", "9я"] {
            #expect(!XMLText.isValidName(name), "\(name)")
        }
    }

    @Test func sanitizingKeepsAllowedTextAsItIsAndDropsOnlyForbiddenCharacters() {
        let plain = "ASCII text ~ with\ttab\r\nand DEL\u{7F}"
        #expect(XMLText.sanitized(plain) == plain)
        #expect(XMLText.sanitized("a\u{0}b\u{1F}c\u{8}") == "abc")
        #expect(XMLText.sanitized("ёлка\u{1}🎉\u{FFFE}\u{FFFD}") == "ёлка🎉\u{FFFD}")
        #expect(XMLText.sanitized(Self.hostile) == Self.cleaned)
        // Not ASCII but allowed throughout: kept as it is, neighbours of U+FFFE/U+FFFF included.
        let wide = "Ваш заказ №10042 — в пути 🚚 \u{FFFD}\u{FFEF}\u{EFBF}\u{10FFFF}"
        #expect(XMLText.sanitized(wide) == wide)
        #expect(XMLText.sanitized("\u{FFFF}x\u{FFFE}") == "x")
    }
}

extension String {
    /// Attribute values are normalized by XML parsers (tab and newline become spaces) unless written as
    /// character references; libxml2's writer escapes them, so they survive.
    func replacingTabsAndNewlinesInAttribute() -> String { self }
}
