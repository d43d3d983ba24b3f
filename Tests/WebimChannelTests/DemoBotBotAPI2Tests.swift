import BotRuntime
import ConformJSON
import Testing
import WebimChannel
import WebimProtocol

/// The shipped demo bot behind the adapter, External Bot API 2.0: the webhook is acknowledged and
/// every reply is an API call.
@Suite struct DemoBotBotAPI2Tests {
    static let menuKeyboard = #"send_message {"chat_id":1,"message":{"kind":"keyboard","buttons":[[{"id":"track-an-order-737999db","text":"Track an order"}],[{"id":"delivery-48f38d75","text":"Delivery"}],[{"id":"talk-to-a-perso-feef4b88","text":"Talk to a person"}]]}}"#

    @Test func conversationFromNewChatToClose() throws {
        var channel = try Demo.channel()

        // new_chat without messages → newChatStarted → greeting by name, then the menu.
        let start = channel.handle(path: "/", headers: v2, body: Array(Bodies.newChatWithoutMessages.utf8), time: noon)
        #expect(start.error == nil)
        #expect(start.webhookResponse == WebhookResponse(status: 200, body: ["result": "ok"]))
        #expect(start.request?.event == "newChatStarted")
        #expect(start.session == .newChat)
        #expect(start.dialect?.dialect == .botAPI2)
        #expect(start.turn?.statesEntered == ["/ConversationStart", "/Menu"])
        #expect(start.calls.lines == [
            #"send_message {"chat_id":1,"message":{"kind":"operator","text":"Hello, John! I am the shop assistant."}}"#,
            #"send_message {"chat_id":1,"message":{"kind":"operator","text":"What can I help you with?"}}"#,
            Self.menuKeyboard,
        ])
        #expect(start.calls.allSatisfy { $0.httpMethod == "POST" && $0.path == "/api/bot/v2/send_message" })
        let session = try #require(channel.conversation(for: .integer(1))?.snapshot().session)
        #expect(session["startPage"] == "https://shop.example.com/delivery")
        #expect(session["visitorName"] == "John")

        // A click on the keyboard's first button, as Webim reports it.
        let keyboard = try WebimOutboundMessage.decode(try #require(start.calls.last?.body["message"]))
        guard case .keyboard(let rows) = keyboard else { Issue.record("not a keyboard"); return }
        let click = channel.handle(path: "/", headers: v2, body: Array(Bodies.click(rows[0][0]).utf8), time: noon + 1000)
        #expect(click.request?.query == "Track an order")
        #expect(click.request?.channelUserId == "00000000-0000-0000-0000-000000000000")
        #expect(click.session == .continued)
        #expect(click.calls.lines == [#"send_message {"chat_id":1,"message":{"kind":"operator","text":"Please tell me your order number."}}"#])

        let number = channel.handle(path: "/", headers: v2, body: Array(Bodies.visitor("it is 12341").utf8), time: noon + 2000)
        #expect(number.calls.lines == [#"send_message {"chat_id":1,"message":{"kind":"operator","text":"Order 12341 has been shipped."}}"#])

        // The transfer: the text is said first, then the chat goes to the `support` department.
        let transfer = channel.handle(path: "/", headers: v2, body: Array(Bodies.visitor("I want a person").utf8), time: noon + 3000)
        #expect(transfer.turn?.replies.first?["type"] == "switch")
        #expect(transfer.calls.lines == [
            #"send_message {"chat_id":1,"message":{"kind":"operator","text":"Connecting you to an agent."}}"#,
            #"redirect_chat {"chat_id":1,"dep_key":"support"}"#,
        ])
        #expect(transfer.calls.last?.path == "/api/bot/v2/redirect_chat")

        // close_chat with a category: set_category first, then close_chat.
        let bye = channel.handle(path: "/", headers: v2, body: Array(Bodies.visitor("bye").utf8), time: noon + 4000)
        #expect(bye.calls.lines == [
            #"send_message {"chat_id":1,"message":{"kind":"operator","text":"Goodbye!"}}"#,
            #"set_category {"chat_id":1,"category":"demo","subcategory":"bye"}"#,
            #"close_chat {"chat_id":1}"#,
        ])
        #expect(bye.skipped.isEmpty)
        #expect(channel.sessions[.integer(1)]?.closed == true)
        #expect(channel.sessions[.integer(1)]?.turns == 5)
    }

    @Test func prechatMessagesAreProcessedAsOneQuery() throws {
        var channel = try Demo.channel()
        let outcome = channel.handle(path: "/", headers: v2, body: Array(Bodies.newChatWithMessages.utf8), time: noon)
        #expect(outcome.request?.query == "hello\nwhere is my order?")
        #expect(outcome.request?.event == nil)
        #expect(outcome.turn?.statesEntered == ["/Orders/AskNumber"])
        #expect(outcome.calls.lines == [#"send_message {"chat_id":1,"message":{"kind":"operator","text":"Please tell me your order number."}}"#])
        #expect(channel.conversation(for: .integer(1))?.snapshot().session["greeted"] == true)
    }

    @Test func newChatStartsAFreshSession() throws {
        var channel = try Demo.channel()
        _ = channel.handle(path: "/", headers: v2, body: Array(Bodies.newChatWithoutMessages.utf8), time: noon)
        _ = channel.handle(path: "/", headers: v2, body: Array(Bodies.visitor("track my order").utf8), time: noon + 1000)
        #expect(channel.conversation(for: .integer(1))?.snapshot().session["turns"] == 2)
        let again = channel.handle(path: "/", headers: v2, body: Array(Bodies.newChatWithoutMessages.utf8), time: noon + 2000)
        #expect(again.session == .newChat)
        #expect(again.note == "chat 1 was already open: its conversation is replaced by a new session")
        #expect(channel.conversation(for: .integer(1))?.snapshot().session["turns"] == 1)
    }

    @Test func fileFromTheVisitorReachesTheBotAsFileEvent() throws {
        var channel = try Demo.channel()
        _ = channel.handle(path: "/", headers: v2, body: Array(Bodies.newChatWithoutMessages.utf8), time: noon)
        let file = channel.handle(path: "/", headers: v2, body: Array(Bodies.fileVisitor.utf8), time: noon + 1000)
        #expect(file.request?.event == "fileEvent")
        #expect(file.request?.data["eventData"]?[0]?["url"] == "https://acct.webim.ru/api/bot/v2/file/c06?hash=a01")
        // The demo's File state answers with the file's name, read from eventData[0].
        #expect(file.turn?.selection?.state == "/File")
        #expect(file.calls.map { JSONWriter.compact($0.body) } == [
            #"{"chat_id":1,"message":{"kind":"operator","text":"Thank you, I received t.txt. An agent will look at it."}}"#,
        ])
        #expect(file.webhookResponse == .acknowledged)
    }

    @Test func beforeTurnSeesTheChatsConversation() throws {
        var channel = try Demo.channel()
        var seen = 0
        _ = channel.handle(path: "/", headers: v2, body: Array(Bodies.newChatWithoutMessages.utf8), time: noon) { conversation in
            seen += 1
            #expect(conversation.contextPath == "/")
        }
        #expect(seen == 1)
    }

    @Test func recordedJSONBodiesAreHandledLikeBytes() throws {
        var fromBytes = try Demo.channel()
        var fromJSON = try Demo.channel()
        let a = fromBytes.handle(path: "/", headers: v2, body: Array(Bodies.newChatWithoutMessages.utf8), time: noon)
        let b = fromJSON.handle(path: "/", headers: v2, json: Bodies.json(Bodies.newChatWithoutMessages), time: noon)
        #expect(a.calls == b.calls)
        #expect(a.webhookResponse == b.webhookResponse)
        #expect(b.request?.rawRequest == Bodies.json(Bodies.newChatWithoutMessages))
    }
}
