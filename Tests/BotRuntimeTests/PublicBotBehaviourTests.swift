import BotRuntime
import ConformJSON
import Testing

/// Behaviours public bots' XML tests rely on (found running `conform test` on them).
@Suite struct PublicBotBehaviourTests {
    @Test func ifConditionMayEndInALineComment() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    script: $session.known = true;
                    if: $session.known  // set just above
                        a: known
                    else:
                        a: unknown
            """)
        let turn = try bot.conversation().process(BotRequest(query: "start", time: noon))
        #expect(turn.error == nil, "\(String(describing: turn.error))")
        #expect(turn.texts == ["known"])
    }

    @Test func backslashNInAnswerTextIsALineBreakOutsideTemplates() throws {
        let bot = try InlineBot(#"""
            theme: /
                state: Start
                    q!: start
                    a: Hello!\nHow are you? {{ "a\nb".length }}
                        \nSecond line
            """#)
        let turn = try bot.conversation().process(BotRequest(query: "start"))
        #expect(turn.error == nil, "\(String(describing: turn.error))")
        #expect(turn.texts == ["Hello!\nHow are you? 3\n\nSecond line"])
    }

    @Test func lodashIsLoadedWhenFirstTouchedAndABotsOwnUnderscoreReplacesIt() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    a: {{ typeof _ }} {{ typeof _.first }} {{ Object.keys(this).indexOf("_") >= 0 }}
            """)
        #expect(try bot.conversation().process(BotRequest(query: "start")).texts == ["function function true"])
        let own = try InlineBot("""
            require: own.js
            theme: /
                state: Start
                    q!: start
                    a: {{ _.mine }} {{ typeof _.first }}
            """, files: ["src/own.js": "var _ = {mine: true};\n"])
        #expect(try own.conversation().process(BotRequest(query: "start")).texts == ["true undefined"])
        let assigned = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    script: _ = 42;
                    a: {{ _ }}
            """)
        #expect(try assigned.conversation().process(BotRequest(query: "start")).texts == ["42"])
    }

    @Test func lodashIsAvailableAsUnderscore() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    script:
                        var people = [{name: "Ann", age: 30}, {name: "Bob", age: 25}];
                        $temp.parts = [
                            _.first([3, 4]),
                            _.chain(people).pluck("name").first().value(),
                            _.findWhere(people, {age: 25}).name,
                            _.contains([1, 2], 2),
                            _.isEmpty({}),
                            _.isUndefined($temp.nothing),
                            _.map(_.filter([1, 2, 3], function (n) { return n > 1; }), function (n) { return n * 2; }).join("+"),
                            _.keys(_.extend({a: 1}, {b: 2})).join(""),
                            _([5, 6]).first(),
                            _.intersection([1, 2, 3], [2, 3, 4]).join(""),
                            _.flatten([1, [2, [3]]]).join("")
                        ].join(",");
                        var shout = _.wrap(function (s) { return s; }, function (inner, s) { return inner(s).toUpperCase(); });
                        $temp.shout = shout("hey");
                    a: {{ $temp.parts }} {{ $temp.shout }}
            """)
        let turn = try bot.conversation().process(BotRequest(query: "start", time: noon))
        #expect(turn.error == nil, "\(String(describing: turn.error))")
        #expect(turn.texts == ["3,Ann,Bob,true,true,true,4+6,ab,5,23,123 HEY"])
    }

    @Test func aRequestWithATargetStateEntersItWithoutMatching() throws {
        let bot = try InlineBot("""
            theme: /
                state: Wait
                    q!: wait
                    a: waiting
                    timeout: /Late || interval = 5
                state: Late
                    a: too late
                state: Catch
                    event!: noMatch
                    event!: timeout
                    a: caught
            """)
        let chat = try bot.conversation()
        let wait = chat.process(BotRequest(query: "wait", time: noon))
        #expect(wait.replies.last == ["type": "timeout", "interval": 5, "targetState": "/Late"])
        let fired = chat.process(BotRequest(event: "timeout", time: noon + 5000, targetState: "/Late"))
        #expect(fired.texts == ["too late"])
        #expect(fired.statesEntered == ["/Late"])
    }

    @Test func newSessionAnswersWithTheNewSessionsReplies() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: /start
                    a: welcome
                state: Restart
                    q!: restart
                    a: restarting
                    script: $reactions.newSession({message: "/start"});
            """)
        let turn = try bot.conversation().process(BotRequest(query: "restart", time: noon))
        // The old session's replies are dropped: the turn answers as the new session's request.
        #expect(turn.texts == ["welcome"])
        #expect(turn.newSession == NewSessionStart(arguments: ["message": "/start"], replyIndex: 0, stateIndex: 1))
        #expect(turn.statesEntered == ["/Restart", "/Start"])
    }

    @Test func mergeSetsSomeVariablesAndKeepsTheRestAndGlobalFunctions() throws {
        let bot = try InlineBot("""
            init:
                $global.greet = function (name) { return "hi " + name; };
            theme: /
                state: Start
                    q!: start
                    script: $session.kept = "yes";
                state: Show
                    q!: show
                    a: {{ $global.greet($client.name) }} {{ $session.kept }} {{ $session.cart }}
            """)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "start", time: noon))
        chat.merge(session: ["cart": 2], client: ["name": "Ann"])
        let turn = chat.process(BotRequest(query: "show", time: noon + 1000))
        #expect(turn.error == nil, "\(String(describing: turn.error))")
        #expect(turn.texts == ["hi Ann yes 2"])
    }

    @Test func contextInjectorIsTheProjectsInjector() throws {
        let bot = try InlineBot("""
            theme: /
                state: Start
                    q!: start
                    a: {{ $context.injector.api }} {{ $jsapi.context().injector.api }} {{ $injector.api }}
            """, yaml: "name: t\nentryPoint: main.sc\ninjector:\n  api: https://x.test\n")
        let turn = try bot.conversation().process(BotRequest(query: "start", time: noon))
        #expect(turn.error == nil, "\(String(describing: turn.error))")
        #expect(turn.texts == ["https://x.test https://x.test https://x.test"])
    }

    @Test func parseTreeIsAnObjectOnRequestsNoPatternMatched() throws {
        let bot = try InlineBot("""
            theme: /
                state: Ping
                    event!: ping
                    a: event root={{ $parseTree._Root }} text={{ $parseTree.text }}
                state: NoMatch
                    event!: noMatch
                    a: noMatch text={{ $parseTree.text }} words={{ $parseTree.words.length }}
            """)
        let chat = try bot.conversation()
        let event = chat.process(BotRequest(event: "ping", time: noon))
        #expect(event.error == nil, "\(String(describing: event.error))")
        #expect(event.texts == ["event root= text="])
        let other = chat.process(BotRequest(query: "what is  this", time: noon))
        #expect(other.texts == ["noMatch text=what is  this words=3"])
    }

    @Test func whatScriptsPutInGlobalIsVisibleAsAGlobalVariable() throws {
        let bot = try InlineBot("""
            init:
                $global.$converters = {};
                $converters.double = function (n) { return n * 2; };
                var $global = this;
                $global.greet = function (name) { return "hi " + name; };
            theme: /
                state: Start
                    q!: start
                    script: $temp.text = greet("Ann") + " " + $converters.double(21) + " " + (typeof $global.greet);
                    a: {{ $temp.text }}
            """)
        let chat = try bot.conversation()
        let turn = chat.process(BotRequest(query: "start", time: noon))
        #expect(turn.error == nil, "\(String(describing: turn.error))")
        #expect(turn.texts == ["hi Ann 42 function"])
        #expect(chat.snapshot().global == ["$converters": [:]])
    }

    @Test func convertersSeeNodesWithoutNameShortcutsAndMayEndInASemicolon() throws {
        // The walk zb-common's converters do: every key but text/value/tag/pattern/words is a list of nodes.
        let bot = try InlineBot("""
            init:
                function collect(node) {
                    if (typeof node.value != "undefined") return [node.value];
                    var values = [];
                    for (var key in node) {
                        if (key == "text" || key == "value" || key == "tag" || key == "pattern" || key == "words") continue;
                        for (var i = 0; i < node[key].length; i++) values = values.concat(collect(node[key][i]));
                    }
                    return values;
                }
                function pairConverter(n) { return collect(n).join("+"); }
            patterns:
                $Digit = (one:1|two:2)
                $Pair = $Digit and $Digit || converter = pairConverter;
            theme: /
                state: Sum
                    q!: * $Pair *
                    a: {{ $parseTree._Pair }} {{ $parseTree.Pair[0]._Digit }}
            """)
        let turn = try bot.conversation().process(BotRequest(query: "one and two", time: noon))
        #expect(turn.error == nil, "\(String(describing: turn.error))")
        #expect(turn.texts == ["1+2 1"])
    }

    @Test func fixKeyboardLayoutRetypesEnglishLayoutInRussian() throws {
        let bot = try InlineBot("""
            theme: /
                state: Fix
                    q!: *
                    a: {{ $nlp.fixKeyboardLayout($request.query) }}|{{ $nlp.fixKeyboardLayout("уже по-русски") === null }}
            """)
        let turn = try bot.conversation().process(BotRequest(query: "Cfyrn-Gtnth,ehu", time: noon))
        #expect(turn.texts == ["Санкт-Петербург|true"])
    }

    @Test func aTopLevelStatesLocalEventFiresFromDeeperContexts() throws {
        let bot = try InlineBot("""
            theme: /
                state: Callback
                    event: buttonPressed
                    a: callback
                state: Checklist
                    q!: checklist
                    go!: /Checklist/Start
                    state: Start
                        a: press the button
                        state: Error
                            event: noMatch
                            a: error
            """)
        let chat = try bot.conversation()
        _ = chat.process(BotRequest(query: "checklist", time: noon))
        #expect(chat.contextPath == "/Checklist/Start")
        let turn = chat.process(BotRequest(event: "buttonPressed", time: noon + 1000))
        #expect(turn.texts == ["callback"])
    }

    @Test func matchPatternsMatchesTextAgainstPatternsOffline() throws {
        let bot = try InlineBot("""
            patterns:
                $Colour = (red:1|green:2) || converter = function (n) { return {code: n.value}; }
            theme: /
                state: Check
                    q!: check *
                    script:
                        var hit = $nlp.matchPatterns("green", ["$Colour"]);
                        var miss = $nlp.matchPatterns("blue", ["$Colour", "yellow"]);
                        $temp.text = hit.parseTree._Colour.code + " " + hit.pattern + " " + miss;
                    a: {{ $temp.text }}
            """)
        let turn = try bot.conversation().process(BotRequest(query: "check", time: noon))
        #expect(turn.error == nil, "\(String(describing: turn.error))")
        #expect(turn.texts == ["2 $Colour null"])
    }

    @Test func aLocalTriggerWithFromStateWorksOnlyFromThatState() throws {
        let bot = try InlineBot("""
            patterns:
                $Number = $regexp<\\d+>
            theme: /
                state: nlp || modal = true
                    q: $Number || fromState = .
                    a: nlp
                state: NumberPattern
                    q: * $Number *
                    a: number
                state: Ask
                    q!: ask
                    a: which?
                state: Other
                    q: $Number || fromState = /Ask
                    a: other
            """)
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "33", time: noon)).texts == ["number"])
        #expect(chat.process(BotRequest(query: "ask", time: noon)).texts == ["which?"])
        #expect(chat.process(BotRequest(query: "33", time: noon)).texts == ["other"])
    }

    @Test func aNamedPatternWithoutConverterTakesTheValueOfTheOnlyPatternItHolds() throws {
        let bot = try InlineBot("""
            init:
                function phone(n) { return "+7" + n.text.replace(/[^0-9]/g, "").slice(-10); }
            patterns:
                $InDigits = $regexp<\\d{10}> || converter = phone
                $InWords = (девять:9)
                $Phone = ($InDigits / $InWords)
            theme: /
                state: Phone
                    q!: * $Phone *
                    a: {{ $parseTree._Phone }} {{ $parseTree.value === undefined }}
            """)
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "call 9501234567", time: noon)).texts == ["+79501234567 true"])
        #expect(chat.process(BotRequest(query: "девять", time: noon)).texts == ["9 true"])
    }

    @Test func goBangInsideIfEndsTheStatesTags() throws {
        let bot = try InlineBot("""
            theme: /
                state: NoMatch
                    event!: noMatch
                    if: $session.noMatchCounter
                        go!: /Operator
                    a: Sorry, I did not get that.
                    script: $session.noMatchCounter = 1;
                state: Operator
                    a: Connecting you to an operator.
            """)
        let chat = try bot.conversation()
        #expect(chat.process(BotRequest(query: "fdgdf", time: noon)).texts == ["Sorry, I did not get that."])
        #expect(chat.process(BotRequest(query: "ffewio", time: noon)).texts == ["Connecting you to an operator."])
    }
}
