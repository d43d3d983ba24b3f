import BotRuntime
import ConformJSON
import Testing
import WebimChannel
import WebimProtocol

@Suite struct InboundMappingTests {
    let configuration = WebimChannelConfiguration()

    private func map(_ text: String, _ dialect: WebimDialect = .botAPI2, open: Bool = true, visitor: String? = "v-1",
                     configuration: WebimChannelConfiguration? = nil) throws -> InboundTurn {
        WebimInbound.map(try Bodies.webhook(text, dialect), chatIsOpen: open, knownVisitorID: visitor,
                         configuration: configuration ?? self.configuration, time: noon)
    }

    @Test func newChatWithMessagesCombinesTheirTextsIntoOneQuery() throws {
        let turn = try map(Bodies.newChatWithMessages, open: false, visitor: nil)
        let request = try #require(turn.request)
        #expect(turn.session == .newChat)
        #expect(request.query == "hello\nwhere is my order?")
        #expect(request.event == nil)
        #expect(request.data == ["chatId": 1])
        #expect(request.rawRequest == Bodies.json(Bodies.newChatWithMessages))
        #expect(request.channelType == "webim")
        #expect(request.channelUserId == "00000000-0000-0000-0000-000000000000")
        #expect(request.time == noon)
        #expect(turn.notes.isEmpty)
        // The whole `$request` the script sees.
        var expected = Bodies.json(#"""
            {"query": "hello\nwhere is my order?", "channelType": "webim",
             "channelUserId": "00000000-0000-0000-0000-000000000000", "data": {"chatId": 1}}
            """#)
        expected["rawRequest"] = Bodies.json(Bodies.newChatWithMessages)
        expected["version"] = 1
        #expect(request.scriptValue == expected)
    }

    @Test func prechatSeparatorAndChannelTypeComeFromTheConfiguration() throws {
        var custom = WebimChannelConfiguration()
        custom.prechatSeparator = " | "
        custom.channelType = "webim2"
        let request = try #require(try map(Bodies.newChatWithMessages, open: false, configuration: custom).request)
        #expect(request.query == "hello | where is my order?")
        #expect(request.channelType == "webim2")
    }

    @Test func prechatButtonClicksContributeTheirTextAndTextlessMessagesAreSkipped() throws {
        let text = #"""
            {"event": "new_chat", "chat": {"id": 2}, "visitor": {"id": "v-2"},
             "messages": [{"id": "m1", "kind": "visitor", "text": "hi"},
                          {"id": "m2", "kind": "keyboard_response", "data": {"button": {"id": "b1", "text": "Delivery"}}},
                          {"id": "m3", "kind": "file_visitor", "data": {"url": "https://x/a.png"}},
                          {"id": "m4", "kind": "visitor"},
                          {"id": "m5", "kind": "info", "text": "Visitor opened the chat"},
                          {"id": "m6", "kind": "visitor", "text": "when?"}]}
            """#
        let turn = try map(text, open: false)
        #expect(turn.request?.query == "hi\nDelivery\nwhen?")
        #expect(turn.notes == [
            "pre-chat message messages[2] (kind 'file_visitor') has no text and is skipped",
            "pre-chat message messages[3] (kind 'visitor') has no text and is skipped",
            "pre-chat message messages[4] (kind 'info') has no text and is skipped",
        ])
    }

    @Test func newChatWithoutMessagesIsNewChatStartedWithTheRequestAsEventData() throws {
        let turn = try map(Bodies.newChatWithoutMessages, open: false, visitor: nil)
        let request = try #require(turn.request)
        let body = Bodies.json(Bodies.newChatWithoutMessages)
        #expect(turn.session == .newChat)
        #expect(request.query == nil)
        #expect(request.event == "newChatStarted")
        #expect(request.data == ["chatId": 1, "eventData": body])
        #expect(request.rawRequest == body)
        #expect(request.channelUserId == "00000000-0000-0000-0000-000000000000")
    }

    @Test func newChatWhoseMessagesHaveNoTextStartsWithNewChatStarted() throws {
        let text = #"{"event": "new_chat", "chat": {"id": 3}, "visitor": {"id": "v"}, "messages": [{"kind": "file_visitor", "data": {"url": "u"}}]}"#
        let turn = try map(text, open: false)
        #expect(turn.request?.event == "newChatStarted")
        #expect(turn.request?.query == nil)
        #expect(turn.notes.last == "no pre-chat message has text: the chat starts with newChatStarted")
        #expect(try map(#"{"event": "new_chat", "chat": {"id": 3}, "visitor": {"id": "v"}, "messages": []}"#, open: false).request?.event
                == "newChatStarted")
    }

    @Test func newChatForAnOpenChatReplacesItsSession() throws {
        let turn = try map(Bodies.newChatWithoutMessages, open: true)
        #expect(turn.session == .newChat)
        #expect(turn.notes == ["chat 1 was already open: its conversation is replaced by a new session"])
    }

    @Test func visitorMessageIsTheQuery() throws {
        let turn = try map(Bodies.visitorMessage)
        let request = try #require(turn.request)
        #expect(turn.session == .continued)
        #expect(request.query == "track 123")
        #expect(request.event == nil)
        #expect(request.data == ["chatId": 1])
        #expect(request.channelUserId == "v-1")
        #expect(request.rawRequest == Bodies.json(Bodies.visitorMessage))
    }

    @Test func keyboardResponseIsTheButtonTextWithTheButtonInData() throws {
        let request = try #require(try map(Bodies.keyboardResponse).request)
        #expect(request.query == "Delivery")
        #expect(request.event == nil)
        #expect(request.data == ["chatId": 1, "button": ["id": "b1", "text": "Delivery"]])
    }

    @Test func keyboardResponseInBotAPI1KeepsTheStringChatID() throws {
        let request = try #require(try map(Bodies.keyboardResponseBotAPI1, .botAPI1).request)
        #expect(request.query == "Say hi")
        #expect(request.data == ["chatId": "9401b039-ace3", "button": ["id": "say_hi", "text": "Say hi"]])
    }

    @Test func buttonWithoutTextAsksWithItsID() throws {
        let text = #"{"event": "new_message", "chat_id": 1, "message": {"kind": "keyboard_response", "data": {"button": {"id": "b9"}}}}"#
        let turn = try map(text)
        #expect(turn.request?.query == "b9")
        #expect(turn.notes == ["button 'b9' has no text: the query is its id"])
    }

    @Test func fileVisitorIsFileEventWithAnArrayOfFiles() throws {
        let request = try #require(try map(Bodies.fileVisitor).request)
        #expect(request.query == nil)
        #expect(request.event == "fileEvent")
        #expect(request.data == Bodies.json(#"""
            {"chatId": 1, "eventData": [{"url": "https://acct.webim.ru/api/bot/v2/file/c06?hash=a01", "media_type": "text/plain", "name": "t.txt", "size": 24}]}
            """#))
    }

    @Test func unknownMessageKindsRunNoTurn() throws {
        let turn = try map(#"{"event": "new_message", "chat_id": 1, "message": {"kind": "sticker_visitor", "data": {"stickerId": 7}}}"#)
        #expect(turn.request == nil)
        #expect(turn.reason == "message kind 'sticker_visitor' is not passed to the bot; answered 200 and kept")
    }

    @Test func visitorMessageWithoutTextRunsNoTurn() throws {
        let turn = try map(#"{"event": "new_message", "chat_id": 1, "message": {"kind": "visitor", "text": ""}}"#)
        #expect(turn.request == nil)
        #expect(turn.reason == "visitor message without text: nothing to ask the bot")
    }

    @Test func unknownEventsRunNoTurn() throws {
        let turn = try map(#"{"event": "chat_closed", "chat": {"id": 1}}"#)
        #expect(turn.request == nil)
        #expect(turn.reason == "event 'chat_closed' is not passed to the bot (conform handles new_chat and new_message); answered 200 and kept")
    }

    @Test func messageForAChatNeverOpenedStillRunsATurnInANewSession() throws {
        let turn = try map(Bodies.visitorMessage, open: false, visitor: nil)
        #expect(turn.session == .unopenedChat)
        #expect(turn.session.startsConversation)
        #expect(turn.request?.query == "track 123")
        #expect(turn.request?.channelUserId == "1")
        #expect(turn.notes == [
            "the visitor of chat 1 is unknown: channelUserId is the chat id",
            "new_message for chat 1, which was never opened (no new_chat seen): a new session is started",
        ])
    }

    @Test func visitorInTheBodyWinsOverTheRememberedOne() throws {
        let text = #"{"event": "new_message", "chat_id": 1, "visitor": {"id": "v-9"}, "message": {"kind": "visitor", "text": "x"}}"#
        #expect(try map(text, visitor: "v-1").request?.channelUserId == "v-9")
    }
}
