import ConformJSON
import Testing
import WebimProtocol

/// Bad input never crashes: each problem is a typed error naming the JSON path and what was expected.
@Suite struct DecodingErrorTests {
    private func error(_ text: String, _ dialect: WebimDialect = .botAPI2) -> WebimProtocolError? {
        do {
            _ = try WebimWebhook.decode(WebimBodies.json(text), dialect: dialect)
            return nil
        } catch {
            return error
        }
    }

    @Test func malformedJSONSaysWhere() {
        #expect(throws: WebimProtocolError.malformedJSON(JSONSyntaxError(reason: .unexpectedEnd, line: 1, column: 26))) {
            try WebimWebhook.parse(bytes: Array(#"{"event": "new_chat", "ch"#.utf8), limit: 1000)
        }
        do {
            _ = try WebimWebhook.parse(bytes: Array("{event: new_chat}".utf8), limit: 1000)
            Issue.record("accepted")
        } catch {
            #expect(error.code == "malformed_json")
            #expect(error.description.hasPrefix("the body is not valid JSON: line 1, column 2"))
        }
    }

    @Test func bodyLargerThanTheLimitIsNotParsed() {
        let huge = Array(repeating: UInt8(ascii: "x"), count: 2_000_000)
        #expect(throws: WebimProtocolError.bodyTooLarge(bytes: 2_000_000, limit: 1 << 20)) {
            try WebimWebhook.parse(bytes: huge, limit: 1 << 20)
        }
    }

    @Test func absurdNestingIsRefused() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        do {
            _ = try WebimWebhook.parse(bytes: Array(deep.utf8), limit: 1000)
            Issue.record("accepted")
        } catch {
            guard case .malformedJSON(let syntax) = error else { Issue.record("\(error)"); return }
            #expect(syntax.reason == .tooDeep(limit: WebimWebhook.maxDepth))
        }
    }

    @Test func bodyMustBeAnObjectWithAnEvent() {
        #expect(error("[1, 2]") == .wrongType(path: "", expected: "a JSON object {\"event\": …}", found: "array"))
        #expect(error(#"{"chat": {"id": 1}}"#)?.path == "event")
        #expect(error(#"{"event": 7}"#) == .wrongType(path: "event", expected: "a string", found: "number"))
    }

    @Test func missingChatIDIsNamedAtTheDialectsPath() {
        #expect(error(#"{"event": "new_chat", "visitor": {"id": "v"}}"#)
                == .missing(path: "chat.id", expected: "the chat id (an integer or a string)"))
        #expect(error(#"{"event": "new_chat", "chat": {}, "visitor": {"id": "v"}}"#)?.path == "chat.id")
        #expect(error(#"{"event": "new_message", "message": {"kind": "visitor", "text": "hi"}}"#)?.path == "chat_id")
        #expect(error(#"{"event": "new_message", "kind": "visitor", "text": "hi"}"#, .botAPI1)?.path == "chat.id")
    }

    @Test func chatIDOfTheWrongTypeIsNamed() {
        #expect(error(#"{"event": "new_message", "chat_id": true, "message": {"kind": "visitor"}}"#)
                == .wrongType(path: "chat_id", expected: "an integer or a string id", found: "boolean"))
        #expect(error(#"{"event": "new_message", "chat_id": 1.5, "message": {"kind": "visitor"}}"#)
                == .invalidValue(path: "chat_id", expected: "an integer or a string id", found: "1.5"))
        #expect(error(#"{"event": "new_chat", "chat": {"id": ""}, "visitor": {"id": "v"}}"#)?.path == "chat.id")
        #expect(error(#"{"event": "new_chat", "chat": 1, "visitor": {"id": "v"}}"#)
                == .wrongType(path: "chat", expected: "an object {\"id\": …}", found: "number"))
    }

    @Test func messageFieldsOfTheWrongTypeAreNamed() {
        #expect(error(#"{"event": "new_message", "chat_id": 1, "message": {"kind": 3}}"#)
                == .wrongType(path: "message.kind", expected: "a string", found: "number"))
        #expect(error(#"{"event": "new_message", "chat_id": 1, "message": {"text": "hi"}}"#)?.path == "message.kind")
        #expect(error(#"{"event": "new_message", "chat_id": 1, "message": {"kind": "visitor", "text": ["hi"]}}"#)
                == .wrongType(path: "message.text", expected: "the message text (a string)", found: "array"))
        #expect(error(#"{"event": "new_message", "chat_id": 1}"#)?.path == "message")
        #expect(error(#"{"event": "new_message", "chat": {"id": "c"}}"#, .botAPI1)?.path == "kind")
        #expect(error(#"{"event": "new_message", "chat_id": 1, "message": "hi"}"#)?.path == "message")
    }

    @Test func prechatMessagesAreNamedByIndex() {
        let text = #"{"event": "new_chat", "chat": {"id": 1}, "visitor": {"id": "v"}, "messages": [{"kind": "visitor", "text": "a"}, {"kind": "visitor", "text": 2}]}"#
        #expect(error(text) == .wrongType(path: "messages[1].text", expected: "the message text (a string)", found: "number"))
        #expect(error(#"{"event": "new_chat", "chat": {"id": 1}, "visitor": {"id": "v"}, "messages": {"kind": "visitor"}}"#)
                == .wrongType(path: "messages", expected: "an array of pre-chat messages", found: "object"))
    }

    @Test func visitorNeedsAnID() {
        #expect(error(#"{"event": "new_chat", "chat": {"id": 1}}"#)?.path == "visitor")
        #expect(error(#"{"event": "new_chat", "chat": {"id": 1}, "visitor": {"fields": {}}}"#)
                == .missing(path: "visitor.id", expected: "the visitor's id (a string)"))
        #expect(error(#"{"event": "new_chat", "chat": {"id": 1}, "visitor": {"id": "v", "fields": "John"}}"#)?.path == "visitor.fields")
    }

    @Test func keyboardResponseAndFileNeedTheirData() {
        #expect(error(#"{"event": "new_message", "chat_id": 1, "message": {"kind": "keyboard_response"}}"#)
                == .missing(path: "message.data.button", expected: "the button clicked {\"id\", \"text\"}"))
        #expect(error(#"{"event": "new_message", "chat_id": 1, "message": {"kind": "keyboard_response", "data": {"button": {"text": "x"}}}}"#)?.path
                == "message.data.button.id")
        #expect(error(#"{"event": "new_message", "chat_id": 1, "message": {"kind": "file_visitor", "data": {"name": "t.txt"}}}"#)
                == .missing(path: "message.data.url", expected: "the file's URL (a string)"))
        #expect(error(#"{"event": "new_message", "chat_id": 1, "message": {"kind": "file_visitor", "data": {"url": "u", "size": "24"}}}"#)?.path
                == "message.data.size")
    }

    @Test func unknownDialectIsRefusedByName() {
        let failure = error(WebimBodies.visitorMessage, WebimDialect("bot-api-3"))
        #expect(failure == .unknownDialect(name: "bot-api-3", evidence: "the dialect the body was decoded in"))
        #expect(failure?.description.contains("conform speaks bot-api-1, bot-api-2") == true)
    }

    @Test func messagesSayThePathAndWhatWasExpected() {
        #expect(WebimProtocolError.missing(path: "chat.id", expected: "the chat id (an integer or a string)").description
                == "`chat.id` is missing: expected the chat id (an integer or a string)")
        #expect(WebimProtocolError.wrongType(path: "message.kind", expected: "a string", found: "number").description
                == "`message.kind` is a number: expected a string")
        #expect(WebimProtocolError.wrongType(path: "", expected: "a JSON object", found: "array").description
                == "the body is an array: expected a JSON object")
    }
}
