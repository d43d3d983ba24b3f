@testable import AutoTests
import ConformJSON
import Foundation
import Testing

@Suite struct XMLTestReaderTests {
    static let everyElement = """
        <test>
            <test-case id="all">
                <dateTime>2018-01-29 10:15:00</dateTime>
                <context var="session">{cart: 2}</context>
                <context var="client">{"name": "Ann"}</context>
                <state>Ask</state>
                <requestData>{"eventData": [{"url": "u"}]}</requestData>
                <rawRequest>{"message": {"from": "Ann"}}</rawRequest>
                <random>1, 2 3</random>
                <mockData>
                    <query method="post">https://x.test/${id}</query>
                    <parameters><id>7</id></parameters>
                    <body>{"a": 1}</body>
                    <response type="text" status="404">  gone  </response>
                </mockData>
                <q>  hello  </q>
                <a state="/S" class="/C" contains="ell">Hello!</a>
                <a/>
                <event>fileEvent</event>
                <request>{query: "hi"}</request>
                <responseData field="replies[0]">{"type": "text"}</responseData>
                <newSession message="/start"/>
                <timeoutReply interval="3" targetState="/T"/>
                <timeout/>
                <mail to="a@b.c"><subject>Hi</subject></mail>
            </test-case>
        </test>
        """

    @Test func readsEveryElementOfTheReferenceInOrderWithItsLine() throws {
        let file = XMLTestReader().read(Self.everyElement, path: "test/all.xml")
        #expect(file.problem == nil)
        let testCase = try #require(file.cases.first)
        #expect(testCase.unsupported == [])
        #expect(testCase.name == "all")
        #expect(testCase.line == 2)
        #expect(testCase.steps == [
            .dateTime(ms: 1_517_210_100_000, text: "2018-01-29 10:15:00", line: 3),
            .context(.session, ["cart": 2], line: 4),
            .context(.client, ["name": "Ann"], line: 5),
            .state("Ask", line: 6),
            .requestData(["eventData": [["url": "u"]]], line: 7),
            .rawRequest(["message": ["from": "Ann"]], line: 8),
            .random([1, 2, 3], line: 9),
            .mock(HTTPMockData(method: "POST", url: "https://x.test/7", body: ["a": 1], status: 404, response: "gone", line: 10)),
            .query("hello", line: 16),
            .answer(AnswerExpectation(text: "Hello!", state: "/S", classState: "/C", contains: "ell", line: 17)),
            .answer(AnswerExpectation(line: 18)),
            .event("fileEvent", line: 19),
            .request(["query": "hi"], line: 20),
            .responseData(field: "replies[0]", expected: ["type": "text"], line: 21),
            .newSession(message: "/start", line: 22),
            .timeoutReply(interval: 3, targetState: "/T", line: 23),
            .timeout(line: 24),
            .mail(MailExpectation(fields: ["to": "a@b.c", "subject": "Hi"], line: 25)),
        ])
    }

    @Test func stepsWrappedInAStateFollowIt() throws {
        let xml = """
            <test><test-case>
                <state>/Ask
                    <q>yes</q>
                    <a>You said yes.</a>
                </state>
            </test-case></test>
            """
        let testCase = try #require(XMLTestReader().read(xml, path: "test/t.xml").cases.first)
        #expect(testCase.steps == [.state("/Ask", line: 2), .query("yes", line: 3),
                                   .answer(AnswerExpectation(text: "You said yes.", line: 4))])
    }

    @Test func dateTimeIsReadInUTCPlus3UnlessAnotherZoneIsGiven() throws {
        let xml = "<test><test-case><dateTime>2018-01-29 10:15:00</dateTime></test-case></test>"
        let moscow = XMLTestReader().read(xml, path: "test/t.xml").cases[0].steps
        let utc = XMLTestReader(timeZone: try #require(TestClock.zone(named: "UTC"))).read(xml, path: "test/t.xml").cases[0].steps
        #expect(moscow == [.dateTime(ms: 1_517_210_100_000, text: "2018-01-29 10:15:00", line: 1)])
        #expect(utc == [.dateTime(ms: 1_517_210_100_000 + 3 * 3_600_000, text: "2018-01-29 10:15:00", line: 1)])
    }

    @Test func unknownElementMakesItsCaseUnrunnableNamingTheElementAndLine() {
        let xml = """
            <test>
                <test-case id="ok"><q>hi</q></test-case>
                <test-case id="odd">
                    <q>hi</q>
                    <parameters><x>1</x></parameters>
                    <mockService name="crm"/>
                </test-case>
            </test>
            """
        let file = XMLTestReader().read(xml, path: "test/t.xml")
        #expect(file.cases.map(\.unsupported) == [
            [],
            [XMLTestProblem("<parameters> is not supported by conform", line: 5),
             XMLTestProblem("<mockService> (mocks of JAICP integrations) is not supported by conform", line: 6)],
        ])
    }

    @Test func aMisspeltAttributeOfAnAnswerIsAProblemNotASilentPass() {
        let file = XMLTestReader().read("""
            <test><test-case id="A">
                <q>hi</q><a stat="/Hello">hello</a><a state="/Hello" contains="he" class="/Hello"/>
            </test-case></test>
            """, path: "test/t.xml")
        #expect(file.cases.first?.unsupported == [
            XMLTestProblem("<a> has no attribute stat= (did you mean state=?); it takes state=, class= and contains=", line: 2),
        ])
    }

    @Test func anElementBetweenCasesIsReportedOnItsOwnLineAndTheCasesAroundItStillRun() {
        let xml = """
            <test>
                <test-case id="A"><q>hi</q></test-case>
                <text-case id="Typo"><q>hi</q></text-case>
                <test-case id="B"><q>hi</q><parametrs/></test-case>
                <q>stray</q>
                <widget/>
                <qq/>
            </test>
            """
        let file = XMLTestReader().read(xml, path: "test/t.xml")
        #expect(file.cases.map(\.id) == ["A", "B"])
        #expect(file.cases[0].unsupported == [])
        #expect(file.cases[1].unsupported == [
            XMLTestProblem("<parametrs> is not an element of JAICP's XML tests (did you mean <parameters>?)", line: 4),
        ])
        let mock = XMLTestReader().read(
            "<test><test-case><mockData><query>https://x.example/a</query><parametrs/></mockData></test-case></test>", path: "test/m.xml")
        #expect(mock.cases.first?.unsupported == [
            XMLTestProblem("<parametrs> is not an element of JAICP's XML tests inside <mockData> (did you mean <parameters>?)", line: 1),
        ])
        #expect(file.strayElements == [
            XMLTestProblem("<text-case> is not an element of JAICP's XML tests (did you mean <test-case>?)", line: 3),
            XMLTestProblem("<q> belongs inside a <test-case>; it is not run here", line: 5),
            XMLTestProblem("<widget> is not an element of JAICP's XML tests", line: 6),
            XMLTestProblem("<qq> is not an element of JAICP's XML tests", line: 7),
        ])
        let foreign = XMLTestReader().read("<test>\n<dialog/>\n<dialog/>\n<dialog/>\n</test>", path: "test/d.xml")
        #expect(foreign.strayElements == [
            XMLTestProblem("<dialog> is not an element of JAICP's XML tests (3 times, lines 2, 3, 4)", line: 2),
        ])
        // The nearest name, not the first in alphabetical order.
        #expect(XMLTestReader.unknown("evnt", among: XMLTestReader.stepElements) == "<evnt> is not an element of JAICP's XML tests (did you mean <event>?)")
        #expect(XMLTestReader.unknown("mockDate", among: XMLTestReader.stepElements) == "<mockDate> is not an element of JAICP's XML tests (did you mean <mockData>?)")
    }

    @Test func badValuesAreProblemsOfTheirCaseWithTheirLine() {
        let xml = """
            <test><test-case>
                <context var="global">{}</context>
                <context var="session">{oops</context>
                <dateTime>tomorrow</dateTime>
                <random>one</random>
                <timeoutReply interval="soon"/>
            </test-case></test>
            """
        let problems = XMLTestReader().read(xml, path: "test/t.xml").cases[0].unsupported
        #expect(problems.map(\.line) == [2, 3, 4, 5, 6])
        #expect(problems[0].message == "<context> needs var=\"session\" or var=\"client\", found \"global\"")
        #expect(problems[2].message == "<dateTime> \"tomorrow\" is not a date and time like 2018-01-29 10:15:00")
    }

    @Test func mockDataBetweenCasesAnswersTheCasesAfterIt() {
        let xml = """
            <test>
                <test-case id="before"><q>weather</q></test-case>
                <mockData><query>https://x.test/a</query><response>{"v": 1}</response></mockData>
                <test-case id="after"><q>weather</q></test-case>
            </test>
            """
        let cases = XMLTestReader().read(xml, path: "test/t.xml").cases
        let mock = HTTPMockData(method: "GET", url: "https://x.test/a", response: ["v": 1], line: 3)
        #expect(cases[0].steps == [.query("weather", line: 2)])
        #expect(cases[1].steps == [.mock(mock), .query("weather", line: 4)])
    }

    @Test func integrationOnTheCaseOverridesTheFile() {
        let xml = """
            <test integration="true">
                <test-case id="a"/>
                <test-case id="b" integration="false"/>
            </test>
            """
        #expect(XMLTestReader().read(xml, path: "test/t.xml").cases.map(\.integration) == [true, false])
    }

    @Test func casesWithoutIdAreNamedByPosition() {
        let xml = "<test><test-case/><test-case id=\"named\"/><test-case/></test>"
        #expect(XMLTestReader().read(xml, path: "test/t.xml").cases.map(\.name) == ["case-1", "named", "case-3"])
    }

    @Test func malformedFileIsAProblemWithItsLine() {
        let file = XMLTestReader().read("<test>\n  <test-case>\n</test>", path: "test/bad.xml")
        #expect(file.cases.isEmpty)
        #expect(file.problem?.line == 3)
        #expect(file.problem?.message.hasPrefix("not well-formed XML") == true)
    }

    @Test func emptyFileHoldsNoCases() {
        let file = XMLTestReader().read(" \n", path: "test/empty.xml")
        #expect(file.cases.isEmpty)
        #expect(file.problem == nil)
    }

    @Test func otherRootElementIsAProblem() {
        #expect(XMLTestReader().read("<tests/>", path: "test/t.xml").problem
                == XMLTestProblem("the root element is <tests>, expected <test>", line: 1))
    }

    @Test func classnameIsTheFilePathUnderTestDotted() {
        #expect(XMLTestFile(path: "test/orders/track.xml", cases: []).classname == "orders.track")
        #expect(XMLTestFile(path: "test/main.xml", cases: []).classname == "main")
    }
}

@Suite struct RelaxedJSONTests {
    @Test func acceptsJavaScriptObjectLiterals() throws {
        #expect(try RelaxedJSON.parse("{data:{response:\"ok\"}}") == ["data": ["response": "ok"]])
        #expect(try RelaxedJSON.parse("{'a': 'it\\'s', b: [1, 2,], } // note") == ["a": "it's", "b": [1, 2]])
        #expect(try RelaxedJSON.parse("{ключ: true, $x: null}") == ["ключ": true, "$x": .null])
    }

    @Test func keepsStrictJSONAsIs() throws {
        #expect(try RelaxedJSON.parse("{\"a:b\": \"x, }\"}") == ["a:b": "x, }"])
    }

    @Test func rejectsWhatIsNotJSONWithItsLine() {
        #expect(throws: JSONSyntaxError.self) { try RelaxedJSON.parse("{\n a: }") }
    }
}

@Suite struct TestClockTests {
    @Test func zonesAreReadFromOffsetsAndNames() {
        #expect(TestClock.zone(named: "+03:00")?.secondsFromGMT() == 10_800)
        #expect(TestClock.zone(named: "UTC+3")?.secondsFromGMT() == 10_800)
        #expect(TestClock.zone(named: "-0530")?.secondsFromGMT() == -19_800)
        #expect(TestClock.zone(named: "UTC")?.secondsFromGMT() == 0)
        #expect(TestClock.zone(named: "Europe/Moscow") != nil)
        #expect(TestClock.zone(named: "Mars/Olympus") == nil)
    }
}

@Suite struct TextMatchTests {
    @Test func spacesAndLineBreaksDoNotCount() {
        #expect(TextMatch.equal("Hello!   I am\n   the bot. ", "Hello! I am the bot."))
        #expect(!TextMatch.equal("Hello!", "Hello !"))
        #expect(TextMatch.contains("Order A-7\nplaced.", "A-7 placed"))
    }
}
