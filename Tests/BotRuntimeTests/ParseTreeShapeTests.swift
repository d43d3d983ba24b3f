@testable import BotRuntime
import ConformJSON
import Testing

/// A parse tree with nothing to convert is shaped in Swift (`ParseTreeJSON.finished`); these pin that
/// shape — keys, values and their order — to what the sandbox's `applyConverters` makes of the same tree.
@Suite struct ParseTreeShapeTests {
    static let source = """
        patterns:
            $colour = (red:1|green:2|blue)
            $shade = (light|dark) $colour
            $pair = $colour and $colour
            $wrap = [the] $shade
        theme: /
            state: Shade
                q!: * $wrap *
            state: Pair
                q!: i want $pair
            state: Yes
                q!: (yes:1|yeah:2) *
            state: Hello
                q!: hello * : greeting
        """

    @Test func treesWithoutConvertersGetExactlyTheSandboxsShape() throws {
        let bot = try InlineBot(Self.source)
        let chat = try bot.conversation()
        let queries = ["a light red one", "the dark blue", "i want red and blue", "yeah right", "hello there"]
        for query in queries {
            let turn = chat.process(BotRequest(query: query))
            let selection = try #require(turn.selection, "\(query)")
            let tree = try #require(selection.parseTree, "\(query)")
            let rootValue = bot.bot.triggers[selection.triggerID].trigger.rootValue
            let finished = try #require(ParseTreeJSON.finished(tree, rootValue: rootValue), "\(query)")
            let raw = StateScript.literal(JSONWriter.compact(ParseTreeJSON.make(tree, rootValue: rootValue)))
            let shapedBySandbox = try chat.engine.evaluate("JSON.stringify(__conform.applyConverters(\(raw)))").toString()
            #expect(JSONWriter.compact(finished) == shapedBySandbox, "\(query)")
        }
        // The one-child rule carried a value up two levels; the mapping's value reached `_wrap`.
        let turn = chat.process(BotRequest(query: "a light red one"))
        let finished = ParseTreeJSON.finished(try #require(turn.selection?.parseTree), rootValue: nil)
        #expect(finished?["_wrap"] == 1)
        #expect(finished?["wrap"]?[0]?["_shade"] == 1)
    }

    @Test func aTreeWithAConverterIsLeftToTheSandbox() throws {
        let bot = try InlineBot("""
            patterns:
                $digit = (one:1|two:2) || converter = function (n) { return n.value * 10; }
            theme: /
                state: Digit
                    q!: * $digit *
                    a: {{ $parseTree._digit }}
            """)
        let chat = try bot.conversation()
        let turn = chat.process(BotRequest(query: "two"))
        #expect(ParseTreeJSON.finished(try #require(turn.selection?.parseTree), rootValue: nil) == nil)
        #expect(turn.texts == ["20"])
    }
}

/// Templates are compiled by the engine from text it keeps parsed (`native.compile`).
@Suite struct TemplateCompilationTests {
    @Test func aTemplateWithASyntaxErrorFailsTheTurnWithASyntaxErrorNamingTheState() throws {
        let bot = try InlineBot("""
            theme: /
                state: Broken
                    q!: broken
                    a: Hi {{ $session.name + }}
                state: Fine
                    q!: fine
                    a: Hi {{ $session.name || "there" }} ({{ 1 + 1 }})
            """)
        let chat = try bot.conversation()
        let broken = chat.process(BotRequest(query: "broken"))
        guard case .script(let error, let state)? = broken.error else {
            Issue.record("expected a script error, got \(String(describing: broken.error))")
            return
        }
        #expect(error.name == "SyntaxError")
        #expect(state == "/Broken")
        // The same template text compiles once per engine and works in every later conversation.
        #expect(chat.process(BotRequest(query: "fine")).texts == ["Hi there (2)"])
        let again = try Conversation(bot: bot.bot, engine: chat.engine)
        #expect(again.process(BotRequest(query: "fine")).texts == ["Hi there (2)"])
    }
}
