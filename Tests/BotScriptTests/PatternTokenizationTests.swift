@testable import BotScript
import Testing

@Suite struct PatternTokenizationTests {
    @Test func lowerCasesReadsYoAsYeAndDropsPunctuation() {
        let request = RequestText("Привет, Ёжик! Курс 3.5 — как-то так")
        #expect(request.words == ["привет", "ежик", "курс", "3.5", "как-то", "так"])
        #expect(request.tokens.map(\.original) == ["Привет", "Ёжик", "Курс", "3.5", "как-то", "так"])
        #expect(request.original[request.tokens[1].range] == "Ёжик")
    }

    @Test func emptyAndPunctuationOnlyTextsHaveNoWords() {
        #expect(RequestText("").isEmpty)
        #expect(RequestText("   ?! … \n").isEmpty)
        #expect(RequestText("/start").words == ["start"])
    }

    @Test func digitsJoinAcrossDotsCommasAndColonsButWordsDoNot() {
        #expect(RequestText("-5 градусов, 10:30, 1.000.000 руб. или 3,5%").words
            == ["-5", "градусов", "10:30", "1.000.000", "руб", "или", "3,5"])
        #expect(RequestText("т.е. так, а-а-а").words == ["т", "е", "так", "а-а-а"])
        #expect(RequestText("it's don’t -- dash- end").words == ["it's", "don’t", "dash", "end"])
    }

    @Test func whitespaceIsExactlyUnicodesWhiteSpaceProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if RequestTokenizer.isWhitespace(value) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16)) whitespace: \(RequestTokenizer.isWhitespace(value))")
            }
        }
        // A no-break space ends an e-mail chunk; a zero-width space (not White_Space) does not.
        #expect(RequestText("ivan@mail.ru\u{00A0}ok").words == ["ivan@mail.ru", "ok"])
        #expect(RequestText("ivan@mail.ru\u{3000}ok").words == ["ivan@mail.ru", "ok"])
        #expect(RequestText("ivan@mail.ru\u{200B}ok").words == ["ivan@mail.ru\u{200B}ok"])
    }

    @Test func anEmailAddressStaysOneToken() {
        #expect(RequestText("пишите на Ivan.Petrov@mail.ru, спасибо").words
            == ["пишите", "на", "ivan.petrov@mail.ru", "спасибо"])
    }

    @Test func decomposedLettersAreComposedSoWordsCompareByBytes() {
        #expect(RequestText("И\u{0306}од е\u{0308}лка ЁЛКА").words == ["йод", "елка", "елка"])
        #expect(RequestText.normalize("Ça VA") == "ça va")
        #expect(RequestText.normalize("ÅNGSTRÖM") == "ångström")
    }
}
