import BotRuntime
import ConformJSON
import Testing

/// The rules of `DialogEngine`, each with a small bot and exact replies and states.
@Suite struct StateSelectionTests {
    @Test func specificGlobalBeatsVagueLocalCatchAll() throws {
        let bot = try InlineBot("""
            theme: /
                state: Ask
                    q!: ask
                    a: What?
                    state: Any
                        q: *
                        a: local catch-all
                state: Price
                    q!: * price *
                    a: global price
            """)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "ask"))
        #expect(chat.process(BotRequest(query: "what is the price")).texts == ["global price"])
        _ = chat.process(BotRequest(query: "ask"))
        #expect(chat.process(BotRequest(query: "something else")).texts == ["local catch-all"])
    }

    @Test func childOfContextBeatsEquallyGoodGlobal() throws {
        let bot = try InlineBot("""
            theme: /
                state: Menu
                    q!: menu
                    a: menu
                    state: Yes
                        q: yes
                        a: local yes
                state: GlobalYes
                    q!: yes
                    a: global yes
            """)
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "yes")).texts == ["global yes"])
        _ = chat.process(BotRequest(query: "menu"))
        #expect(chat.process(BotRequest(query: "yes")).texts == ["local yes"])
    }

    @Test func aContextNamingNoStateStillSeesItsNeighboursByPath() throws {
        let bot = try InlineBot("""
            theme: /Form
                state: Ask
                    a: name?
                    state: Confirm
                        q: yes
                        a: confirmed
                state: Wrong
                    q: *
                    a: local catch in /Form
            theme: /
                state: NoMatch
                    event!: noMatch
                    a: global noMatch
            """)
        let chat = try bot.conversation()
        chat.setContext("/Form/Confirm")  // no such state: /Form/Ask/Confirm is meant
        #expect(chat.process(BotRequest(query: "blah")).texts == ["local catch in /Form"])
        chat.setContext("/Elsewhere/Confirm")
        #expect(chat.process(BotRequest(query: "blah")).texts == ["global noMatch"])
        chat.setContext("/Form")  // a theme: its states are children, the root's are not siblings
        #expect(chat.process(BotRequest(query: "blah")).texts == ["local catch in /Form"])
    }

    @Test func namesPlaceKnowsStatesThemesAndThePathsStatesLiveUnder() throws {
        let bot = try InlineBot("""
            theme: /Shop
                state: Cart
                    state: Pay
                        a: pay
            """)
        for place in ["/", "/Shop", "/Shop/", "/Shop/Cart", "/Shop/Cart/", "/Shop/Cart/Pay"] {
            #expect(bot.bot.namesPlace(place), "\(place)")
        }
        for nothing in ["/Sho", "/Shop/Car", "/Shop/Cart/Pay/Now", "/Cart", "Shop"] {
            #expect(!bot.bot.namesPlace(nothing), "\(nothing)")
        }
    }

    @Test func candidatesSharingANamedPatternEachMatchWithTheirOwnWords() throws {
        let bot = try InlineBot("""
            patterns:
                $color = (red|green|blue)
            theme: /
                state: Paint
                    q!: paint $color
                    a: paint {{$parseTree._color}}
                state: Car
                    q!: * $color car *
                    a: car {{$parseTree._color}}
            """)
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "paint green")).texts == ["paint green"])
        #expect(chat.process(BotRequest(query: "paint blue car")).texts == ["car blue"])
        #expect(chat.process(BotRequest(query: "my red car please")).texts == ["car red"])
    }

    @Test func nearestNoMatchWins() throws {
        let bot = try InlineBot("""
            theme: /
                state: Quiz
                    q!: quiz
                    a: 2+2?
                    state: Wrong
                        event: noMatch
                        a: try again
                state: NoMatch
                    event!: noMatch
                    a: global fallback
            """)
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "hmm")).texts == ["global fallback"])
        _ = chat.process(BotRequest(query: "quiz"))
        let turn = chat.process(BotRequest(query: "five"))
        #expect(turn.texts == ["try again"])
        #expect(turn.selection?.reason == .noMatch)
    }

    @Test func buttonClickForcesItsTargetForTheNextRequestOnly() throws {
        let bot = try InlineBot("""
            theme: /
                state: Menu || noContext = true
                    q!: menu
                    a: Choose
                    buttons:
                        "Ёлка" -> /Tree
                state: Tree
                    a: tree
                state: NoMatch
                    event!: noMatch
                    a: no match
            """)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "menu"))
        #expect(chat.snapshot().session["transitions"] == [["text": "Ёлка", "mapping": "/Tree"]])
        #expect(chat.process(BotRequest(query: "ёлка")).texts == ["tree"])
        // The offer is gone after one request, events included.
        _ = chat.process(BotRequest(query: "menu"))
        _ = chat.process(BotRequest(event: "someEvent"))
        #expect(chat.process(BotRequest(query: "ёлка")).texts == ["no match"])
        #expect(chat.snapshot().session["transitions"] == .array([]))
    }

    @Test func goBangRunsTargetInSameTurnAndGoOnlyMovesContext() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    a: one
                    go!: /Next
                    a: after go
                state: Next
                    a: two
                    go: /Later
                state: Later
                    q: continue
                    a: later
            """)
        let chat = try bot.conversation()
        let turn = chat.process(BotRequest(query: "start"))
        // *(inferred)* a `go!:` tag ends its state's tags: "after go" is not said. A public bot's tests
        // (MarinaRagozina/currency_bot: `if: … go!: /AnyQuestions` followed by `a:`) expect exactly this.
        #expect(turn.replies.map { [$0["text"] ?? .null, $0["state"] ?? .null] } == [
            ["one", "/Start"], ["two", "/Next"],
        ])
        #expect(turn.statesEntered == ["/Start", "/Next"])
        #expect(turn.contextPath == "/Later")
        #expect(chat.process(BotRequest(query: "continue")).texts == ["later"])
        #expect(chat.snapshot().session["transitionsHistory"] == [
            ["state": "/Next", "deferred": false], ["state": "/Later", "deferred": true],
        ])
    }

    @Test func noContextStateKeepsThePreviousContext() throws {
        let bot = try InlineBot("""
            theme: /
                state: Ask
                    q!: ask
                    a: name?
                    state: Name
                        q: * my name is *
                        a: nice
                state: Weather || noContext = true
                    q!: * weather *
                    a: sunny
            """)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "ask"))
        let detour = chat.process(BotRequest(query: "what is the weather"))
        #expect(detour.texts == ["sunny"])
        #expect(detour.contextPath == "/Ask")
        #expect(chat.process(BotRequest(query: "my name is Ann")).texts == ["nice"])
    }

    @Test func modalStateTurnsGlobalTriggersOff() throws {
        let bot = try InlineBot("""
            theme: /
                state: Confirm || modal = true
                    q!: buy
                    a: sure?
                    state: Yes
                        q: yes
                        a: bought
                    state: Other
                        event: noMatch
                        a: please answer yes
                state: Help
                    q!: help
                    a: help text
            """)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "buy"))
        #expect(chat.process(BotRequest(query: "help")).texts == ["please answer yes"])
        #expect(chat.process(BotRequest(query: "yes")).texts == ["bought"])
        #expect(chat.process(BotRequest(query: "help")).texts == ["help text"])
    }

    @Test func fromStateToStateAndOnlyThisState() throws {
        let bot = try InlineBot("""
            theme: /
                state: A
                    q!: a
                    a: in a
                state: B
                    q!: b
                    a: in b
                    state: Only
                        q: again || onlyThisState = true
                        a: only
                state: Far
                    q: jump || fromState = "/A", toState = "/B"
            """)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "a"))
        let jump = chat.process(BotRequest(query: "jump"))
        #expect(jump.texts == ["in b"])
        #expect(jump.statesEntered == ["/B"])
        // onlyThisState: the child's trigger is off while the context is its parent…
        #expect(chat.process(BotRequest(query: "again")).replies.isEmpty)
        #expect(chat.contextPath == "/B")
    }

    /// JAICP: `toState` is "a transition from the current state", possible from its nested states
    /// unless `onlyThisState`; never from the state's siblings (a visual-editor export writes
    /// `q: yes || toState` and `event: noMatch || toState` on every screen).
    @Test func toStateTriggerWorksFromItsOwnStateAndNestedStatesOnly() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    a: start
                state: Q1
                    q!: q1
                    a: q1 asks
                    q: yes || toState = "/Y1"
                    event: noMatch || toState = "/Q1"
                    state: Deeper
                        q!: deeper
                        a: deeper
                state: Q2
                    q!: q2
                    a: q2 asks
                    q: maybe || toState = "/Y1", onlyThisState = true
                    state: Inner
                        q!: inner
                        a: inner
                state: Y1
                    a: y1
                state: NoMatch
                    event!: noMatch
                    a: global no match
            """)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "start"))
        #expect(chat.process(BotRequest(query: "yes")).texts == ["global no match"])
        _ = chat.process(BotRequest(query: "q2"))
        #expect(chat.process(BotRequest(query: "blah")).texts == ["global no match"])
        _ = chat.process(BotRequest(query: "q1"))
        #expect(chat.process(BotRequest(query: "blah")).texts == ["q1 asks"])
        #expect(chat.process(BotRequest(query: "yes")).texts == ["y1"])
        _ = chat.process(BotRequest(query: "deeper"))
        #expect(chat.process(BotRequest(query: "yes")).texts == ["y1"])
        // onlyThisState: from Q2 itself, not from the state nested in it.
        _ = chat.process(BotRequest(query: "inner"))
        #expect(chat.process(BotRequest(query: "maybe")).texts == ["global no match"])
        _ = chat.process(BotRequest(query: "q2"))
        #expect(chat.process(BotRequest(query: "maybe")).texts == ["y1"])
    }

    /// JAICP: with `fromState` and `onlyThisState` the transition is possible "strictly from the
    /// state in fromState, but not from its nested ones"; without the flag, from those too.
    @Test func fromStateTriggerWorksFromThatStateAndWithoutOnlyThisStateFromNestedStates() throws {
        let bot = try InlineBot("""
            theme: /
                state: Only2
                    q!: only2
                    a: only2
                    state: Sub
                        q: sub
                        a: sub
                state: Strict
                    q: strict || fromState = "/Only2", onlyThisState = true
                    a: strict
                state: Loose
                    q: loose || fromState = "/Only2"
                    a: loose
                state: NoMatch || noContext = true
                    event!: noMatch
                    a: nm
            """)
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "strict")).texts == ["nm"])
        _ = chat.process(BotRequest(query: "only2"))
        #expect(chat.process(BotRequest(query: "strict")).texts == ["strict"])
        _ = chat.process(BotRequest(query: "only2"))
        _ = chat.process(BotRequest(query: "sub"))
        #expect(chat.process(BotRequest(query: "strict")).texts == ["nm"])
        #expect(chat.contextPath == "/Only2/Sub")
        #expect(chat.process(BotRequest(query: "loose")).texts == ["loose"])
    }

    /// JAICP accepts `state:` without a name; its local triggers work from its parent like a named
    /// child's (zenbot-common's own tests rely on it).
    @Test func anUnnamedStateIsReachedByItsTriggers() throws {
        let bot = try InlineBot("""
            theme: /
                state: Welcome
                    q!: start
                    a: welcome
                    state:
                        q: context pattern
                        a: context
                state: CatchAll
                    q!: *
                    a: catch all
            """)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "start"))
        let reached = chat.process(BotRequest(query: "context pattern"))
        #expect(reached.texts == ["context"])
        #expect(reached.statesEntered.count == 1 && reached.statesEntered[0].hasPrefix("/Welcome/state@"))
    }

    @Test func examplesAndForcedIntentsSelectIntentTriggers() throws {
        let bot = try InlineBot("""
            theme: /
                state: Greet
                    e!: good day to you
                    a: greeted
                state: Order
                    intent!: /orders/status
                    a: status
                state: Fallback
                    event!: noMatch
                    a: ?
            """)
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "Good day to you!")).texts == ["greeted"])
        #expect(chat.process(BotRequest(query: "good day")).texts == ["?"])
        #expect(chat.process(BotRequest(query: "where is my parcel", intent: "/orders/status")).texts == ["status"])
    }

    @Test func lengthLimitEventFiresForLongRequests() throws {
        let bot = try InlineBot("""
            theme: /
                state: Any
                    q!: *
                    a: ok
                state: TooLong
                    event!: lengthLimit
                    a: too long
            """, yaml: "entryPoint: main.sc\nnlp:\n  lengthLimit:\n    enabled: true\n    symbols: 10\n")
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "short")).texts == ["ok"])
        #expect(chat.process(BotRequest(query: "this is far too long")).texts == ["too long"])
    }
}
