import BotRuntime
import BotScript
import Testing

/// A state whose body JavaScriptCore cannot compile: the turn's error names it, and it counts as
/// entered, as a state whose body fails while running does.
@Suite struct CompileErrorTests {
    @Test func aStateWhoseBodyDoesNotCompileCountsAsEnteredWithItsSyntaxError() throws {
        let bot = try InlineBot("""
            theme: /
                state: Broken
                    q!: broken
                    script:
                        var x = ;
            """)
        let turn = try bot.conversation().process(BotRequest(query: "broken"))
        #expect(turn.statesEntered == ["/Broken"])
        guard case .script(let error, let state)? = turn.error else {
            Issue.record("expected a script error, got \(String(describing: turn.error))")
            return
        }
        #expect(error.name == "SyntaxError")
        #expect(state == "/Broken")
        #expect(error.line == 5)
    }
}
