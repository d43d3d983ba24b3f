@testable import BotScript
import ConformJSON
import Testing

@Suite struct PatternMatcherTests {
    private func matches(_ pattern: String, _ text: String) throws -> Bool {
        try matchPattern(pattern, text) != nil
    }

    @Test func greetingWithWildcardsAroundIt() throws {
        let pattern = "* (привет|здравствуй*) *"
        #expect(try matches(pattern, "Ну привет!"))
        #expect(try matches(pattern, "Здравствуйте, бот"))
        #expect(try matches(pattern, "привет"))
        #expect(try !matches(pattern, "приветик"))
        #expect(try !matches(pattern, "пока"))
    }

    @Test func patternsCoverTheWholeRequest() throws {
        #expect(try matches("купить билет", "Купить билет."))
        #expect(try !matches("купить билет", "купить билет завтра"))
        #expect(try !matches("купить билет", "хочу купить билет"))
        #expect(try matches("купить билет *", "купить билет завтра"))
    }

    @Test func permutationNeedsAllMembersNextToEachOtherInAnyOrder() throws {
        let pattern = "{купить билет*}"
        #expect(try matches(pattern, "купить билеты"))
        #expect(try matches(pattern, "Билет купить"))
        #expect(try !matches(pattern, "купить два билета"))
        #expect(try !matches(pattern, "купить"))
        #expect(try matches("{(не нравится) * игра}", "игра мне совсем не нравится"))
    }

    @Test func optionalsAndAlternativesWithSeveralWords() throws {
        let pattern = "[я] (хочу|хотел бы) [купить] (билет*|место)"
        #expect(try matches(pattern, "хотел бы место"))
        #expect(try matches(pattern, "Я хочу купить билеты"))
        #expect(try !matches(pattern, "я хотел купить билет"))
    }

    @Test func wildcardWordsMatchOneWordByItsLetters() throws {
        #expect(try matches("*ing", "testing"))
        #expect(try matches("*ing", "ing"))
        #expect(try !matches("*ing", "singer"))
        #expect(try matches("при*ет", "привет"))
        #expect(try !matches("при*ет", "приветик"))
        #expect(try matches("* *мудак* *", "ты премудакнутый"))
        #expect(try !matches("*ing", "sing song"))
    }

    @Test func lemmaMatchesInflectionsButNotOtherWords() throws {
        #expect(try matches("* ~заказ *", "покажи мои заказы"))
        #expect(try matches("* ~заказ *", "статус заказа"))
        #expect(try !matches("* ~заказ *", "хочу заказать"))
    }

    @Test func tokenRegexesMatchOneWholeWord() throws {
        #expect(try matches(#"* $regexp<\d+> *"#, "мне 25 штук"))
        #expect(try !matches(#"$regexp<\d+>"#, "25 штук"))
        #expect(try !matches(#"$regexp<\d>"#, "25"))
        // $regexp sees the normalized (lower-case) word or the word as written; $regexp_i the
        // original, in any case.
        #expect(try matches(#"* $regexp<AB\d+>"#, "рейс AB123"))
        #expect(try matches(#"* $regexp<ab\d+>"#, "рейс AB123"))
        #expect(try !matches(#"* $regexp<AB\d+>"#, "рейс Ab123"))
        #expect(try matches(#"$regexp<[А-ЯЁ][а-яё]+>"#, "Пётр"))
        #expect(try matches(#"* $regexp_i<ab\d+>"#, "рейс AB123"))
        #expect(try matches(#"$regexp<[A-z0-9\.\-]+@(\S+)\.\w+>"#, "Ivan.Petrov@mail.ru"))
    }

    @Test func tokenRegexThatWritesWhitespaceMatchesARunOfWords() throws {
        // A phone number regex in the style of zb-common's, whose own tests expect spaced numbers to match.
        let phone = #"$regexp<(\+?(8|7)[\-\s]?)?\(?9\d{2}\)?[\-\s]?\d{3}[\-\s]?\d{2}[\-\s]?\d{2}>"#
        #expect(try matches("мой номер \(phone) запиши", "мой номер 8 927 605 45 65 запиши"))
        // The text a converter reads runs from the first word to the last, brackets and dashes included.
        #expect(try matchPattern(phone, "+7 (950) 013-53-53")?.parseTree.text == "7 (950) 013-53-53")
        #expect(try matches(phone, "(950)013-53-53"))
        #expect(try !matches(phone, "8 927 605 45 6"))
        // Per word, like any other word it covers: the run outscores a one-word `$regexp<\d+>` match.
        let run = try #require(try matchPattern(phone, "8 927 605 45 65"))
        #expect(run.score == PatternScore.tokenRegex * 5)
        // A regex that cannot match whitespace sees one word only.
        #expect(try !matches(#"$regexp<\d+-\d+>"#, "10 - 20"))
        #expect(try !matches(#"$regexp<[^\s]+>"#, "два слова"))
        #expect(try !matches(#"$regexp<[a-z.]+>"#, "a. b"))
        #expect(try matches(#"$regexp<\d+\s?-\s?\d+>"#, "10 - 20"))
        // One that can — `.`, a negated class, `\D` — is a whole sentence written as one regex.
        #expect(try matches("$regexp<.+>", "два слова"))
        #expect(try matches("$regexp_i<.*(хорош|норм|отли).*>", "у меня все Хорошо"))
        #expect(try matches(#"$regexp_i<\b(да|угу)\b.*>"#, "да, расскажи"))
        #expect(try matches("$regexp<[^,]+>", "два слова"))
        // `$regexp` sees the run lower-cased or as written; `$regexp_i` as written, in any case.
        #expect(try matches(#"$regexp<ab\s\d+>"#, "AB 12"))
        #expect(try matches(#"$regexp<AB\s\d+>"#, "AB 12"))
        #expect(try !matches(#"$regexp<AB\s\d+>"#, "Ab 12"))
        #expect(try matches(#"$regexp_i<AB\s\d+>"#, "ab 12"))
    }

    @Test func textRegexMatchesTheWholeRequestOrARunOfWords() throws {
        #expect(try matches("$regex</start>", "/start"))
        #expect(try matches("$regex</start>", " /START "))
        #expect(try !matches("$regex</start>", "/start now"))
        #expect(try !matches("$regex</start>", "start"))
        #expect(try matches(#"* $regex<\d+ руб(лей)?> *"#, "оплатил 500 рублей вчера"))
        #expect(try matches("$regex<[?!]+>", "?!"))
    }

    @Test func parseTreeTextIsTheRequestAsWrittenBetweenItsFirstAndLastWord() throws {
        #expect(try matchPattern("*", "  Cfyrn-Gtnth,ehu! ")?.parseTree.text == "Cfyrn-Gtnth,ehu")
    }

    @Test func valueMappingsSetTheValueOfTheMatch() throws {
        let pattern = "* [мне] (да:yes|нет:no) *"
        #expect(try matchPattern(pattern, "Да, мне подходит")?.parseTree.value == "yes")
        #expect(try matchPattern(pattern, "мне нет")?.parseTree.value == "no")
        #expect(try matchPattern("(один:1|два:2) (штука|штуки)", "два штуки")?.parseTree.value == 2)
        // A space before the colon, as zb-common writes `$sber :0|`.
        #expect(try matchPattern("(один :1|два :2) (штука|штуки)", "два штуки")?.parseTree.value == 2)
        #expect(try matchPattern("(две (пятерки|пятёрки)) : 55", "две пятерки")?.parseTree.value == 55)
        #expect(try matchPattern("(привет:{\"lang\": \"ru\"}|hello)", "hello")?.parseTree.value == nil)
        // The outermost mapping wins over one inside it.
        #expect(try matchPattern("(да:yes|ок):agree", "да")?.parseTree.value == "agree")
    }

    @Test func repeatMatchesOneOrMoreTimes() throws {
        #expect(try matches("$repeat<(ха|хи)>", "ха хи ха"))
        #expect(try !matches("$repeat<(ха|хи)>", ""))
        #expect(try !matches("$repeat<(ха|хи)>", "ха хо"))
    }

    @Test func emptyRequestsMatchOnlyPatternsThatNeedNoWords() throws {
        #expect(try matchPattern("*", "")?.score == 0)
        #expect(try matches("[привет]", ""))
        #expect(try !matches("привет", ""))
        #expect(try !matches("привет", "   "))
    }

    @Test func unsupportedElementsNeverMatch() throws {
        #expect(try !matches("* @duckling.number *", "мне 5"))
        #expect(try matches("(@duckling.number|пять) *", "пять штук"))
        #expect(try !matches("$morph<С>", "дом"))
    }

    @Test func weightsMultiplyTheScoreOfTheirSequence() throws {
        #expect(try matchPattern("привет $weight<0.5>", "привет")?.score == 0.5)
        #expect(try matchPattern("привет [мед|~медицинский $weight<-1>] ~сестра", "привет медицинская сестра")?.score
            == 1.0 - 0.9 + 0.9)
        #expect(try matchPattern("(привет бот $weight<1.5>|привет *)", "привет бот")?.score == 3.0)
    }

    @Test func weightsWithAShiftAddItToTheFactor() throws {
        // JAICP's `a+b` / `a-b` / `+b` forms: the factor `a` (1 when left out) shifted by `b`.
        #expect(try matchPattern("привет $weight<0.5+1>", "привет")?.score == 1.5)
        #expect(try matchPattern("привет $weight<2-0.5>", "привет")?.score == 1.5)
        #expect(try matchPattern("привет $weight<+1>", "привет")?.score == 2)
        #expect(try matchPattern("привет $weight< 100.3 + 100 >", "привет")?.score == 200.3)
        #expect(try matchPattern("привет $weight<1e-1+1>", "привет")?.score == 1.1)
    }
}
