import BotRuntime
import ConformJSON
import Testing

/// A `"Text" -> /Target` button is a trigger: its click chooses the next state, so coverage counts it
/// at the button's own .sc line — and only when the click really chose the target.
@Suite struct ButtonTriggerCoverageTests {
    static let source = """
        theme: /
            state: Menu
                q!: menu
                a: Choose
                buttons:
                    "Tea" -> /Tea
                    "Coffee" -> /Coffee
                    "Just text"
                if: $session.vip
                    inlineButtons:
                        "Secret" -> /Secret
                random:
                    a: one
                    a: two
            state: Tea
                a: tea
            state: Coffee
                a: coffee
            state: Secret
                a: secret
            state: NoMatch
                event!: noMatch
                a: no match
        """

    @Test func everyTransitionButtonIsATriggerAtItsOwnLineNestedOnesIncluded() throws {
        let bot = try InlineBot(Self.source)
        let coverage = Coverage(bot: bot.bot)
        // q! at 3, event! at 22; buttons at 6, 7 and (inside if:) 11; "Just text" has no transition.
        #expect(coverage.triggers.keys.elements == [
            "src/main.sc:3", "src/main.sc:6", "src/main.sc:7", "src/main.sc:11", "src/main.sc:22",
        ])
    }

    @Test func aClickCountsTheClickedButtonAndNothingElse() throws {
        let bot = try InlineBot(Self.source)
        let chat = try bot.conversation()
        var coverage = Coverage(bot: bot.bot)
        coverage.count(chat.process(BotRequest(query: "menu")), in: bot.bot)
        let click = chat.process(BotRequest(query: "coffee"))
        #expect(click.texts == ["coffee"])
        #expect(click.selection == nil)
        #expect(click.buttonTrigger == "src/main.sc:7")
        coverage.count(click, in: bot.bot)
        #expect(coverage.triggers.filter { $0.value > 0 } == ["src/main.sc:3": 1, "src/main.sc:7": 1])
        #expect(coverage.states["/Coffee"] == 1)
        // The button's source stays out of what the bot and the recordings see.
        _ = chat.process(BotRequest(query: "menu"))
        #expect(chat.snapshot().session["transitions"] == [["text": "Tea", "mapping": "/Tea"],
                                                           ["text": "Coffee", "mapping": "/Coffee"]])
    }

    @Test func aTypedTextThatIsNoLongerOfferedIsNotAButtonTrigger() throws {
        let bot = try InlineBot(Self.source)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "menu"))
        _ = chat.process(BotRequest(query: "tea"))
        let again = chat.process(BotRequest(query: "tea"))  // the offer was used up by the click before
        #expect(again.texts == ["no match"])
        #expect(again.buttonTrigger == nil)
    }

    @Test func aButtonShownInsideIfCountsWhenClicked() throws {
        let bot = try InlineBot(Self.source)
        let chat = try bot.conversation()
        var coverage = Coverage(bot: bot.bot)
        chat.merge(session: ["vip": true])
        _ = chat.process(BotRequest(query: "menu"))
        let click = chat.process(BotRequest(query: "SECRET"))
        #expect(click.texts == ["secret"])
        coverage.count(click, in: bot.bot)
        #expect(coverage.triggers["src/main.sc:11"] == 1)
    }

    @Test func aPreMatchHandlerThatRedirectsTheClickTakesTheTriggerAway() throws {
        let bot = try InlineBot("""
            init:
                bind("preMatch", function ($context) {
                    if ($context.request.query === "Tea") $context.temp.targetState = "/Coffee";
                });
            """ + "\n" + Self.source)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "menu"))
        let click = chat.process(BotRequest(query: "Tea"))
        #expect(click.texts == ["coffee"])
        #expect(click.buttonTrigger == nil)
    }
}

/// `{text: "Yes"} -> /Target`: an object button with a transition after it (a public bot writes 15).
@Suite struct ObjectButtonTransitionTests {
    @Test func anObjectButtonWithAnArrowLeadsToItsTarget() throws {
        let bot = try InlineBot("""
            theme: /
                state: Hello
                    q!: hello
                    a: hi
                state: Menu
                    q!: menu
                    inlineButtons:
                        {text: "Yes, {please}", callback_data: "y"} -> /Hello
                        {text: "Site", url: "https://example.com"}
            """)
        #expect(bot.bot.project.diagnostics.isEmpty, "\(bot.bot.project.diagnostics)")
        let chat = try bot.conversation()
        let menu = chat.process(BotRequest(query: "menu"))
        #expect(menu.error == nil)
        #expect(menu.replies == [["type": "inlineButtons", "buttons": [
            ["text": "Yes, {please}", "callback_data": "y", "transition": "/Hello"],
            ["text": "Site", "url": "https://example.com"],
        ], "state": "/Menu"]])
        let click = chat.process(BotRequest(query: "Yes, {please}"))
        #expect(click.statesEntered == ["/Hello"])
        #expect(click.buttonTrigger == "src/main.sc:8")
    }
}
