import BotScript
import Testing

@Suite struct ScParserTests {
    @Test func tagValueAndParametersAreSplitAtDoubleBar() throws {
        let (nodes, problems) = parse("""
            theme: /
                state: Delivery || modal = true, noContext = false, name = "Доставка", weight = 2
                    q!: * доставк* *
            """)
        #expect(problems.isEmpty)
        let state = try #require(nodes.first?.children.first)
        #expect(state.tag == "state")
        #expect(state.value == "Delivery")
        #expect(state.parameters.map(\.key) == ["modal", "noContext", "name", "weight"])
        #expect(state.parameter("modal")?.value == .bool(true))
        #expect(state.parameter("noContext")?.value == .bool(false))
        #expect(state.parameter("name")?.value == .string("Доставка"))
        #expect(state.parameter("weight")?.value == .number(2))
        #expect(state.location == SourceLocation(file: "src/main.sc", line: 2, column: 5))
        #expect(state.children.first?.tag == "q!")
        #expect(state.children.first?.value == "* доставк* *")
        #expect(state.children.first?.valueLocation == SourceLocation(file: "src/main.sc", line: 3, column: 13))
    }

    @Test func doubleBarInsideTemplatesAndQuotesBelongsToTheValue() throws {
        let (nodes, _) = parse("""
            state: A
                a: {{ $session.name || "гость" }}, "a || b" || tts = "x || y"
            """)
        let answer = try #require(nodes.first?.children.first)
        #expect(answer.value == #"{{ $session.name || "гость" }}, "a || b""#)
        #expect(answer.parameters == [ScParameter(key: "tts", value: .string("x || y"),
                                                  location: SourceLocation(file: "src/main.sc", line: 2, column: 52))])
    }

    @Test func scriptBodyIsKeptVerbatimWithRelativeIndentation() throws {
        let (nodes, _) = parse("""
            state: A
                script:
                    if (x) {
                        y();   // a: not a tag
                    }
                    # an .sc comment line

                    default: 1;
                a: after
            """)
        let state = try #require(nodes.first)
        #expect(state.children.map(\.tag) == ["script", "a"])
        #expect(state.children[0].bodyText == "if (x) {\n    y();   // a: not a tag\n}\n\n\ndefault: 1;")
        #expect(state.children[0].body.first?.location.line == 3)
    }

    @Test func inlineScriptKeepsLogicalOr() throws {
        let (nodes, problems) = parse("state: A\n    script: $session.n = ($session.n || 0) + 1;\n")
        #expect(problems.isEmpty)
        #expect(nodes.first?.children.first?.value == "$session.n = ($session.n || 0) + 1;")
        #expect(nodes.first?.children.first?.parameters.isEmpty == true)
    }

    @Test func answerAndConditionContinueOnDeeperLines() throws {
        let (nodes, problems) = parse("""
            state: A
                a: Первая строка,
                    вторая строка
                if: $session.a &&
                    $session.b
                    a: both
            """)
        #expect(problems.isEmpty)
        let children = try #require(nodes.first?.children)
        #expect(children[0].valueWithContinuation == "Первая строка,\nвторая строка")
        #expect(children[1].valueWithContinuation == "$session.a &&\n$session.b")
        #expect(children[1].children.map(\.tag) == ["a"])
    }

    @Test func requireTakesParametersFromFollowingLinesIncludingMultiLineObjects() throws {
        let (nodes, problems) = parse("""
            require: slotfilling/slotFilling.sc
                module = sys.zb-common
                injector = {withOperator: true,
                    CheckSameAnswer: false}
            """)
        #expect(problems.isEmpty)
        let require = try #require(nodes.first)
        #expect(require.parameter("module")?.value == .raw("sys.zb-common"))
        #expect(require.parameter("injector")?.value == .raw("{withOperator: true,\nCheckSameAnswer: false}"))
        #expect(require.body.isEmpty)
    }

    @Test func quotedParameterMayGoOnOverFollowingLines() throws {
        let (nodes, problems) = parse("""
            state: A
                a: Текст|| htmlEnabled = true, html = "
                    <b>Текст</b>"
            """)
        #expect(problems.isEmpty)
        let answer = try #require(nodes.first?.children.first)
        #expect(answer.value == "Текст")
        #expect(answer.parameter("html")?.value == .string("\n<b>Текст</b>"))
        #expect(answer.body.isEmpty)
    }

    @Test func tabsCRLFAndByteOrderMarkAreHandled() throws {
        let text = "\u{FEFF}theme: /\r\n\tstate: A\r\n\t\ta: one\r\n\tstate: B\r\n\t\ta: two\r\n"
        let (nodes, problems) = parse(text)
        #expect(problems.isEmpty)
        let theme = try #require(nodes.first)
        #expect(theme.value == "/")
        #expect(theme.children.map(\.value) == ["A", "B"])
        #expect(theme.children[1].location == SourceLocation(file: "src/main.sc", line: 4, column: 5))
        #expect(theme.children[1].children.first?.value == "two")
    }

    @Test func tagsWithoutSpaceAfterColonAreRead() throws {
        let (nodes, problems) = parse("state: A\n    go!:/Play\n    a:{{x}}\n    a: see http://example.com\n")
        #expect(problems.isEmpty)
        #expect(nodes.first?.children.map(\.tag) == ["go!", "a", "a"])
        #expect(nodes.first?.children.map(\.value) == ["/Play", "{{x}}", "see http://example.com"])
    }

    @Test func commentsAtAnyIndentationDoNotEndBlocks() throws {
        let (nodes, problems) = parse("""
            theme: /main
            # a comment at column 0
                state: one
                    a: 1
            # another
                state: two
                    a: 2
            """)
        #expect(problems.isEmpty)
        #expect(nodes.count == 1)
        #expect(nodes[0].children.map(\.value) == ["one", "two"])
    }

    @Test func inconsistentIndentationIsAnErrorWithPosition() {
        let (_, problems) = parse("""
            state: A
                a: one
              a: two
            """)
        #expect(problems.map(\.description) == [
            "src/main.sc:3:3: error: inconsistent indentation: this line is indented 2 columns, its siblings 4 (indent nested tags deeper than their parent and siblings equally)",
        ])
    }

    @Test func textWhereATagBelongsIsAnError() {
        let (_, problems) = parse("state: A\n    a: ok\n    just some words\n")
        #expect(problems.count == 1)
        #expect(problems.first?.location == SourceLocation(file: "src/main.sc", line: 3, column: 5))
        #expect(problems.first?.message.hasPrefix("expected a tag such as `state:` or `a:`") == true)
    }

    @Test func elseWithoutItsColonIsReadAsElseWithAWarning() throws {
        let (nodes, problems) = parse("state: A\n    if: $session.x\n        a: yes\n    else\n        a: no\n")
        #expect(nodes.first?.children.map(\.tag) == ["if", "else"])
        #expect(nodes.first?.children.last?.children.map(\.value) == ["no"])
        #expect(problems.map(\.severity) == [.warning])
        #expect(problems.first?.location == SourceLocation(file: "src/main.sc", line: 4, column: 5))
    }

    @Test func malformedParametersAreReportedAndTheRestKept() throws {
        let (nodes, problems) = parse("state: A || modal = true, oops, noContext = \"yes\n")
        #expect(nodes.first?.parameter("modal")?.value == .bool(true))
        #expect(problems.count == 2)
        #expect(problems[0].message.hasPrefix("expected 'name = value'"))
        #expect(problems[1].message == "parameter 'noContext': a quoted value is not closed")
    }

    @Test func visualEditorBlocksAreReportedAsUnsupported() {
        let (_, problems) = parse("theme: /\n    @InputText\n        prompt = x\n    state: A\n        a: x\n")
        #expect(problems.map(\.message) == ["visual-editor block @InputText is not supported by conform"])
    }
}
