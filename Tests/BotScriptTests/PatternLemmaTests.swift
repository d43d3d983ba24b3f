@testable import BotScript
import Testing

@Suite struct PatternLemmaTests {
    @Test func russianNounMatchesItsCaseFormsButNotDerivedWords() {
        for form in ["заказ", "заказы", "заказа", "заказу", "заказом", "заказов", "заказами", "заказах"] {
            #expect(LemmaRule.matches(form, lemma: "заказ"), "\(form)")
        }
        #expect(!LemmaRule.matches("заказать", lemma: "заказ"))
        #expect(!LemmaRule.matches("заказчик", lemma: "заказ"))
        #expect(LemmaRule.matches("сестрой", lemma: "сестра"))
        #expect(LemmaRule.matches("чаю", lemma: "чай"))
    }

    @Test func russianAdjectivesAndVerbsMatchRegularEndings() {
        for form in ["красивая", "красивого", "красивые", "красиво"] {
            #expect(LemmaRule.matches(form, lemma: "красивый"), "\(form)")
        }
        for form in ["купил", "купила", "купили", "купите", "купить"] {
            #expect(LemmaRule.matches(form, lemma: "купить"), "\(form)")
        }
    }

    @Test func formsWithAChangedStemAreDeliberatelyNotMatched() {
        #expect(!LemmaRule.matches("дня", lemma: "день"))
        #expect(!LemmaRule.matches("куплю", lemma: "купить"))
        #expect(!LemmaRule.matches("хочу", lemma: "хотеть"))
    }

    @Test func englishLemmaMatchesRegularInflections() {
        for form in ["order", "orders", "ordered", "ordering"] {
            #expect(LemmaRule.matches(form, lemma: "order"), "\(form)")
        }
        #expect(LemmaRule.matches("making", lemma: "make"))
        #expect(LemmaRule.matches("liked", lemma: "like"))
        #expect(LemmaRule.matches("tries", lemma: "try"))
        #expect(!LemmaRule.matches("ran", lemma: "run"))
        #expect(!LemmaRule.matches("orderly", lemma: "order"))
    }

    @Test func otherWordsMatchOnlyThemselves() {
        #expect(LemmaRule.matches("42", lemma: "42"))
        #expect(!LemmaRule.matches("420", lemma: "42"))
    }
}
