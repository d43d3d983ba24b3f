import ConformJSON
import Recorder
import Recording
import Testing

/// A chat's journal becomes its recording, the same way at close and after a crash.
@Suite struct RecordingAssemblerTests {
    static let header = JournalEntry.ChatHeader(chat: "5", stem: "chat-5-20261125-100000", startedAt: "2026-11-25T10:00:00.000Z",
                                                channelType: "webim", dialect: nil, tool: "conform test",
                                                upstream: "http://bot", bot: nil, timezone: "Europe/Moscow")

    static func request(_ body: JSONValue, headers: JSONValue = ["content-type": "application/json"]) -> JSONValue {
        ["method": "POST", "path": "/", "headers": headers, "body": body]
    }

    static func call(_ text: String, at: String) -> JSONValue {
        ["at": .string(at), "request": ["method": "POST", "path": "/api/bot/v2/send_message",
                                        "body": ["chat_id": 5, "message": ["kind": "operator", "text": .string(text)]]],
         "response": ["status": 200, "body": ["result": "ok"]]]
    }

    @Test func callsJoinTheLatestTurnThatArrivedBeforeThemEvenWhenAnswersInterleave() throws {
        var assembler = RecordingAssembler()
        assembler.add(.chat(Self.header))
        assembler.add(.webhook(turn: 0, at: "2026-11-25T10:00:00.000Z", request: Self.request(["event": "new_chat", "chat": ["id": 5]])))
        assembler.add(.call(turn: 0, exchange: Self.call("Hello", at: "2026-11-25T10:00:00.050Z")))
        assembler.add(.webhook(turn: 1, at: "2026-11-25T10:00:01.000Z", request: Self.request(["event": "new_message", "chat_id": 5])))
        assembler.add(.answer(.init(turn: 0, response: ["status": 200, "body": ["result": "ok"]])))
        assembler.add(.call(turn: 1, exchange: Self.call("Bye", at: "2026-11-25T10:00:01.050Z")))
        assembler.add(.answer(.init(turn: 1, response: ["status": 200, "body": ["result": "ok"]])))
        let document = assembler.document()
        let recording = try RecordingLoader.decode(document, file: "assembled.json")
        #expect(recording.turns.count == 2)
        #expect(recording.turns.map { $0.calls.map { $0.request.body?["message"]?["text"] } } == [["Hello"], ["Bye"]])
        #expect(recording.turns.allSatisfy { $0.webhook.error == nil && $0.webhook.response?.status == 200 })
        #expect(recording.dialect == "bot-api-2")
        #expect(recording.timezone == "Europe/Moscow")
        #expect(recording.name == "chat 5")
        #expect(JSONWriter.compact(document["source"] ?? .null) == #"{"tool":"conform test","upstream":"http://bot"}"#)
    }

    @Test func aWebhookWithoutAnAnswerWasCutOffAndSaysSo() throws {
        var assembler = RecordingAssembler()
        assembler.add(.chat(Self.header))
        assembler.add(.webhook(turn: 0, at: "2026-11-25T10:00:00.000Z", request: Self.request(["event": "new_chat", "chat": ["id": 5]])))
        let recording = try RecordingLoader.decode(assembler.document(), file: "x.json")
        #expect(recording.turns[0].webhook.error == RecordingAssembler.cutOff)
        #expect(recording.turns[0].webhook.response == nil)
    }

    @Test func anUpstreamFailureIsKeptAsTheTurnsError() throws {
        var assembler = RecordingAssembler()
        assembler.add(.chat(Self.header))
        assembler.add(.webhook(turn: 0, at: "2026-11-25T10:00:00.000Z", request: Self.request(["event": "new_chat", "chat": ["id": 5]])))
        assembler.add(.answer(.init(turn: 0, error: "http://bot did not answer within 30 seconds")))
        let recording = try RecordingLoader.decode(assembler.document(), file: "x.json")
        #expect(recording.turns[0].webhook.error == "http://bot did not answer within 30 seconds")
    }

    @Test func callsWithoutAnyWebhookGetATurnReplayWillNotFeed() throws {
        var assembler = RecordingAssembler()
        assembler.add(.chat(Self.header))
        assembler.add(.call(turn: nil, exchange: Self.call("late", at: "2026-11-25T10:00:00.050Z")))
        let recording = try RecordingLoader.decode(assembler.document(), file: "x.json")
        #expect(recording.turns.count == 1)
        #expect(recording.turns[0].webhook.error == RecordingAssembler.noWebhook)
        #expect(recording.turns[0].calls.count == 1)
    }

    @Test func theDialectComesFromHeadersThenTheAnswersShape() throws {
        var v1 = RecordingAssembler()
        v1.add(.chat(Self.header))
        v1.add(.webhook(turn: 0, at: "2026-11-25T10:00:00Z", request: Self.request(["event": "new_chat", "chat": ["id": "u-1"]])))
        v1.add(.answer(.init(turn: 0, response: ["status": 200, "body": ["has_answer": true, "messages": []]])))
        #expect(v1.document()["channel"]?["dialect"] == "bot-api-1")

        var byHeader = RecordingAssembler()
        byHeader.add(.chat(Self.header))
        byHeader.add(.webhook(turn: 0, at: "2026-11-25T10:00:00Z",
                              request: Self.request(["event": "new_chat", "chat": ["id": 1]], headers: ["x-bot-api-version": "1.0"])))
        byHeader.add(.answer(.init(turn: 0, response: ["status": 200, "body": ["result": "ok"]])))
        #expect(byHeader.document()["channel"]?["dialect"] == "bot-api-1")
    }

    @Test func localBotAnswersCarryExpectationsDrawsAndInProcessCalls() throws {
        var assembler = RecordingAssembler()
        assembler.add(.chat(Self.header))
        assembler.add(.webhook(turn: 0, at: "2026-11-25T10:00:00Z", request: Self.request(["event": "new_chat", "chat": ["id": 5]])))
        assembler.add(.answer(.init(turn: 0, response: ["status": 200, "body": ["result": "ok"]],
                                    expect: ["state": "/Start", "replies": []], random: [2, 0],
                                    calls: [Self.call("Hi", at: "2026-11-25T10:00:00.001Z")])))
        let recording = try RecordingLoader.decode(assembler.document(), file: "x.json")
        #expect(recording.turns[0].random == [2, 0])
        #expect(recording.turns[0].expect?.state == "/Start")
        #expect(recording.turns[0].calls.count == 1)
    }

    @Test func journalLinesReadBackAsTheSameEntries() throws {
        let entries: [JournalEntry] = [
            .chat(Self.header),
            .webhook(turn: 0, at: "2026-11-25T10:00:00Z", request: Self.request(["event": "new_chat"])),
            .answer(.init(turn: 0, response: ["status": 200], expect: ["state": "/"], random: [1], calls: [["a": 1]])),
            .answer(.init(turn: 1, error: "boom")),
            .call(turn: nil, exchange: ["request": ["method": "POST", "path": "/x"]]),
            .call(turn: 3, exchange: ["request": ["method": "POST", "path": "/y"]]),
        ]
        for entry in entries {
            #expect(JournalEntry(json: try JSONParser.parse(entry.line)) == entry)
            #expect(!entry.line.contains("\n"))
        }
        #expect(JournalEntry(json: ["kind": "webhook", "turn": 0]) == nil)
        #expect(JournalEntry(json: ["kind": "other"]) == nil)
    }
}
