import ConformJSON
import Testing
import WebimProtocol

@Suite struct SyncReplyTests {
    @Test func answerCarriesTheMessagesInTheWebhookResponse() {
        let reply = WebimSyncReply.answer([.text("Hi!"), .keyboard([[WebimButton(id: "say_hi", text: "Say hi")]])])
        #expect(reply.json == WebimBodies.json(#"""
            {"has_answer": true, "messages": [{"kind": "operator", "text": "Hi!"},
            {"kind": "keyboard", "buttons": [[{"id": "say_hi", "text": "Say hi"}]]}]}
            """#))
    }

    @Test func noAnswerAndEmptyForms() {
        #expect(JSONWriter.compact(WebimSyncReply.noAnswer.json) == #"{"has_answer":false}"#)
        #expect(JSONWriter.compact(WebimSyncReply.empty.json) == "{}")
        #expect(JSONWriter.compact(WebimSyncReply.answer([]).json) == #"{"has_answer":true,"messages":[]}"#)
    }

    @Test func decodesEveryDocumentedForm() throws {
        #expect(try WebimSyncReply.decode(WebimBodies.json("{}")) == .empty)
        #expect(try WebimSyncReply.decode(WebimBodies.json(#"{"has_answer": false}"#)) == .noAnswer)
        #expect(try WebimSyncReply.decode(WebimBodies.json(#"{"has_answer": true, "messages": [{"kind": "operator", "text": "Hi!"}]}"#))
                == .answer([.text("Hi!")]))
    }

    @Test func malformedRepliesAreNamed() {
        #expect(throws: WebimProtocolError.wrongType(path: "has_answer", expected: "a boolean", found: "string")) {
            try WebimSyncReply.decode(WebimBodies.json(#"{"has_answer": "yes"}"#))
        }
        #expect(throws: WebimProtocolError.missing(path: "messages[0].text", expected: "the text to show (a string)")) {
            try WebimSyncReply.decode(WebimBodies.json(#"{"has_answer": true, "messages": [{"kind": "operator"}]}"#))
        }
    }
}
