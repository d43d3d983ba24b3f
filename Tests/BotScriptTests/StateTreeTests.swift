import BotScript
import Testing

@Suite struct StateTreeTests {
    @Test func demoBotLoadsWithEveryStateAtItsAbsolutePath() throws {
        let project = try ProjectLoader().load(at: Fixtures.demoBot)
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
        #expect(Array(project.states.keys) == [
            "/Orders/AskNumber", "/Orders/AskNumber/Number", "/Orders/AskNumber/NotANumber",
            "/ConversationStart", "/Start", "/Menu", "/Delivery", "/Operator", "/File", "/Bye", "/NoMatch",
        ])
        #expect(project.files == ["src/main.sc", "src/patterns.sc", "src/orders.sc", "src/js/helpers.js"])
        #expect(project.config.name == "shop-assistant")
        #expect(project.config.lengthLimit == ChatbotConfig.LengthLimit(enabled: true, symbols: 400, words: -1))
    }

    @Test func triggersKeepKindScopeAndParameters() throws {
        let project = try Fixtures.load("support-desk")
        let disagree = try #require(project.states["/Operator/Disagree"]?.triggers.first)
        #expect(disagree.kind == .pattern("$no"))
        #expect(disagree.rootValue == "refused")
        #expect(!disagree.isGlobal)
        #expect(disagree.toState?.resolved == "/Start")

        let chosen = try #require(project.states["/Tickets/Product/Chosen"]?.triggers.first)
        #expect(chosen.onlyThisState)
        let status = try #require(project.states["/Tickets/Status"]?.triggers)
        #expect(status.map(\.isGlobal) == [true, false])
        #expect(status[1].fromState?.resolved == "/Start")
        let new = try #require(project.states["/Tickets/New"]?.triggers)
        #expect(new.map(\.kind) == [.pattern("* (нов* заявк*|создать заявку) *"), .intent("/tickets/new")])
        let smalltalk = try #require(project.states["/Smalltalk/HowAreYou"]?.triggers)
        #expect(smalltalk.map(\.kind) == [.pattern("* как дела *"), .example("как поживаешь")])
        #expect(project.states["/Operator"]?.modal == true)
    }

    @Test func reactionsKeepOrderAndStructure() throws {
        let project = try Fixtures.load("support-desk")
        let operatorState = try #require(project.states["/Operator"])
        guard case .answer(let text, _, _) = operatorState.reactions[0],
              case .timeout(let target, let interval, _) = operatorState.reactions[1] else {
            Issue.record("unexpected reactions \(operatorState.reactions)")
            return
        }
        #expect(text == "Перевести на оператора?")
        #expect(target.resolved == "/Operator/NoAnswer")
        #expect(interval == "30")

        let agree = try #require(project.states["/Operator/Agree"])
        guard case .action(let name, _, let parameters, _) = agree.reactions[0] else {
            Issue.record("expected an action, got \(agree.reactions)")
            return
        }
        #expect(name == "TransferToOperator")
        #expect(parameters.map(\.key) == ["department", "firstMessage"])

        let status = try #require(project.states["/Tickets/Status"])
        guard case .conditional(let branches, let otherwise, _) = status.reactions[0] else {
            Issue.record("expected if/else")
            return
        }
        #expect(branches.map(\.condition) == ["$parseTree._ticketId &&\n$parseTree._ticketId.length > 0"])
        #expect(otherwise?.count == 1)

        let noMatch = try #require(project.states["/NoMatch"])
        guard case .random(let alternatives, _) = noMatch.reactions[0] else {
            Issue.record("expected random")
            return
        }
        #expect(alternatives.count == 2)
    }

    @Test func buttonsAreTextWithOptionalTargetsOrObjects() throws {
        let project = try Fixtures.load("support-desk")
        guard case .buttons(false, let buttons, _) = project.states["/Tickets/Product"]?.reactions[1] else {
            Issue.record("expected buttons")
            return
        }
        #expect(buttons.map(\.content) == [
            .text("Телефон", target: TargetPath(raw: "./Chosen", from: "/Tickets/Product")),
            .text("Ноутбук", target: TargetPath(raw: "./Chosen", from: "/Tickets/Product")),
            .text("Другое", target: nil),
        ])
        guard case .buttons(true, let inline, _) = project.states["/Start"]?.reactions[1] else {
            Issue.record("expected inline buttons")
            return
        }
        #expect(inline.map(\.content) == [
            .object(#"{text: "Открыть заявку", transition: "/Tickets/New"}"#, target: nil),
            .object(#"{text: "Сайт", url: "https://example.com"}"#, target: nil),
        ])
    }

    @Test func ifElseifElseChainsAndTemplateTargets() throws {
        let project = try Fixtures.load("pizza")
        #expect(project.errors.isEmpty, "\(project.errors)")
        let size = try #require(project.states["/Order/Size"])
        #expect(size.reactions.count == 3)
        guard case .script(let code, true, let location) = size.reactions[0],
              case .conditional(let branches, let otherwise?, _) = size.reactions[1],
              case .transition(let target, true, _) = size.reactions[2] else {
            Issue.record("unexpected \(size.reactions)")
            return
        }
        #expect(code.hasPrefix("$session.size = "))
        #expect(location.line == 20)
        #expect(branches.count == 2)
        #expect(otherwise.count == 1)
        #expect(target.resolved == nil)
        #expect(target.raw == #"{{ $session.price ? "/Order/Confirm" : "/Order" }}"#)
        #expect(project.states["/Order/Confirm"]?.triggers.first?.toState?.resolved == "/Order/Confirm/Done")
        #expect(project.config.entryPoints == ["main.sc"])
    }

    @Test func pathResolutionFollowsJsapiResolvePath() {
        #expect(StatePath.resolve("/A/B", from: "/X") == "/A/B")
        #expect(StatePath.resolve("B", from: "/A") == "/A/B")
        #expect(StatePath.resolve("./B/C", from: "/A") == "/A/B/C")
        #expect(StatePath.resolve("..", from: "/A/B") == "/A")
        #expect(StatePath.resolve("../C", from: "/A/B") == "/A/C")
        #expect(StatePath.resolve("./unused/..", from: "/A") == "/A")
        #expect(StatePath.resolve("../..", from: "/A") == nil)
    }

    @Test func plainNameFallsBackToSiblingWhenNoChildHasIt() {
        let states: Set<String> = ["/Q/Ask", "/Q/Other", "/Q/Ask/Other"]
        #expect(StatePath.resolve("Other", from: "/Q/Ask", exists: states.contains) == "/Q/Ask/Other")
        #expect(StatePath.resolve("Other", from: "/Q/Other", exists: states.contains) == "/Q/Other")
        #expect(StatePath.resolve("./Other", from: "/Q/Other", exists: states.contains) == "/Q/Other/Other")
        #expect(StatePath.resolve("Missing", from: "/Q/Ask", exists: states.contains) == "/Q/Ask/Missing")
    }

    @Test func unknownTargetIsAnErrorWithFileLineAndSuggestion() throws {
        let project = try TemporaryProject(main: """
            theme: /
                state: Menu
                    a: hi
                    go!: /Menu2
                    buttons:
                        "X" -> /Nowhere
                state: Other
                    q!: hi || toState = "/Mneu"
                    go: /
            """).load()
        #expect(project.errors.map(\.description) == [
            "src/main.sc:4:9: error: go! target /Menu2 is not a state (written '/Menu2' in /Menu) (did you mean /Menu?)",
            "src/main.sc:6:13: error: button target /Nowhere is not a state (written '/Nowhere' in /Menu)",
            "src/main.sc:8:9: error: toState /Mneu is not a state (written '/Mneu' in /Other) (did you mean /Menu?)",
        ])
    }

    @Test func misplacedAndUnknownTagsAreErrors() throws {
        let project = try TemporaryProject(main: """
            a: top-level answer
            theme: /
                state: A
                    sometag: x
                    elseif: true
                        a: y
                    random:
            """).load()
        #expect(project.errors.map(\.description) == [
            "src/main.sc:1:1: error: unexpected `a:` at the top level (`a:` belongs inside a `state:`)",
            "src/main.sc:4:9: error: unknown tag `sometag:` (see the JAICP DSL reference for the tags a state may hold)",
            "src/main.sc:5:9: error: `elseif:` without an `if:` before it (put `elseif:` right after an `if:` or `elseif:` at the same indentation)",
            "src/main.sc:7:9: error: `random:` needs at least one nested reaction",
        ])
    }

    @Test func namedPatternsMayContinueOverLines() throws {
        let project = try TemporaryProject(main: """
            patterns:
                $Long = (
                    один /
                    два) || converter = $converters.pick
                $Short = три
            """).load()
        #expect(project.patterns.map(\.name) == ["Long", "Short"])
        #expect(project.patterns[0].source == "( один / два)")
        #expect(project.patterns[0].converter == "$converters.pick")
        #expect(project.patterns[1].sourceLocation == SourceLocation(file: "src/main.sc", line: 5, column: 14))
    }

    @Test func actionTagParameterValueRunsToItsLineEndWhenNoOtherParameterFollowsAComma() throws {
        // JAICP's editor writes one parameter a line, with free text after `=`.
        let project = try TemporaryProject(main: """
            theme: /
                state: Operator
                    q!: operator
                    TransferToOperator:
                        messageBeforeTransfer = Hello, what is your question?
                        messageOffline = Don't worry (we call back
                            as soon as we can
                        ignoreOffline = true
                        noOperatorsOnlineState = /Operator, department = sales
                    a: Sure || tts = "one, two", lang = ru
            """).load()
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
        let reactions = try #require(project.states["/Operator"]?.reactions)
        guard case .action("TransferToOperator", _, let parameters, _) = reactions[0],
              case .answer("Sure", let answerParameters, _) = reactions[1] else {
            Issue.record("unexpected reactions \(reactions)")
            return
        }
        #expect(parameters.map(\.key) == ["messageBeforeTransfer", "messageOffline", "ignoreOffline", "noOperatorsOnlineState", "department"])
        #expect(parameters.map(\.text) == ["Hello, what is your question?", "Don't worry (we call back\nas soon as we can", "true", "/Operator", "sales"])
        #expect(parameters.first?.value == .raw("Hello, what is your question?"))
        #expect(answerParameters.map(\.key) == ["tts", "lang"])
        #expect(answerParameters.first?.value == .string("one, two"))
    }

    @Test func actionTagsConformDoesNotRunAreWarnedAbout() throws {
        let project = try TemporaryProject(main: """
            theme: /
                state: Start
                    q!: start
                    InputText:
                        prompt = Your login?
                        varName = username
                    EndSession:
            """).load()
        #expect(project.diagnostics.map(\.severity) == [.warning])
        #expect(project.diagnostics[0].message.hasPrefix("`InputText:` is not run by conform"))
        #expect(project.diagnostics[0].location == SourceLocation(file: "src/main.sc", line: 4, column: 9))
    }

    @Test func customTagFilesThatCannotBeUsedAreErrorsNamingTheFile() throws {
        let project = try TemporaryProject(main: "theme: /\n    state: A\n        q!: a\n", files: [
            "chatbot.yaml": "name: t\nentryPoint: main.sc\ncustomTags:\n  - src/blocks/missing.json\n  - src/blocks/bad.json\n",
            "src/blocks/bad.json": #"{"tagName": "Bad", "scenarioFile": "blocks/bad.sc"}"#,
        ]).load()
        #expect(project.diagnostics.map(\.severity) == [.error, .error])
        #expect(project.diagnostics[0].message.hasPrefix("custom tag file src/blocks/missing.json (listed in chatbot.yaml's customTags): "))
        #expect(project.diagnostics[1].message == "custom tag file src/blocks/bad.json needs an absolute startState (or customTagType JS with functionName)")
        #expect(project.diagnostics[1].location?.file == "src/blocks/bad.json")
    }

    @Test func customTagFilesAndScenariosOutsideTheProjectAreRefused() throws {
        let project = try TemporaryProject(main: "theme: /\n    state: A\n        q!: a\n", files: [
            "chatbot.yaml": "name: t\nentryPoint: main.sc\ncustomTags:\n  - ../outside.json\n  - src/far.json\n  - src/again.json\n",
            "src/far.json": #"{"tagName": "Far", "startState": "/Far", "scenarioFile": "../../far.sc"}"#,
            "src/again.json": #"{"tagName": "Far", "startState": "/Far", "scenarioFile": "far.sc"}"#,
        ]).load()
        #expect(project.diagnostics.map(\.message) == [
            "custom tag file ../outside.json (listed in chatbot.yaml's customTags) is outside the project folder",
            "custom tag Far is declared again here; the declaration in src/far.json is used",
            "the scenarioFile of custom tag Far is outside the project folder",
        ])
    }

    @Test func aCommentAfterAThemePathIsNotPartOfIt() throws {
        let project = try TemporaryProject(main: """
            theme: / #grouping
                state: Start
                    q!: start
                    go!: /Bye
                state: Bye
                    a: bye
            """).load()
        #expect(Array(project.states.keys) == ["/Start", "/Bye"])
        #expect(project.diagnostics.map(\.severity) == [.warning])
        #expect(project.diagnostics.first?.location?.line == 1)
    }
}
