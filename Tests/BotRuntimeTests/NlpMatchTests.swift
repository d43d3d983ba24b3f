import BotRuntime
import BotScript
import Testing

/// `$nlp.match(text, context)`: the pattern trigger the dialog would choose for the text from that
/// context — globals and the context's neighbours, not every state under the path.
@Suite struct NlpMatchTests {
    @Test func matchSeesWhatARequestFromThatContextWouldSee() throws {
        let bot = try InlineBot("""
            theme: /
                state: Probe
                    q!: probe
                    script:
                        function target(text, context) { var m = $nlp.match(text, context); return m ? m.targetState : "none"; }
                        $reactions.answer([target("zzz", "/"), target("a", "/Probe"), target("b", "/A"), target("b", "/"),
                                           target("anything", "/A/B")].join(" "));
                state: A
                    q!: a
                    state: B
                        q: b
                        state: Deep
                            q: *
                            a: deep
                state: NoMatch
                    event!: noMatch
                    a: nomatch
            """)
        let turn = try bot.conversation().process(BotRequest(query: "probe"))
        #expect(turn.error == nil)
        #expect(turn.texts == ["none /A /A/B none /A/B/Deep"])
    }
}
