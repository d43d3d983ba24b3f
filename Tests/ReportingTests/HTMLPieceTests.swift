@testable import Reporting
import Testing

@Suite struct HTMLEscapingTests {
    @Test func markupCharactersAndQuotesBecomeReferences() {
        #expect(HTMLBuilder.escape(#"<script>alert("x" & 'y')</script>"#)
                == "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
    }

    @Test func controlCharactersHTMLForbidsAreReplacedButLineBreaksKept() {
        #expect(HTMLBuilder.escape("a\u{0}b\u{1B}c\td\ne\r") == "a\u{FFFD}b\u{FFFD}c\td\ne\r")
    }

    @Test func attributeValuesAreEscapedToo() {
        var html = HTMLBuilder()
        html.element("span", ["title": #"" onmouseover="alert(1)"#], text: "<b>")
        #expect(html.text == #"<span title="&quot; onmouseover=&quot;alert(1)">&lt;b&gt;</span>"#)
    }
}

@Suite struct WordDiffTests {
    @Test func changedWordsAreMarkedAndCommonOnesKept() {
        let (expected, actual) = WordDiff.compare("What can I help you with?", "How can I help?")
        #expect(expected == [.init(text: "What", changed: true), .init(text: " can I ", changed: false),
                             .init(text: "help you with?", changed: true)])
        #expect(actual == [.init(text: "How", changed: true), .init(text: " can I ", changed: false),
                           .init(text: "help?", changed: true)])
    }

    @Test func anInsertedWordIsTheOnlyMarkOnTheActualSide() {
        let (expected, actual) = WordDiff.compare("Order shipped.", "Order 55501 shipped.")
        #expect(expected == [.init(text: "Order shipped.", changed: false)])
        #expect(actual == [.init(text: "Order ", changed: false), .init(text: "55501 ", changed: true),
                           .init(text: "shipped.", changed: false)])
    }

    @Test func tokensKeepEveryCharacter() {
        #expect(WordDiff.tokens("  a  b\nc ") == ["  ", "a", "  ", "b", "\n", "c", " "])
    }

    @Test func textsOverTheLimitAreMarkedWhole() {
        let long = Array(repeating: "w", count: WordDiff.limit).joined(separator: " ")
        let (expected, actual) = WordDiff.compare(long, "w")
        #expect(expected == [.init(text: long, changed: true)])
        #expect(actual == [.init(text: "w", changed: true)])
    }
}

@Suite struct ChatAlignmentTests {
    @Test func equalItemsAnchorRowsAndChangedOnesPairUpBetweenThem() {
        let rows = ChatAlignment.rows(
            expected: [.text("Hello"), .text("What can I help you with?"), .buttons([["A"], ["B"]]), .event("closes the chat")],
            actual: [.text("Hello"), .text("How can I help?"), .buttons([["A"], ["C"]]), .event("closes the chat")])
        #expect(rows == [.same(.text("Hello")),
                         .changed(expected: .text("What can I help you with?"), actual: .text("How can I help?")),
                         .changed(expected: .buttons([["A"], ["B"]]), actual: .buttons([["A"], ["C"]])),
                         .same(.event("closes the chat"))])
    }

    @Test func aMessageSentNoMoreAndAnExtraOneStandAgainstEmptyCells() {
        #expect(ChatAlignment.rows(expected: [.text("a"), .text("b")], actual: [.text("a")])
                == [.same(.text("a")), .missing(.text("b"))])
        #expect(ChatAlignment.rows(expected: [.text("a")], actual: [.text("x"), .text("y"), .text("a")])
                == [.extra(.text("x")), .extra(.text("y")), .same(.text("a"))])
        #expect(ChatAlignment.rows(expected: [], actual: []) == [])
    }
}
