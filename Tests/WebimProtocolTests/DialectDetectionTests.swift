import ConformJSON
import Testing
import WebimProtocol

@Suite struct DialectDetectionTests {
    @Test func versionHeaderTwoMeansBotAPI2() {
        let detected = WebimDialect.detect(headers: ["x-bot-api-version": "2.0", "x-bot-api-dialect": "Webim Standard"],
                                           path: "/", body: nil)
        #expect(detected == DialectDetection(dialect: .botAPI2, source: .header,
                                             evidence: "x-bot-api-version: 2.0, x-bot-api-dialect: Webim Standard"))
    }

    @Test func versionHeaderOneMeansBotAPI1EvenWithMixedCaseName() {
        let detected = WebimDialect.detect(headers: ["X-Bot-API-Version": "1.0"], path: "/", body: nil)
        #expect(detected?.dialect == .botAPI1)
        #expect(detected?.source == .header)
    }

    @Test func headerWinsOverPathAndBody() {
        let body = WebimBodies.json(WebimBodies.keyboardResponseBotAPI1)
        #expect(WebimDialect.detect(headers: ["x-bot-api-version": "2.0"], path: "/hook/v1", body: body)?.dialect == .botAPI2)
    }

    @Test func pathSuffixNamesTheDialectWhenNoHeader() {
        #expect(WebimDialect.detect(headers: [:], path: "/hook/v1", body: nil)?.dialect == .botAPI1)
        #expect(WebimDialect.detect(headers: [:], path: "/v2/", body: nil)?.dialect == .botAPI2)
        #expect(WebimDialect.detect(headers: [:], path: "/v2?secret=s3", body: nil)
                == DialectDetection(dialect: .botAPI2, source: .path, evidence: "path /v2?secret=s3"))
        #expect(WebimDialect.detect(headers: [:], path: "/video", body: nil) == nil)
    }

    @Test func newMessageBodyShapeTellsTheDialect() {
        let two = WebimDialect.detect(headers: [:], path: "/", body: WebimBodies.json(WebimBodies.visitorMessage))
        #expect(two?.dialect == .botAPI2)
        #expect(two?.source == .body)
        let one = WebimDialect.detect(headers: [:], path: "/", body: WebimBodies.json(WebimBodies.keyboardResponseBotAPI1))
        #expect(one?.dialect == .botAPI1)
    }

    @Test func newChatBodyAloneSaysNothing() {
        #expect(WebimDialect.detect(headers: [:], path: "/", body: WebimBodies.json(WebimBodies.newChatWithMessages)) == nil)
        #expect(WebimDialect.detect(headers: [:], path: "/", body: WebimBodies.json(WebimBodies.newChatBotAPI1)) == nil)
    }

    @Test func unknownVersionIsKeptByNameAndIsNotKnown() {
        let header = WebimDialect.detect(headers: ["x-bot-api-version": "3.1"], path: "/", body: nil)
        #expect(header?.dialect == WebimDialect("bot-api-3"))
        #expect(header?.dialect.isKnown == false)
        #expect(WebimDialect.detect(headers: [:], path: "/v7", body: nil)?.dialect.rawValue == "bot-api-7")
    }

    @Test func dialectsKeepTheirRawNames() {
        #expect(WebimDialect.botAPI1.rawValue == "bot-api-1")
        #expect(WebimDialect.botAPI2.rawValue == "bot-api-2")
        #expect(WebimDialect(rawValue: "custom-channel").description == "custom-channel")
        #expect(WebimDialect.known == [.botAPI1, .botAPI2])
    }
}
