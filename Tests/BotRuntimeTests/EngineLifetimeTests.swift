import BotRuntime
import ConformJSON
import JSEngine
import Testing

/// `conform serve` gives every chat its own engine (a JavaScriptCore VM of about 1.3 MB); when the
/// chat ends, the engine must go with it, or a long-running server grows by a VM per chat.
@Suite struct EngineLifetimeTests {
    @Test func anEngineIsReleasedWithItsConversationAfterEveryNativeFunctionRan() throws {
        // Templates, lodash, random, time formatting and intervals all call into Swift.
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: *
                    script:
                        $temp.n = _.uniq([1, 2, 2, 1, 3]).length + $jsapi.random(3) * 0;
                        $temp.t = $jsapi.dateForZone("Europe/Moscow", "HH:mm");
                        $reactions.timeout({interval: "5 seconds", targetState: "/Start"});
                    a: {{ $temp.n }} at {{ $temp.t }}
            """)
        weak var released: JSEngine?
        weak var endedConversation: Conversation?
        do {
            let engine = JSEngine()
            released = engine
            let conversation = try Conversation(bot: bot.bot, engine: engine, options: RuntimeOptions())
            endedConversation = conversation
            let result = conversation.process(BotRequest(query: "hello", time: noon))
            #expect(result.error == nil)
            #expect(result.texts == ["3 at 13:00"])
        }
        #expect(endedConversation == nil)
        #expect(released == nil)
    }
}
