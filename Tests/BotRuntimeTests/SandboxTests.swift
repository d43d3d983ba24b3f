import BotRuntime
import BotScript
import ConformJSON
import JSEngine
import Testing

/// What scripts see and what happens when they misbehave.
@Suite struct SandboxTests {
    @Test func newChatStartedReachesNoContextStateThatReadsRawRequest() throws {
        let bot = try InlineBot("""
            init:
                bind("preProcess", function ($context) {
                    if (!$context.session.started) {
                        $context.session.started = true;
                        $context.session.firstEvent = $context.request.event || null;
                    }
                });
            theme: /
                state: ConversationStart || noContext = true
                    event!: newChatStarted
                    script:
                        $session.page = $request.rawRequest.location.address;
                        $session.chat = $request.data.chatId;
                state: Hello
                    q!: hi
                    a: Hi! You came from {{ $session.page }}.
            """)
        let chat = try bot.conversation()
        let raw: JSONValue = ["chat": ["id": 7], "location": ["address": "https://shop.example.com/delivery"],
                              "visitor": ["id": "v-1"]]
        let start = chat.process(BotRequest(event: "newChatStarted", data: ["chatId": 7, "eventData": raw], rawRequest: raw))
        #expect(start.error == nil)
        #expect(start.replies.isEmpty)
        #expect(start.contextPath == "/")
        #expect(chat.snapshot().session["page"] == "https://shop.example.com/delivery")
        #expect(chat.snapshot().session["chat"] == 7)
        #expect(chat.snapshot().session["firstEvent"] == "newChatStarted")
        #expect(chat.process(BotRequest(query: "hi")).texts == ["Hi! You came from https://shop.example.com/delivery."])
    }

    @Test func templatesPrintNullAndUndefinedAsEmpty() throws {
        let bot = try InlineBot("""
            theme: /
                state: T
                    q!: t
                    a: [{{ $session.missing }}][{{ null }}][{{ 1 + 1 }}][{{ $parseTree.text }}]
            """)
        #expect(try bot.conversation().process(BotRequest(query: "t")).texts == ["[][][2][t]"])
    }

    @Test func sessionResetIdiomAndStopSession() throws {
        let bot = try InlineBot("""
            theme: /
                state: Set
                    q!: set
                    script: $session.a = 1; $client.name = "Ann";
                state: Reset
                    q!: reset
                    script: $session = {};
                state: Stop
                    q!: stop
                    script: $jsapi.stopSession();
                    a: bye
            """)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "set"))
        #expect(chat.snapshot().session["a"] == 1)
        _ = chat.process(BotRequest(query: "reset"))
        #expect(chat.snapshot().session["a"] == nil)
        _ = chat.process(BotRequest(query: "set"))
        let stop = chat.process(BotRequest(query: "stop"))
        #expect(stop.sessionEnded)
        #expect(stop.contextPath == "/")
        #expect(chat.snapshot().session == [:])
        #expect(chat.snapshot().client == ["name": "Ann"])
    }

    /// JAICP stores `$session` and `$client` as JSON between requests; within one request they are
    /// live objects.
    @Test func sessionAndClientComeBackAsJSONOnTheNextRequest() throws {
        let bot = try InlineBot("""
            theme: /
                state: Set
                    q!: set
                    script:
                        $session.when = new Date(0);
                        $session.f = function () { return 1; };
                        $session.u = undefined;
                        $client.seen = new Date(0);
                        $session.nested = {list: [1, {at: new Date(0)}], plain: {n: 2}};
                        $reactions.answer(typeof $session.when + " " + typeof $session.f + " " + ("u" in $session));
                state: Get
                    q!: get
                    a: {{ typeof $session.when }} {{ $session.when }} {{ typeof $session.f }} {{ "u" in $session }} {{ typeof $client.seen }} {{ typeof $session.nested.list[1].at }} {{ $session.nested.plain.n }}
            """)
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "set", time: noon)).texts == ["object function true"])
        #expect(chat.process(BotRequest(query: "get", time: noon)).texts == ["string 1970-01-01T00:00:00.000Z undefined false string string 2"])
    }

    @Test func clockReadsTheTurnsTime() throws {
        let bot = try InlineBot("""
            theme: /
                state: Now
                    q!: now
                    a: {{ Date.now() }} {{ new Date().toISOString() }} {{ $jsapi.currentTime() }} {{ $jsapi.dateForZone("Europe/Moscow", "yyyy-MM-dd HH:mm") }}
            """)
        let turn = try bot.conversation().process(BotRequest(query: "now", time: noon))
        #expect(turn.texts == ["1764064800000 2025-11-25T10:00:00.000Z 1764064800000 2025-11-25 13:00"])
    }

    /// `r`: a `random:` of three; `j`: `$jsapi.random`, `$reactions.random` and `selectRandomArg`.
    static let randomBot = """
        theme: /
            state: R
                q!: r
                random:
                    a: zero
                    a: one
                    a: two
            state: J
                q!: j
                a: {{ $jsapi.random(100) }} {{ $reactions.random(100) }} {{ selectRandomArg("a", "b") }}
        """

    @Test func randomFollowsQueuedDrawsAndRecordsThem() throws {
        let bot = try InlineBot(Self.randomBot)
        let chat = try bot.conversation()
        chat.randomQueue = [2, 1]
        let first = chat.process(BotRequest(query: "r"))
        #expect(first.texts == ["two"])
        #expect(first.randomDraws == [2])
        #expect(first.response["smartRandom"] == [2])
        #expect(chat.process(BotRequest(query: "r")).texts == ["one"])
        // Without queued draws the platform's rule applies: never the previous value again (max 3 keeps 1).
        var last = -1
        for _ in 0..<20 {
            let draw = chat.process(BotRequest(query: "r")).randomDraws
            #expect(draw.count == 1 && draw[0] != last)
            last = draw[0]
        }
    }

    @Test func underTestsEveryRandomDrawTakesTheQueuedValuesThenZero() throws {
        let bot = try InlineBot(Self.randomBot)
        var options = RuntimeOptions()
        options.testMode = true
        let chat = try bot.conversation(options)
        #expect(chat.process(BotRequest(query: "r")).texts == ["zero"])
        chat.randomQueue = [5, 107, 1]
        #expect(chat.process(BotRequest(query: "j")).texts == ["5 7 b"])
        #expect(chat.process(BotRequest(query: "j")).texts == ["0 0 a"])
        chat.randomQueue = [1]
        #expect(chat.process(BotRequest(query: "r")).texts == ["one"])
        #expect(chat.process(BotRequest(query: "r")).texts == ["zero"])
        // A bound that is no number, or none at all, never stops the run (Int(NaN) traps).
        let odd = try InlineBot("""
            theme: /
                state: Odd
                    q!: odd
                    a: {{ $jsapi.random() }} {{ $reactions.random() }} {{ $jsapi.random(1e30) }} {{ $reactions.random(Infinity) }}
            """)
        let oddChat = try odd.conversation(options)
        oddChat.randomQueue = [Int.max, -3]
        let oddTurn = oddChat.process(BotRequest(query: "odd"))
        #expect(oddTurn.error == nil)
        #expect(oddTurn.texts == ["0 0 0 0"])
        // Outside tests, `$jsapi.random` is the seeded generator, not the queue.
        let live = try bot.conversation()
        live.randomQueue = [5]
        let text = live.process(BotRequest(query: "j")).texts.first ?? ""
        #expect(!text.hasPrefix("5 "))
    }

    @Test func scriptErrorNamesFileLineAndState() throws {
        let bot = try InlineBot("""
            theme: /
                state: Boom
                    q!: boom
                    a: before
                    script:
                        var x = 1;
                        undefinedFunction(x);
            """)
        let turn = try bot.conversation().process(BotRequest(query: "boom"))
        #expect(turn.texts == ["before"])
        // Entered, though its body failed: reports and coverage count it.
        #expect(turn.statesEntered == ["/Boom"])
        #expect(turn.contextPath == "/")
        guard case .script(let error, let state)? = turn.error else {
            Issue.record("expected a script error, got \(String(describing: turn.error))")
            return
        }
        #expect(state == "/Boom")
        #expect(error.name == "ReferenceError")
        #expect(error.source == "src/main.sc")
        #expect(error.line == 7)
    }

    @Test func anErrorThrownByTheRuntimeForABotLineNamesThatLine() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: *
                    a: hi
                    go!: {{ $session.lastState }}
                state: Show
                    q!: show
                    a: {{ $session.missing.field }}
            """)
        for (query, line) in [("hello", 5), ("show", 8)] {
            let turn = try bot.conversation().process(BotRequest(query: query))
            guard case .script(let error, _)? = turn.error else {
                Issue.record("expected a script error, got \(String(describing: turn.error))")
                continue
            }
            #expect(error.source == "src/main.sc", "\(error)")
            #expect(error.line == line, "\(error)")
        }
    }

    @Test func onScriptErrorHandlesAndPostProcessStillRuns() throws {
        let bot = try InlineBot("""
            init:
                bind("onScriptError", function ($context) {
                    $reactions.answer("Sorry: " + $context.exception.message);
                });
                bind("postProcess", function ($context) { $context.session.post = true; });
            theme: /
                state: Boom
                    q!: boom
                    script: throw new Error("broken");
            """)
        let chat = try bot.conversation()
        let turn = chat.process(BotRequest(query: "boom"))
        #expect(turn.error == nil)
        #expect(turn.texts == ["Sorry: broken"])
        #expect(chat.snapshot().session["post"] == true)
        // Handled, yet still said: the transcript shows what failed and where.
        #expect(turn.handledErrors == ["onScriptError: script error in state /Boom: src/main.sc:9: Error: broken"])
        #expect(turn.statesEntered == ["/Boom"])

        // A handler that fails itself took nothing: the turn's error is its error.
        let failing = try InlineBot("""
            init:
                bind("onScriptError", function ($context) { throw new Error("handler broken too"); });
            theme: /
                state: Boom
                    q!: boom
                    script: throw new Error("broken");
            """)
        let worse = try failing.conversation().process(BotRequest(query: "boom"))
        #expect(worse.handledErrors == [])
        #expect(worse.error != nil)
    }

    @Test func runawayScriptIsStoppedAndTheConversationGoesOn() throws {
        let bot = try InlineBot("""
            theme: /
                state: Loop
                    q!: loop
                    a: before the loop
                    script: while (true) {}
                state: Fine
                    q!: fine
                    a: still here
            """)
        var options = RuntimeOptions()
        options.turnTimeLimit = 0.2
        let chat = try bot.conversation(options)
        let turn = chat.process(BotRequest(query: "loop"))
        guard case .timeLimit(let seconds, let state, let location)? = turn.error else {
            Issue.record("expected a time limit error, got \(String(describing: turn.error))")
            return
        }
        #expect(seconds == 0.2)
        #expect(state == "/Loop")
        // JavaScriptCore's termination carries no position, so the error points at the state.
        #expect(location == SourceLocation(file: "src/main.sc", line: 2, column: 5))
        // The turn is finished after the stop, in the same hold of the engine: its reply is kept.
        #expect(turn.texts == ["before the loop"])
        #expect(chat.process(BotRequest(query: "fine")).texts == ["still here"])
    }

    @Test func goBangCycleIsAnErrorNamingTheCycle() throws {
        let bot = try InlineBot("""
            theme: /
                state: A
                    q!: a
                    go!: /B
                state: B
                    go!: /A
            """)
        let turn = try bot.conversation().process(BotRequest(query: "a"))
        #expect(turn.error == .transitionLoop(["/A", "/B", "/A"]))
    }

    @Test func repliesAreBounded() throws {
        let bot = try InlineBot("""
            theme: /
                state: Spam
                    q!: spam
                    script: for (var i = 0; i < 100000; i++) { $reactions.answer("x"); }
            """)
        var options = RuntimeOptions()
        options.maxReplies = 50
        let turn = try bot.conversation(options).process(BotRequest(query: "spam"))
        #expect(turn.error == .tooManyReplies(limit: 50, state: nil))
    }

    @Test func httpIsServedFromMocksAndNeverReachesTheNetwork() throws {
        let bot = try InlineBot("""
            theme: /
                state: Rate
                    q!: rate
                    script:
                        var r = $http.get("https://api.example.com/rate?c=${c}", {query: {c: "USD"}});
                        $reactions.answer(r.isOk ? "rate " + r.data.value : "failed " + r.status);
            """)
        let chat = try bot.conversation()
        chat.http = QueuedHTTPMocks([.init(method: "GET", url: "https://api.example.com/rate?c=USD",
                                           response: HTTPMockResponse(status: 200, body: ["value": 91.5]))])
        let ok = chat.process(BotRequest(query: "rate"))
        #expect(ok.texts == ["rate 91.5"])
        #expect(ok.http.map(\.url) == ["https://api.example.com/rate?c=USD"])
        let unmocked = chat.process(BotRequest(query: "rate"))
        #expect(unmocked.error == .unmockedHTTP(method: "GET", url: "https://api.example.com/rate?c=USD"))
    }

    @Test func aRedactedPartOfAMockedURLStandsForAnyValueOfThatPartOnly() {
        let mocks = QueuedHTTPMocks([
            .init(method: "GET", url: "https://api.example.com/[redacted]/rate?c=USD&key=[redacted]",
                  response: HTTPMockResponse(status: 200, body: ["value": 1]), once: false, wildcard: "[redacted]"),
        ])
        func answered(_ url: String) -> Bool { mocks.respond(to: HTTPCall(method: "GET", url: url)) != nil }
        #expect(answered("https://api.example.com/v2/rate?c=USD&key=k-123"))
        #expect(answered("https://api.example.com/[redacted]/rate?c=USD&key=[redacted]"))
        #expect(!answered("https://api.example.com/v2/rate?c=EUR&key=k-123"))  // the rest must match exactly
        #expect(!answered("https://api.example.com/v2/rate?c=USD&key="))  // a value stands there
        #expect(!answered("https://api.example.com/v2/rate?c=USD&key=k&c=EUR"))  // up to the next & only
        #expect(!answered("https://api.example.com/a/b/rate?c=USD&key=k"))  // one path segment only
    }

    @Test func aCallThatGotNoAnswerIsGivenToTheScriptAsAFailure() throws {
        let bot = try InlineBot("""
            theme: /
                state: Rate
                    q!: rate
                    script:
                        var r = $http.get("https://api.example.com/rate");
                        $reactions.answer(r.isOk ? "ok" : "failed " + r.status + " " + r.error);
            """)
        let chat = try bot.conversation()
        chat.http = QueuedHTTPMocks([.init(method: "GET", url: "https://api.example.com/rate",
                                           response: HTTPMockResponse(status: -1, body: nil, error: "timed out"))])
        let turn = chat.process(BotRequest(query: "rate"))
        #expect(turn.texts == ["failed -1 timed out"])
        #expect(turn.error == nil)
        #expect(turn.http.first?.error == "timed out")
    }

    @Test func convertersComputeNamedPatternValues() throws {
        let bot = try InlineBot("""
            require: conv.js
            patterns:
                $Amount = $regexp<\\d+> || converter = toNumber
            theme: /
                state: Pay
                    q!: pay $Amount
                    a: {{ $parseTree._Amount + 1 }} {{ typeof $parseTree._Amount }}
            """, files: ["src/conv.js": "function toNumber(pt) { return Number(pt.text); }\n"])
        #expect(try bot.conversation().process(BotRequest(query: "pay 41")).texts == ["42 number"])
    }

    @Test func startupCodeRunsOncePerConversationInRequireOrder() throws {
        let bot = try InlineBot("""
            require: first.js
            init:
                order.push("init");
            require: second.js
            theme: /
                state: Order
                    q!: order
                    a: {{ order.join(",") }}
            """, files: ["src/first.js": "var order = ['first'];\n", "src/second.js": "order.push('second');\n"])
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "order")).texts == ["first,init,second"])
        #expect(chat.process(BotRequest(query: "order")).texts == ["first,init,second"])
    }

    @Test func snapshotAndRestoreCarryVariablesAndContext() throws {
        let bot = try InlineBot("""
            theme: /
                state: Ask
                    q!: ask
                    a: name?
                    state: Name
                        q: *
                        a: hello {{ $parseTree.text }}, visit {{ $client.visits }}
            """)
        let chat = try bot.conversation()
        chat.restore(ConversationSnapshot(session: ["x": 1], client: ["visits": 3], contextPath: "/Ask"))
        #expect(chat.process(BotRequest(query: "Ann")).texts == ["hello Ann, visit 3"])
        #expect(chat.snapshot().session["x"] == 1)
    }

    @Test func transferAndActionsAreReplies() throws {
        let bot = try InlineBot("""
            theme: /
                state: Agent
                    q!: agent
                    TransferToOperator:
                        destination = "sales"
                    script:
                        $response.actions = [{type: "close_chat", category: "x"}];
            """)
        let turn = try bot.conversation().process(BotRequest(query: "agent"))
        #expect(turn.replies == [["type": "switch", "destination": "sales"]])
        #expect(turn.response["actions"] == [["type": "close_chat", "category": "x"]])
    }
}
