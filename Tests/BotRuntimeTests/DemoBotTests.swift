import BotRuntime
import BotScript
import ConformJSON
import JSEngine
import Testing

@Suite struct DemoBotTests {
    @Test func greetingGoesToMenuWithButtons() throws {
        let bot = try Bots.compile(Bots.demo)
        #expect(bot.allDiagnostics.isEmpty, "\(bot.allDiagnostics)")
        let chat = try Conversation(bot: bot, engine: JSEngine())
        let turn = chat.process(BotRequest(query: "hi", time: noon))
        #expect(turn.error == nil, "\(String(describing: turn.error))")
        #expect(turn.texts == ["Hello! I am the shop assistant.", "What can I help you with?"])
        #expect(turn.statesEntered == ["/Start", "/Menu"])
        #expect(turn.contextPath == "/Menu")
        #expect(turn.replies.last == [
            "type": "buttons",
            "buttons": [
                ["text": "Track an order", "transition": "/Orders/AskNumber"],
                ["text": "Delivery", "transition": "/Delivery"],
                ["text": "Talk to a person", "transition": "/Operator"],
            ],
            "state": "/Menu",
        ])
        let click = chat.process(BotRequest(query: "Track an order", time: noon + 1000))
        #expect(click.texts == ["Please tell me your order number."])
        let number = chat.process(BotRequest(query: "it is 12341", time: noon + 2000))
        #expect(number.error == nil, "\(String(describing: number.error))")
        #expect(number.texts == ["Order 12341 has been shipped."])
        #expect(chat.snapshot().session["orderNumber"] == "12341")
        #expect(number.contextPath == "/Menu")
    }
}

