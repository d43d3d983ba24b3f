import BotRuntime
import BotScript
import ConformJSON
import Testing

/// `scriptEs6:` bodies that await, and promise callbacks in plain scripts: their jobs run before the
/// turn's replies are taken, as they do when JavaScriptCore hands control back after each call.
@Suite struct AsyncScriptTests {
    @Test func scriptEs6AwaitsBeforeTheNextTagRuns() throws {
        let bot = try InlineBot("""
            theme: /
                state: Price
                    q!: price
                    scriptEs6:
                        const price = await Promise.resolve(42);
                        $session.price = price;
                        $reactions.answer("It costs " + price);
                    a: Anything else?
            """)
        let chat = try bot.conversation()
        let turn = chat.process(BotRequest(query: "price"))
        #expect(turn.error == nil)
        #expect(turn.texts == ["It costs 42", "Anything else?"])
        #expect(chat.snapshot().session["price"] == 42)
    }

    @Test func scriptEs6RejectionReachesOnScriptError() throws {
        let bot = try InlineBot("""
            init:
                bind("onScriptError", function ($context) {
                    $reactions.answer("Sorry: " + $context.exception.message);
                });
            theme: /
                state: Fail
                    q!: fail
                    scriptEs6:
                        await Promise.reject(new Error("no stock"));
                    a: unreachable
            """)
        let turn = try bot.conversation().process(BotRequest(query: "fail"))
        #expect(turn.error == nil)
        #expect(turn.texts == ["Sorry: no stock"])
    }

    @Test func scriptEs6GoAfterAwaitIsFollowed() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    scriptEs6:
                        await null;
                        $reactions.transition("/Next");
                state: Next
                    a: next
            """)
        let turn = try bot.conversation().process(BotRequest(query: "start"))
        #expect(turn.error == nil)
        #expect(turn.texts == ["next"])
        #expect(turn.statesEntered == ["/Start", "/Next"])
    }

    @Test func promiseCallbacksInPlainScriptsRunWithinTheTurn() throws {
        let bot = try InlineBot("""
            theme: /
                state: Later
                    q!: later
                    script:
                        Promise.resolve("then").then(function (word) { $session.word = word; });
                    a: now [{{ $session.word }}]
                    go!: /Show
                state: Show
                    a: after the body: {{ $session.word }}
            """)
        // The job runs when the call that ran the body returns: not during the body, before the next state.
        #expect(try bot.conversation().process(BotRequest(query: "later")).texts == ["now []", "after the body: then"])
    }
}
