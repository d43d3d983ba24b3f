import ConformJSON
import Testing
import WebimProtocol

@Suite struct WebhookDecodingTests {
    private func decode(_ text: String, _ dialect: WebimDialect = .botAPI2) throws -> WebimWebhook {
        try WebimWebhook.decode(WebimBodies.json(text), dialect: dialect)
    }

    @Test func newChatWithPrechatMessagesKeepsVisitorLocationAndMessages() throws {
        let hook = try decode(WebimBodies.newChatWithMessages)
        guard case .newChat(let chat) = hook.event else { Issue.record("not new_chat: \(hook.event)"); return }
        #expect(chat.chatID == .integer(1))
        #expect(chat.visitor.id == "00000000-0000-0000-0000-000000000000")
        #expect(chat.visitor.name == "John")
        #expect(chat.visitor.phone == "+71234567890")
        #expect(chat.location?.address == "https://shop.example.com/delivery")
        #expect(chat.messages?.map(\.text) == ["hello", "where is my order?"])
        #expect(chat.messages?.map(\.id) == ["m1", "m2"])
        #expect(chat.messages?.first?.content == .visitor)
        #expect(hook.body == WebimBodies.json(WebimBodies.newChatWithMessages))
    }

    @Test func newChatAcceptsAStringChatID() throws {
        let hook = try decode(WebimBodies.newChatBotAPI1, .botAPI1)
        #expect(hook.event.chatID == .string("9401b039-ace3"))
        guard case .newChat(let chat) = hook.event else { Issue.record("not new_chat"); return }
        #expect(chat.messages == nil)
        #expect(chat.location == nil)
    }

    @Test func unknownMembersAreKeptInTheBody() throws {
        let text = #"{"event": "new_chat", "chat": {"id": 5, "tags": ["vip"]}, "visitor": {"id": "v", "extra": 1}, "x-custom": {"a": [1, 2.50]}}"#
        let hook = try decode(text)
        #expect(JSONWriter.compact(hook.body) == #"{"event":"new_chat","chat":{"id":5,"tags":["vip"]},"visitor":{"id":"v","extra":1},"x-custom":{"a":[1,2.50]}}"#)
        guard case .newChat(let chat) = hook.event else { Issue.record("not new_chat"); return }
        #expect(chat.visitor.json == ["id": "v", "extra": 1])
    }

    @Test func visitorMessageInBotAPI2() throws {
        let hook = try decode(WebimBodies.visitorMessage)
        guard case .newMessage(let event) = hook.event else { Issue.record("not new_message"); return }
        #expect(event.chatID == .integer(1))
        #expect(event.message.kind == "visitor")
        #expect(event.message.text == "track 123")
        #expect(event.message.id == "m3")
        #expect(event.visitor == nil)
    }

    @Test func keyboardResponseInBotAPI2CarriesTheButtonAndTheKeyboardMessage() throws {
        let hook = try decode(WebimBodies.keyboardResponse)
        guard case .newMessage(let event) = hook.event, case .keyboardResponse(let click) = event.message.content else {
            Issue.record("not a keyboard response: \(hook.event)"); return
        }
        #expect(click == WebimButtonResponse(buttonID: "b1", buttonText: "Delivery", button: ["id": "b1", "text": "Delivery"],
                                             requestMessageID: "m0"))
    }

    @Test func keyboardResponseInBotAPI1HasTheMessageAtTheTopLevel() throws {
        let hook = try decode(WebimBodies.keyboardResponseBotAPI1, .botAPI1)
        guard case .newMessage(let event) = hook.event, case .keyboardResponse(let click) = event.message.content else {
            Issue.record("not a keyboard response: \(hook.event)"); return
        }
        #expect(event.chatID == .string("9401b039-ace3"))
        #expect(click.buttonID == "say_hi")
        #expect(click.buttonText == "Say hi")
        #expect(click.requestMessageID == nil)
    }

    @Test func fileVisitorCarriesTheFile() throws {
        let hook = try decode(WebimBodies.fileVisitor)
        guard case .newMessage(let event) = hook.event, case .fileVisitor(let file) = event.message.content else {
            Issue.record("not a file: \(hook.event)"); return
        }
        #expect(file.url == "https://acct.webim.ru/api/bot/v2/file/c06?hash=a01")
        #expect(file.name == "t.txt")
        #expect(file.mediaType == "text/plain")
        #expect(file.size == 24)
        #expect(JSONWriter.compact(file.json) == #"{"url":"https://acct.webim.ru/api/bot/v2/file/c06?hash=a01","media_type":"text/plain","name":"t.txt","size":24}"#)
    }

    @Test func otherMessageKindsAreKeptWithTheirJSON() throws {
        let text = #"{"event": "new_message", "chat_id": 1, "message": {"id": "m6", "kind": "sticker_visitor", "data": {"stickerId": 7}}}"#
        let hook = try decode(text)
        guard case .newMessage(let event) = hook.event else { Issue.record("not new_message"); return }
        #expect(event.message.kind == "sticker_visitor")
        #expect(event.message.content == .other)
        #expect(event.message.json == ["id": "m6", "kind": "sticker_visitor", "data": ["stickerId": 7]])
    }

    @Test func otherEventsAreKeptByName() throws {
        let hook = try decode(#"{"event": "chat_closed", "chat": {"id": 1}, "reason": "visitor"}"#)
        #expect(hook.event == .other(name: "chat_closed"))
        #expect(hook.event.chatID == nil)
        #expect(hook.body["reason"] == "visitor")
    }

    @Test func parseReadsBytesWithinTheLimit() throws {
        let bytes = Array(WebimBodies.visitorMessage.utf8)
        #expect(try WebimWebhook.parse(bytes: bytes, limit: bytes.count) == WebimBodies.json(WebimBodies.visitorMessage))
    }
}
