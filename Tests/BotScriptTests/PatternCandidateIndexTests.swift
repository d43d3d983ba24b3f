@testable import BotScript
import Testing

@Suite struct PatternCandidateIndexTests {
    @Test func filesPatternsUnderTheWordsEveryMatchNeeds() throws {
        let library = try PatternLibrary(patterns: [
            NamedPatternDeclaration(name: "yes", source: "(да|ага) [конечно]", location: patternTestLocation),
        ])
        #expect(try compilePattern("* привет *").requiredWords == ["привет"])
        // One word starting with "бил" beats two alternatives.
        #expect(try compilePattern("* (купить|заказать) билет*").requiredWords == [RequirementKey.prefix("билет")])
        #expect(try compilePattern("[да] нет *").requiredWords == ["нет"])
        #expect(try compilePattern("очень {хочу купить}").requiredWords == ["очень"])
        #expect(try compilePattern("* $yes *", library: library).requiredWords == ["да", "ага"])
        #expect(try compilePattern("*").requiredWords == nil)
        #expect(try compilePattern("(привет|~здравствовать)").requiredWords == ["привет", RequirementKey.prefix("здр")])
        #expect(try compilePattern("(привет|*ствуй)").requiredWords == nil)
        #expect(try compilePattern("$regex</start>").requiredWords == nil)
    }

    @Test func filesEachPatternUnderItsRarestRequiredWord() throws {
        // "order" is in every pattern, the numbers in one each: each pattern is filed under its number.
        let patterns = try (0..<50).map { try compilePattern("* order \($0) *") }
        let index = PatternCandidateIndex(patterns)
        #expect(index.candidates(for: RequestText("order 7 please")) == [7])
        #expect(index.candidates(for: RequestText("order")) == [])
    }

    @Test func returnsEveryPatternThatCouldMatchAndSkipsTheRest() throws {
        let sources = ["* привет *", "* (купить|заказать) билет*", "*", "[да] нет", "$regex</start>", "{купить (еду|воду)}"]
        let patterns = try sources.map { try compilePattern($0) }
        let index = PatternCandidateIndex(patterns)
        #expect(index.candidates(for: RequestText("хочу купить билеты")) == [1, 2, 4, 5])
        #expect(index.candidates(for: RequestText("Привет!")) == [0, 2, 4])
        #expect(index.candidates(for: RequestText("")) == [2, 4])

        let matcher = PatternMatcher()
        for text in ["хочу купить билеты", "привет", "нет", "да нет", "/start", "воду купить", "купить еду"] {
            let request = RequestText(text)
            let matching = patterns.indices.filter { matcher.match(patterns[$0], request) != nil }
            #expect(Set(matching).isSubset(of: index.candidates(for: request)), "\(text)")
        }
    }
}
