@testable import BotScript
import Testing

@Suite struct PatternScoreTests {
    private func score(_ pattern: String, _ text: String) throws -> Double? {
        try matchPattern(pattern, text)?.score
    }

    @Test func moreLiteralCoverageScoresHigherAndStarAloneScoresZero() throws {
        let text = "hello world"
        #expect(try score("*", text) == 0)
        #expect(try score("hell* *", text) == 0.7)
        #expect(try score("hello *", text) == 1.0)
        #expect(try score("hello ~world", text) == 1.9)
        #expect(try score("hello world", text) == 2.0)
        #expect(try score("[hello] world", "world") == 1.0)
    }

    @Test func eachElementKindScoresWhatPatternScoreSays() throws {
        #expect(try score("* ~заказ *", "мои заказы") == PatternScore.lemma)
        #expect(try score(#"* $regexp<\d+> *"#, "мне 25") == PatternScore.tokenRegex)
        #expect(try score("$regex</start>", "/start") == PatternScore.textRegexMinimum)
        #expect(try score(#"$regex<\d+ \d+ \d+>"#, "1 2 3") == 3 * PatternScore.textRegexWord)
        #expect(try score("* (привет|здравствуй*) *", "привет бот") == PatternScore.word)
        #expect(try score("* (привет|здравствуй*) *", "здравствуйте бот") == PatternScore.wildcardWord)
    }

    @Test func theBestWayToCoverTheRequestIsReturned() throws {
        // `[мне]` takes "мне" rather than leaving it to `*`.
        #expect(try score("* [мне] *", "дай мне") == 1.0)
        // Among alternatives, the more specific one wins even when it is listed last.
        let match = try #require(try matchPattern("(*:vague|купить билет:exact)", "купить билет"))
        #expect(match.score == 2.0)
        #expect(match.parseTree.value == "exact")
    }

    @Test func longRequestsAgainstManyStarsStayFast() throws {
        let words = (0..<197).map { "слово\($0 % 7)" } + ["a", "b", "c"]
        let request = RequestText(words.joined(separator: " "))
        #expect(request.tokens.count == 200)
        let clock = ContinuousClock()
        let started = clock.now
        let match = PatternMatcher().match(try compilePattern("* a * b * c *"), request)
        #expect(match?.score == 3.0)
        #expect(PatternMatcher().match(try compilePattern("* * * * * * * * a * * * * * b * * * c"), request)?.score == 3.0)
        #expect(PatternMatcher().match(try compilePattern("* a * b * c * d *"), request) == nil)
        // Generous: exponential backtracking would take hours, the memoized matcher milliseconds.
        #expect(clock.now - started < .seconds(10))
    }

    @Test func pathologicalPatternsStopAtTheStepBudgetInsteadOfHanging() throws {
        let request = RequestText(Array(repeating: "x", count: 200).joined(separator: " "))
        let pattern = try compilePattern("{[x] * [x] * [x] * [x] * [x]} {[x] * [x] * [x] * [x] *}")
        let clock = ContinuousClock()
        let started = clock.now
        #expect(PatternMatcher().match(pattern, request) == nil)
        #expect(clock.now - started < .seconds(30))
        // The same pattern on a short request is well within the budget.
        #expect(PatternMatcher().match(pattern, RequestText("x x x x x x x x x x")) != nil)
    }
}
