import BotRuntime
import ConformJSON
import Testing
import WebimChannel
import WebimProtocol

/// The shipped demo bot behind the adapter, External Bot API 1.0: every answer is in the webhook's
/// HTTP response, and no API call is made.
@Suite struct DemoBotBotAPI1Tests {
    static let chat = "9401b039-ace3"

    private func message(_ fields: JSONValue) -> [UInt8] {
        var body: JSONValue = ["event": "new_message", "chat": ["id": .string(Self.chat)]]
        for (key, value) in fields.objectValue ?? [:] { body[key] = value }
        return Array(JSONWriter.compact(body).utf8)
    }

    @Test func conversationFromNewChatToClose() throws {
        var channel = try Demo.channel()
        let newChat = #"{"event": "new_chat", "chat": {"id": "9401b039-ace3"}, "visitor": {"id": "v-7"}, "location": {"address": "https://shop.example.com/"}}"#

        let start = channel.handle(path: "/", headers: v1, body: Array(newChat.utf8), time: noon)
        #expect(start.dialect?.dialect == .botAPI1)
        #expect(start.request?.event == "newChatStarted")
        #expect(start.request?.data["chatId"] == "9401b039-ace3")
        #expect(start.calls.isEmpty)
        #expect(start.webhookResponse.status == 200)
        #expect(JSONWriter.compact(start.webhookResponse.body) == #"{"has_answer":true,"messages":[{"kind":"operator","text":"Hello! I am the shop assistant."},{"kind":"operator","text":"What can I help you with?"},{"kind":"keyboard","buttons":[[{"id":"track-an-order-737999db","text":"Track an order"}],[{"id":"delivery-48f38d75","text":"Delivery"}],[{"id":"talk-to-a-perso-feef4b88","text":"Talk to a person"}]]}]}"#)

        // The click, in 1.0's shape: kind and response at the top level.
        let click = channel.handle(path: "/", headers: v1, body: message([
            "kind": "keyboard_response", "response": ["button": ["id": "track-an-order-737999db", "text": "Track an order"]],
        ]), time: noon + 1000)
        #expect(click.request?.query == "Track an order")
        #expect(click.request?.channelUserId == "v-7")
        #expect(JSONWriter.compact(click.webhookResponse.body)
                == #"{"has_answer":true,"messages":[{"kind":"operator","text":"Please tell me your order number."}]}"#)

        let number = channel.handle(path: "/", headers: v1, body: message(["kind": "visitor", "text": "it is 12343"]), time: noon + 2000)
        #expect(JSONWriter.compact(number.webhookResponse.body)
                == #"{"has_answer":true,"messages":[{"kind":"operator","text":"Order 12343 has been delivered."}]}"#)

        // A transfer is the one thing 1.0 can express: {"has_answer": false}.
        let transfer = channel.handle(path: "/", headers: v1, body: message(["kind": "visitor", "text": "operator please"]), time: noon + 3000)
        #expect(JSONWriter.compact(transfer.webhookResponse.body) == #"{"has_answer":false}"#)
        #expect(transfer.calls.isEmpty)
        #expect(transfer.skipped.map(\.source) == ["replies[1]"])
        #expect(transfer.note == "bot-api-1 can only hand the chat to the queue: the transfer to department 'support' (replies[0]) goes to the queue")

        // close_chat has no 1.0 form: the text is answered, set_category and close_chat are listed as skipped.
        let bye = channel.handle(path: "/", headers: v1, body: message(["kind": "visitor", "text": "goodbye"]), time: noon + 4000)
        #expect(JSONWriter.compact(bye.webhookResponse.body) == #"{"has_answer":true,"messages":[{"kind":"operator","text":"Goodbye!"}]}"#)
        #expect(bye.skipped.map(\.type) == ["set_category", "close_chat"])
    }

    @Test func prechatMessagesAreCombinedInBotAPI1Too() throws {
        var channel = try Demo.channel()
        let body = #"{"event": "new_chat", "chat": {"id": "c-2"}, "visitor": {"id": "v"}, "messages": [{"kind": "visitor", "text": "hi"}, {"kind": "visitor", "text": "where is my order"}]}"#
        let outcome = channel.handle(path: "/v1", headers: [:], body: Array(body.utf8), time: noon)
        #expect(outcome.dialect == DialectDetection(dialect: .botAPI1, source: .path, evidence: "path /v1"))
        #expect(outcome.request?.query == "hi\nwhere is my order")
        #expect(outcome.webhookResponse.body["has_answer"] == true)
    }

    @Test func laterRequestsWithoutHintsKeepTheChatsDialect() throws {
        var channel = try Demo.channel()
        let newChat = #"{"event": "new_chat", "chat": {"id": "c-3"}, "visitor": {"id": "v"}}"#
        _ = channel.handle(path: "/", headers: v1, body: Array(newChat.utf8), time: noon)
        let unknown = channel.handle(path: "/", headers: [:], body: Array(#"{"event": "chat_updated", "chat": {"id": "c-3"}}"#.utf8), time: noon)
        #expect(unknown.dialect?.source == .chat)
        #expect(unknown.dialect?.dialect == .botAPI1)
        #expect(unknown.turn == nil)
        #expect(JSONWriter.compact(unknown.webhookResponse.body) == #"{"has_answer":true,"messages":[]}"#)
    }
}
