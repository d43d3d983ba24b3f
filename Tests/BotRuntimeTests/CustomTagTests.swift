import BotRuntime
import BotScript
import ConformJSON
import Testing

/// A project's own action tags (`customTags:` in chatbot.yaml): using one runs its start state with
/// the tag's parameters in `$request.data.args`.
@Suite struct CustomTagTests {
    static let yaml = "name: t\nentryPoint: main.sc\ncustomTags:\n  - src/blocks/sum.json\n"
    static let files = [
        "src/blocks/sum.json": """
            {
                "tagName": "SumTwo",
                "startState": "/Blocks/SumTwo",
                "scenarioFile": "blocks/sum.sc",
                // the editor's own comments are allowed
                "parameters": [
                    {"name": "a", "type": "string"}, {"name": "b", "type": "string"},
                    {"name": "okState", "type": "state"}
                ]
            }
            """,
        "src/blocks/sum.sc": """
            theme: /Blocks
                state: SumTwo
                    a: {{ parseFloat($request.data.args.a) + parseFloat($request.data.args.b) }}
                    go!: {{ $request.data.args.okState }}
            """,
    ]

    @Test func aCustomTagRunsItsStartStateWithTheArgumentsAndItsStateParametersMadeAbsolute() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    a: Let me add.
                    SumTwo:
                        a = 2
                        b = 3
                        okState = Done
                    a: never shown
                    state: Done
                        a: done
            """, files: Self.files, yaml: Self.yaml)
        #expect(bot.bot.project.diagnostics.isEmpty, "\(bot.bot.project.diagnostics)")
        let turn = try bot.conversation().process(BotRequest(query: "start"))
        #expect(turn.error == nil)
        #expect(turn.texts == ["Let me add.", "5", "done"])
        #expect(turn.statesEntered == ["/Start", "/Blocks/SumTwo", "/Start/Done"])
    }

    @Test func aCustomTagInsideAnIfRunsOnlyOnItsBranch() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start *
                    if: $parseTree.text === "start adding"
                        SumTwo:
                            a = 1
                            b = 1
                            okState = /Start/Done
                    else:
                        a: no sums
                    state: Done
                        a: done
            """, files: Self.files, yaml: Self.yaml)
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "start adding")).texts == ["2", "done"])
        #expect(chat.process(BotRequest(query: "start now")).texts == ["no sums"])
    }

    @Test func argumentsReachTheScriptAsWritten() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    Echo:
                        code = 007
                        big = 12345678901234567890
                        text = "quoted, with a comma"
            """, files: [
                "src/echo.json": #"{"tagName": "Echo", "startState": "/Echo", "scenarioFile": "echo.sc"}"#,
                "src/echo.sc": "theme: /\n    state: Echo\n        a: {{ $request.data.args.code }}|{{ $request.data.args.big }}|{{ $request.data.args.text }}\n",
            ], yaml: "name: t\nentryPoint: main.sc\ncustomTags:\n  - src/echo.json\n")
        let turn = try bot.conversation().process(BotRequest(query: "start"))
        #expect(turn.texts == ["007|12345678901234567890|quoted, with a comma"])
    }

    @Test func aJSCustomTagCallsItsFunctionWithTheParametersInDeclaredOrder() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    Say:
                        suffix = !
                        value = hello
                    a: and on
            """, files: [
                "src/tags/say.json": """
                    {"tagName": "Say", "customTagType": "JS", "scenarioFile": "tags/say.js", "functionName": "say",
                     "parameters": [{"name": "value", "type": "string"}, {"name": "suffix", "type": "string"},
                                    {"name": "unused", "type": "string"}]}
                    """,
                "src/tags/say.js": "function say(value, suffix, unused) { $reactions.answer('said ' + value + suffix + ' ' + typeof unused); }\n",
            ], yaml: "name: t\nentryPoint: main.sc\ncustomTags:\n  - src/tags/say.json\n")
        #expect(bot.bot.project.diagnostics.isEmpty, "\(bot.bot.project.diagnostics)")
        let turn = try bot.conversation().process(BotRequest(query: "start"))
        #expect(turn.error == nil)
        #expect(turn.texts == ["said hello! undefined", "and on"])
    }
}
