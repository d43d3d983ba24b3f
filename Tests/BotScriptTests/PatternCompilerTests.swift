@testable import BotScript
import ConformJSON
import Testing

/// Where the test triggers are "written": `q!: ` puts the pattern at column 13 of line 10.
let patternTestLocation = PatternSourceLocation(file: "src/main.sc", line: 10, column: 13)

func compilePattern(_ source: String, library: PatternLibrary = PatternLibrary()) throws -> CompiledPattern {
    try PatternCompiler(library: library).compile(source, at: patternTestLocation)
}

func matchPattern(_ source: String, _ text: String, library: PatternLibrary = PatternLibrary()) throws -> PatternMatch? {
    PatternMatcher(library: library).match(try compilePattern(source, library: library), RequestText(text))
}

@Suite struct PatternCompilerTests {
    @Test func compilesWordsOptionalsAndValuedAlternatives() throws {
        #expect(try compilePattern("* [мне] (да:yes|нет:no) *").root == .sequence([
            .anyWords,
            .optional(.word("мне")),
            .alternatives([.valued(.word("да"), "yes"), .valued(.word("нет"), "no")]),
            .anyWords,
        ]))
    }

    @Test func slashSeparatesAlternativesOnlyInsideBrackets() throws {
        #expect(try compilePattern("(a/b)").root == .alternatives([.word("a"), .word("b")]))
        #expect(try compilePattern("[мне/у вас]").root
            == .optional(.alternatives([.word("мне"), .sequence([.word("у"), .word("вас")])])))
        #expect(try compilePattern("да/нет").root == .sequence([.word("да"), .word("нет")]))
        #expect(try compilePattern("да|нет").root == .alternatives([.word("да"), .word("нет")]))
    }

    @Test func compilesPermutationsWildcardWordsAndLemmas() throws {
        #expect(try compilePattern("{купить билет*}").root
            == .permutation([.word("купить"), .wildcardWord(WildcardWord("билет*"))]))
        #expect(try compilePattern("{a b | c}").root
            == .alternatives([.permutation([.word("a"), .word("b")]), .permutation([.word("c")])]))
        #expect(try compilePattern("~Заказ *ing при*ет **").root == .sequence([
            .lemma("заказ"), .wildcardWord(WildcardWord("*ing")), .wildcardWord(WildcardWord("при*ет")), .anyWords,
        ]))
    }

    @Test func punctuationInPatternTextIsDroppedLikeInRequests() throws {
        #expect(try compilePattern("Как дела?").root == .sequence([.word("как"), .word("дела")]))
        #expect(try compilePattern("т.е. Ёлка").root == .sequence([.word("т"), .word("е"), .word("елка")]))
    }

    @Test func alternativesWrittenOnlyWithPunctuationNeverMatch() throws {
        #expect(try compilePattern("(это|=|equals)").root == .alternatives([.word("это"), .never, .word("equals")]))
        #expect(try matchPattern("(это|=|equals) два", "это два") != nil)
        #expect(try matchPattern("(это|=|equals) два", "= два") == nil)
    }

    @Test func valuesAreJSONWhenTheyParseAsJSONAndTextOtherwise() throws {
        #expect(try compilePattern("hundred*: 100").root == .valued(.wildcardWord(WildcardWord("hundred*")), 100))
        #expect(try compilePattern("(нол*|нул*|zero):0").root == .valued(.alternatives([
            .wildcardWord(WildcardWord("нол*")), .wildcardWord(WildcardWord("нул*")), .word("zero"),
        ]), 0))
        #expect(try compilePattern(#"ok:{"a": [1, "x y"]} y:true z:"два слова" w:привет"#).root == .sequence([
            .valued(.word("ok"), ["a": [1, "x y"]]),
            .valued(.word("y"), true),
            .valued(.word("z"), "два слова"),
            .valued(.word("w"), "привет"),
        ]))
    }

    @Test func compilesRegexesWeightsRepeatsAndEntities() throws {
        let library = try PatternLibrary(
            patterns: [NamedPatternDeclaration(name: "yes", source: "(да|ага)", location: patternTestLocation)],
            dictionaries: [EntityDictionary(name: "Cities", entries: [.init(id: "1", synonyms: ["Москва"])])]
        )
        #expect(try compilePattern(#"$regexp<\d+> $regexp_i<[А-Я]{2}> $regex</start>"#).root == .sequence([
            .tokenRegex(#"\d+"#, caseInsensitive: false), .tokenRegex("[А-Я]{2}", caseInsensitive: true),
            .textRegex("/start"),
        ]))
        #expect(try compilePattern(#"$regexp<(?<year>\d{4})>"#).root == .tokenRegex(#"(?<year>\d{4})"#, caseInsensitive: false))
        #expect(try compilePattern("$repeat<$yes> $entity<Cities> $weight<-1> $yes::Agree", library: library).root
            == .sequence([.repetition(.reference(name: "yes", alias: nil)), .entity(dictionary: "Cities"),
                          .weight(-1), .reference(name: "yes", alias: "Agree")]))
    }

    @Test func systemEntitiesAndMorphologyAreListedAsUnsupported() throws {
        let pattern = try compilePattern("* @duckling.number. $morph<П> @duckling.number *")
        #expect(pattern.root == .sequence([.anyWords, .systemEntity("duckling.number"), .unsupported("$morph<П>"),
                                           .systemEntity("duckling.number"), .anyWords]))
        #expect(pattern.unsupportedFeatures == ["@duckling.number", "$morph<П>"])
    }
}

@Suite struct PatternCompilerErrorTests {
    private func error(_ source: String, library: PatternLibrary = PatternLibrary()) -> PatternError? {
        do {
            _ = try PatternCompiler(library: library).compile(source, at: patternTestLocation)
            return nil
        } catch {
            return error
        }
    }

    private func at(_ column: Int, line: Int = 10) -> PatternSourceLocation {
        PatternSourceLocation(file: "src/main.sc", line: line, column: column)
    }

    @Test func unclosedBracketsPointAtTheOpeningBracket() {
        #expect(error("* (привет|здравствуй *") == .unclosed(opening: "(", at: at(15)))
        #expect(error("[мне (да|нет)") == .unclosed(opening: "[", at: at(13)))
        #expect(error("{купить билет") == .unclosed(opening: "{", at: at(13)))
        #expect(error(#"* $regexp<\d+"#) == .unclosed(opening: "<", at: at(22)))
        #expect(error("$repeat<(a|b)") == .unclosed(opening: "<", at: at(20)))
    }

    @Test func wrongAndStrayClosersAreReported() {
        #expect(error("(a]") == .unexpectedClosing("]", expected: ")", at: at(15)))
        #expect(error("a )") == .unexpectedClosing(")", expected: nil, at: at(15)))
        #expect(error("[a} b") == .unexpectedClosing("}", expected: "]", at: at(15)))
    }

    @Test func emptyAlternativesAndGroupsAreReported() {
        #expect(error("(да||нет)") == .emptyAlternative(at: at(17)))
        #expect(error("(да|)") == .emptyAlternative(at: at(16)))
        #expect(error("| да") == .emptyAlternative(at: at(13)))
        #expect(error("* () *") == .emptyGroup(opening: "(", at: at(15)))
        #expect(error("[ ]") == .emptyGroup(opening: "[", at: at(13)))
        #expect(error("(= | ?)") == .emptyGroup(opening: "(", at: at(13)))
        #expect(error("   ") == .emptyPattern(at: at(13)))
    }

    @Test func unknownNamesPointAtTheDollarSign() {
        #expect(error("* $Unknown *") == .unknownPatternName("Unknown", at: at(15)))
        #expect(error("$entity<Nope>") == .unknownDictionary("Nope", at: at(21)))
        #expect(error("$foo<x>") == .unknownFunction("foo", at: at(13)))
    }

    @Test func badRegexesWeightsNamesAndValuesAreReported() {
        #expect(error("$regexp<(ab>") == .invalidRegex("(ab", at: at(21)))
        #expect(error("a $regex<[a-z>") == .invalidRegex("[a-z", at: at(22)))
        #expect(error("$weight<abc>") == .invalidWeight("abc", at: at(21)))
        #expect(error("$weight<1+>") == .invalidWeight("1+", at: at(21)))
        #expect(error("$weight<1++2>") == .invalidWeight("1++2", at: at(21)))
        #expect(error("~ привет") == .missingName(after: "~", at: at(13)))
        #expect(error("$ привет") == .missingName(after: "$", at: at(13)))
        #expect(error("да:") == .missingValue(at: at(15)))
    }

    @Test func errorsInMultiLinePatternsNameTheRightLine() {
        let location = PatternSourceLocation(file: "src/patterns.sc", line: 5, column: 15)
        let source = "(\n    мальч*:0 |\n    )"
        #expect(throws: PatternError.emptyAlternative(at: PatternSourceLocation(file: "src/patterns.sc", line: 6, column: 14))) {
            try PatternCompiler().compile(source, at: location)
        }
    }

    @Test func nestingAndPermutationSizeAreBounded() {
        let deep = String(repeating: "(", count: 150) + "a" + String(repeating: ")", count: 150)
        #expect(error(deep) == .nestingTooDeep(limit: 100, at: at(113)))
        #expect(error("{a b c d e f g h i j k}") == .tooManyPermutationElements(count: 11, limit: 10, at: at(13)))
    }

    @Test func messagesSayWhereWhatAndWhatToDo() {
        #expect(error("* (привет|здравствуй *")?.description
            == #"src/main.sc:10:15: error: "(" is never closed; add ")" where the group ends"#)
        #expect(error("* $Unknown *")?.description == "src/main.sc:10:15: error: unknown named pattern $Unknown: "
            + #"declare it under "patterns:" ("$Unknown = …") or require the file that declares it"#)
    }
}

@Suite struct PatternFuzzTests {
    private static let seeds = [
        "* (привет|здравствуй*) *",
        "{купить билет*} [$Number] $weight<1.05>",
        #"$regexp<[-−]?\d{3}\.\d{1,3}(\.\d{1,3})+> || x"#,
        "* [мне] (да:yes|нет:no) *",
        "(мальч*|парень|муж*|не (дев*|жен*)):0 | (дев*|жен*):{\"sex\": \"f\"}",
        "$repeat<$yes> ~заказ $City::From @duckling.number $entity<Cities> $regex</start>",
        "[мед|~медицинский $weight<-1>] (~сестра|систер) {(не нравится) * игра}/(выйти/выход)",
    ]

    @Test func truncatedAndShuffledPatternsCompileOrFailButNeverTrap() throws {
        let library = try PatternLibrary(
            patterns: [
                NamedPatternDeclaration(name: "yes", source: "(да|ага)", location: patternTestLocation),
                NamedPatternDeclaration(name: "Number", source: #"$regexp<\d+>"#, location: patternTestLocation),
                NamedPatternDeclaration(name: "City", source: "$entity<Cities>", location: patternTestLocation),
            ],
            dictionaries: [EntityDictionary(name: "Cities", entries: [.init(id: "1", synonyms: ["Москва"])])]
        )
        let compiler = PatternCompiler(library: library)
        let matcher = PatternMatcher(library: library)
        let request = RequestText("да ага хочу купить 2 билета заказы москва нет привет выйти")
        var generator = SeededGenerator(state: 2026)
        var cases: [String] = []
        for seed in Self.seeds {
            let characters = Array(seed)
            for length in 0...characters.count { cases.append(String(characters.prefix(length))) }
            for _ in 0..<150 {
                var shuffled = characters
                let swaps = Int.random(in: 1...4, using: &generator)
                for _ in 0..<swaps {
                    shuffled.swapAt(Int.random(in: 0..<shuffled.count, using: &generator),
                                    Int.random(in: 0..<shuffled.count, using: &generator))
                }
                cases.append(String(shuffled))
            }
        }
        var compiled = 0
        var rejected = 0
        for source in cases {
            do {
                let pattern = try compiler.compile(source, at: patternTestLocation)
                _ = matcher.match(pattern, request)
                compiled += 1
            } catch {
                #expect(!error.message.isEmpty)
                rejected += 1
            }
        }
        #expect(compiled + rejected == cases.count)
        #expect(compiled > 100)
        #expect(rejected > 100)
    }
}
