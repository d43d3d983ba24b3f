import AutoTests
import Reporting
import Testing

/// Each XML text below is a test file for the shop bot (`Fixtures/shop`); line 1 is `<test>`.
@Suite struct XMLTestRunnerTests {
    // MARK: <q> and <a>

    @Test func answersAreCheckedByTextStateClassAndContainsWithButtonsSkipped() throws {
        let result = try runOne("""
            <test>
                <test-case id="greets">
                    <q>/start</q>
                    <a state="/Start">Hello!   I am the
                        shop bot.</a>
                    <a class="/Start">What would you like?</a>
                    <q>Catalogue</q>
                    <a class="/Catalogue" state="/Catalogue">We sell tea and coffee.</a>
                    <a state="/Menu" contains="else"/>
                </test-case>
            </test>
            """)
        #expect(result.outcome == .passed)
        #expect(result.classname == "inline")
        #expect(result.name == "greets")
        #expect(result.file == "test/inline.xml")
        #expect(result.line == 2)
    }

    @Test func differentTextFailsWithBothTextsAndTheLineOfTheA() throws {
        let result = try runOne("""
            <test>
                <test-case>
                    <q>/start</q>
                    <a>Hello! I am the tea bot.</a>
                </test-case>
            </test>
            """)
        #expect(result.failureMessage == "test/inline.xml:4: <a> expected \"Hello! I am the tea bot.\", the bot said \"Hello! I am the shop bot.\"")
        #expect(result.differences == [
            ReportedDifference(turn: 1, path: "test/inline.xml:4 <a>", expected: "\"Hello! I am the tea bot.\"",
                               actual: "\"Hello! I am the shop bot.\"", note: "text reply 1 of the request at line 3"),
        ])
        #expect(result.name == "case-1")
    }

    @Test func aReportCountsTextRepliesAsTheAsDoButtonsAndTimeoutsNot() throws {
        let result = try runOne("""
            <test><test-case>
                <q>/start</q>
                <a>Hello! I am the shop bot.</a>
                <a>Anything?</a>
            </test-case></test>
            """)
        // /Start answers a text, buttons, then a text: the second <a> meets text reply 2 (reply 3 of all).
        #expect(result.differences.first?.note == "text reply 2 of the request at line 2")
    }

    @Test func replyFromAnotherStateFails() throws {
        let result = try runOne("""
            <test><test-case>
                <q>/start</q>
                <a state="/Menu"/>
            </test-case></test>
            """)
        #expect(result.failureMessage == "test/inline.xml:3: <a state> expected a reply from /Menu, it came from /Start (\"Hello! I am the shop bot.\")")
    }

    @Test func classIsTheStateThatStartedProcessingNotTheGoBangTarget() throws {
        let pass = try runOne("""
            <test><test-case>
                <q>catalog please</q>
                <a class="/Catalogue"/>
                <a class="/Catalogue" state="/Menu"/>
            </test-case></test>
            """)
        #expect(pass.outcome == .passed)
        let fail = try runOne("""
            <test><test-case>
                <q>catalog please</q>
                <a class="/Menu"/>
            </test-case></test>
            """, options: { var o = AutoTestOptions.fixed; o.unconsumedReplies = .ignore; return o }())
        #expect(fail.failureMessage == "test/inline.xml:3: <a class> expected processing to start in /Menu, it started in /Catalogue")
    }

    @Test func containsChecksAPieceOfTheReply() throws {
        let result = try runOne("""
            <test><test-case>
                <q>ask me</q>
                <a contains="maybe"/>
            </test-case></test>
            """)
        #expect(result.failureMessage == "test/inline.xml:3: <a contains> expected the reply to contain \"maybe\", the bot said \"Yes or no?\"")
    }

    @Test func anAWithNoReplyLeftFails() throws {
        let result = try runOne("""
            <test><test-case>
                <q>ask me</q>
                <a>Yes or no?</a>
                <a/>
            </test-case></test>
            """)
        #expect(result.failureMessage == "test/inline.xml:4: <a> expects a reply, but the request at line 2 gave no more text replies")
    }

    @Test func aReplyNoAChecksFailsByDefaultAndIsIgnoredWhenAsked() throws {
        let xml = """
            <test><test-case>
                <q>/start</q>
                <a>Hello! I am the shop bot.</a>
                <q>ask me</q>
                <a>Yes or no?</a>
            </test-case></test>
            """
        let strict = try runOne(xml)
        #expect(strict.failureMessage == "test/inline.xml:2: the bot said \"What would you like?\", which no <a> checks")
        #expect(strict.differences.first?.note == "1 text reply of this request has no <a> before the request at line 4")
        var lenient = AutoTestOptions.fixed
        lenient.unconsumedReplies = .ignore
        #expect(try runOne(xml, options: lenient).outcome == .passed)
    }

    @Test func aReplyLeftAtTheEndOfTheCaseFails() throws {
        let result = try runOne("""
            <test><test-case>
                <q>catalog</q>
                <a>We sell tea and coffee.</a>
            </test-case></test>
            """)
        #expect(result.failureMessage == "test/inline.xml:2: the bot said \"Anything else?\", which no <a> checks")
    }

    @Test func anABeforeAnyRequestIsAnError() throws {
        let result = try runOne("<test><test-case>\n<a>Hi</a>\n</test-case></test>")
        #expect(result.errorMessage == "test/inline.xml:2: <a> comes before any request (<q>, <event>, <request>)")
    }

    // MARK: Request shaping

    @Test func randomQueuesTheDrawsOfTheNextRequests() throws {
        let result = try runOne("""
            <test><test-case>
                <random>2, 0</random>
                <q>hello bot</q>
                <a>Greetings!</a>
                <q>hi</q>
                <a>Hi there!</a>
            </test-case></test>
            """)
        #expect(result.outcome == .passed)
    }

    @Test func aDrawWithNoRandomValueLeftIsTheFirstAlternative() throws {
        let results = try run("""
            <test>
                <test-case id="no tag">
                    <q>hi</q>
                    <a>Hi there!</a>
                    <q>hello</q>
                    <a>Hi there!</a>
                </test-case>
                <test-case id="used up">
                    <random>2</random>
                    <q>hi</q>
                    <a>Greetings!</a>
                    <q>hi</q>
                    <a>Hi there!</a>
                </test-case>
            </test>
            """)
        #expect(results.map(\.outcome) == [.passed, .passed])
    }

    @Test func dateTimeFreezesTheClockInUTCPlus3() throws {
        let result = try runOne("""
            <test><test-case>
                <q>what time is it</q>
                <a>It is 2025-01-31 12:00 in Moscow.</a>
                <dateTime>2018-01-29 10:15:00</dateTime>
                <q>what time is it</q>
                <a>It is 2018-01-29 10:15 in Moscow.</a>
            </test-case></test>
            """)
        #expect(result.outcome == .passed)
    }

    @Test func contextSetsSessionAndClientVariables() throws {
        let result = try runOne("""
            <test><test-case>
                <context var="client">{name: "Ann"}</context>
                <context var="session">{"cart": 2}</context>
                <q>who am i</q>
                <a>You are Ann with 2 items.</a>
            </test-case></test>
            """)
        #expect(result.outcome == .passed)
    }

    @Test func stateMovesTheContextSoLocalTriggersMatch() throws {
        let results = try run("""
            <test>
                <test-case id="in context">
                    <state>Ask</state>
                    <q>yes</q>
                    <a state="/Ask/Yes">You said yes.</a>
                </test-case>
                <test-case id="out of context">
                    <q>yes</q>
                    <a state="/NoMatch">Sorry, I did not get that.</a>
                </test-case>
            </test>
            """)
        #expect(results.map(\.outcome) == [.passed, .passed])
    }

    @Test func eventCarriesTheRequestData() throws {
        let result = try runOne("""
            <test><test-case>
                <requestData>{"eventData": [{"url": "https://x.test/cat.png"}]}</requestData>
                <event>fileEvent</event>
                <a state="/File">Got https://x.test/cat.png</a>
            </test-case></test>
            """)
        #expect(result.outcome == .passed)
    }

    @Test func rawRequestStaysForTheFollowingRequestsAndRequestSetsAnyField() throws {
        let result = try runOne("""
            <test><test-case>
                <rawRequest>{"message": {"from": "Ann"}}</rawRequest>
                <q>who sent this</q>
                <a>Sent by Ann via test.</a>
                <q>who sent this</q>
                <a>Sent by Ann via test.</a>
                <request>{"query": "who sent this", "channelType": "telegram", "rawRequest": {"message": {"from": "Bob"}}}</request>
                <a>Sent by Bob via telegram.</a>
            </test-case></test>
            """)
        #expect(result.outcome == .passed)
    }

    // MARK: $http

    @Test func mockDataAnswersByMethodURLWithParametersAndBody() throws {
        let results = try run("""
            <test>
                <mockData>
                    <query method="get">https://api.example.com/weather?city=${city}</query>
                    <parameters><city>New York</city></parameters>
                    <response type="json">{temp: 21}</response>
                </mockData>
                <test-case id="weather">
                    <q>weather</q>
                    <a>It is 21 degrees.</a>
                </test-case>
                <test-case id="order">
                    <mockData>
                        <query method="POST">https://api.example.com/orders</query>
                        <body>{"count": 2, "item": "tea"}</body>
                        <response type="json" status="201">{"id": "A-7"}</response>
                    </mockData>
                    <q>order tea</q>
                    <a>Order A-7 placed.</a>
                </test-case>
            </test>
            """)
        #expect(results.map(\.outcome) == [.passed, .passed])
    }

    @Test func aCallNoMockAnswersFailsAsOnJAICPAndTheReportNamesIt() throws {
        let result = try runOne("""
            <test><test-case>
                <q>weather</q>
                <a>It is 21 degrees.</a>
            </test-case></test>
            """)
        #expect(result.failureMessage == "test/inline.xml:3: <a> expected \"It is 21 degrees.\", the bot said \"The weather service is down.\" (no <mockData> answered: GET https://api.example.com/weather?city=New%20York)")
    }

    @Test func aMockWithAnotherBodyDoesNotAnswer() throws {
        let result = try runOne("""
            <test><test-case>
                <mockData>
                    <query method="post">https://api.example.com/orders</query>
                    <body>{"item": "coffee", "count": 2}</body>
                    <response>{"id": "A-7"}</response>
                </mockData>
                <q>order tea</q>
                <a>Order none placed.</a>
            </test-case></test>
            """)
        #expect(result.outcome == .passed)
    }

    // MARK: Timeouts

    @Test func timeoutReplyChecksTheTimeoutAndTimeoutFiresItsTargetAfterTheInterval() throws {
        let result = try runOne("""
            <test><test-case>
                <dateTime>2025-01-31 12:00:00</dateTime>
                <q>wait</q>
                <a>I will wait.</a>
                <timeoutReply/>
                <timeoutReply interval="5" targetState="/TimedOut"/>
                <timeout/>
                <a state="/TimedOut">You were silent since 09:00:05.</a>
            </test-case></test>
            """)
        #expect(result.outcome == .passed)
    }

    @Test func timeoutReplyWithAnotherIntervalFails() throws {
        let result = try runOne("""
            <test><test-case>
                <q>wait</q>
                <a>I will wait.</a>
                <timeoutReply interval="10"/>
            </test-case></test>
            """)
        #expect(result.failureMessage == "test/inline.xml:4: <timeoutReply> expected an interval of 10 s, the bot set 5")
    }

    @Test func timeoutWithoutAPendingTimeoutFails() throws {
        let result = try runOne("""
            <test><test-case>
                <q>ask me</q>
                <a>Yes or no?</a>
                <timeout/>
            </test-case></test>
            """)
        #expect(result.failureMessage == "test/inline.xml:4: <timeout/> but the request at line 2 set no timeout")
    }

    // MARK: Other checks

    @Test func responseDataComparesOnlyTheFieldsWritten() throws {
        let pass = try runOne("""
            <test><test-case>
                <q>data</q>
                <a>Here is the data.</a>
                <responseData>{data: {total: 3}}</responseData>
                <responseData field="replies[0]">{"type": "text", "state": "/Data"}</responseData>
            </test-case></test>
            """)
        #expect(pass.outcome == .passed)
        let fail = try runOne("""
            <test><test-case>
                <q>data</q>
                <a>Here is the data.</a>
                <responseData field="data.items">["a", "c"]</responseData>
            </test-case></test>
            """)
        #expect(fail.failureMessage == "test/inline.xml:4: <responseData> data.items[1] expected \"c\", the response has \"b\"")
    }

    @Test func newSessionChecksTheMessageAndTheNewSessionsRepliesFollow() throws {
        let pass = try runOne("""
            <test><test-case>
                <q>restart</q>
                <newSession message="/start"/>
                <a class="/Start">Hello! I am the shop bot.</a>
                <a>What would you like?</a>
            </test-case></test>
            """)
        #expect(pass.outcome == .passed)
        let fail = try runOne("""
            <test><test-case>
                <q>ask me</q>
                <a>Yes or no?</a>
                <newSession/>
            </test-case></test>
            """)
        #expect(fail.failureMessage == "test/inline.xml:4: <newSession> expects a new session, the request at line 2 started none")
    }

    @Test func mailChecksTheFieldsOfTheMailSent() throws {
        let results = try run("""
            <test>
                <test-case id="sent">
                    <q>mail me</q>
                    <a>Mail sent.</a>
                    <mail to="shop@example.com"><subject>Order</subject></mail>
                </test-case>
                <test-case id="other subject">
                    <q>mail me</q>
                    <a>Mail sent.</a>
                    <mail><subject>Refund</subject></mail>
                </test-case>
            </test>
            """)
        #expect(results[0].outcome == .passed)
        #expect(results[1].failureMessage == "test/inline.xml:10: <mail> expected subject \"Refund\", the bot sent \"Order\"")
    }

    // MARK: Cases that do not run

    @Test func integrationCasesAreSkippedWithAReason() throws {
        let result = try runOne("<test><test-case integration=\"true\"><q>weather</q></test-case></test>")
        #expect(result.skipReason == "integration=\"true\": the case calls real services, which conform never does offline")
    }

    @Test func anUnsupportedElementIsAnErrorNamingItAndItsLine() throws {
        let result = try runOne("""
            <test><test-case>
                <q>/start</q>
                <parameters><a>1</a></parameters>
            </test-case></test>
            """)
        #expect(result.errorMessage == "test/inline.xml:3: <parameters> is not supported by conform")
    }

    @Test func aScriptErrorIsAnErrorOfTheCaseNamingTheRequest() throws {
        let result = try runOne("""
            <test><test-case>
                <q>break</q>
                <a>never</a>
            </test-case></test>
            """)
        let message = try #require(result.errorMessage)
        #expect(message.hasPrefix("test/inline.xml:2: the bot failed on this request: script error in state /Broken"))
        #expect(message.contains("noSuchFunction"))
    }

    @Test func theTranscriptGoesToTheReportOutput() throws {
        let result = try runOne("<test><test-case>\n<q>ask me</q>\n<a>Yes or no?</a>\n</test-case></test>")
        #expect(result.output == "> q: ask me   (line 2)\n  (states: /Ask)\n< \"Yes or no?\"  [/Ask]")
    }
}
