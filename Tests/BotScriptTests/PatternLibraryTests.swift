@testable import BotScript
import ConformJSON
import Testing

@Suite struct PatternLibraryTests {
    private func declaration(_ name: String, _ source: String, converter: String? = nil, line: Int = 3) -> NamedPatternDeclaration {
        NamedPatternDeclaration(name: name, source: source, converter: converter,
                                location: PatternSourceLocation(file: "src/patterns.sc", line: line, column: 5))
    }

    @Test func namedPatternsReferenceEachOtherInAnyOrder() throws {
        let library = try PatternLibrary(patterns: [
            declaration("$Tickets", "$Number (билет*|~место)"),
            declaration("$Number", #"$regexp<\d+>"#, converter: "$converters.number"),
        ])
        let match = try #require(try matchPattern("* купить $Tickets *", "Хочу купить 2 билета!", library: library))
        #expect(match.parseTree.children.map(\.tag) == ["Tickets"])
        #expect(match.parseTree.children[0].children[0].converter == "$converters.number")
        #expect(library["Number"]?.declaration.converter == "$converters.number")
        #expect(library.names == ["Tickets", "Number"])
    }

    @Test func aTriggerCutShortByTheDepthCapDoesNotCutTheNextOnesNamedPatterns() throws {
        // $P0 → $P1 → … → $P499 → word: too deep for the matcher's cap from $P0, not from $P250
        // (which the first reaches on its way down, and leaves cut short in the memo).
        let chain = (0..<500).map { i in declaration("P\(i)", i == 499 ? "слово" : "$P\(i + 1)") }
        let library = try PatternLibrary(patterns: chain)
        let deep = try compilePattern("$P0", library: library)
        let shallow = try compilePattern("$P250", library: library)
        let matcher = PatternMatcher(library: library)
        #expect(matcher.match(deep, RequestText("слово")) == nil)
        #expect(matcher.match(shallow, RequestText("слово")) != nil)
        // Sharing one run, as a request's candidate triggers do, the second still matches.
        let both = matcher.match([deep, shallow], RequestText("слово"))
        #expect(both.map { $0 != nil } == [false, true])
    }

    @Test func anUndefinedNameIsAnErrorAtItsDollarSign() {
        #expect(throws: PatternError.unknownPatternName(
            "Bye", at: PatternSourceLocation(file: "src/patterns.sc", line: 3, column: 13))
        ) {
            try PatternLibrary(patterns: [declaration("Hello", "привет [$Bye]")])
        }
    }

    @Test func leftRecursionIsAnErrorNamingItsPatternsAtTheReferenceThatClosesIt() {
        #expect(throws: PatternError.patternCycle(
            ["A", "B", "A"], at: PatternSourceLocation(file: "src/patterns.sc", line: 4, column: 11))
        ) {
            try PatternLibrary(patterns: [declaration("A", "[$B] привет", line: 3), declaration("B", "(пока|$A)", line: 4)])
        }
        #expect(throws: PatternError.patternCycle(
            ["Self", "Self"], at: PatternSourceLocation(file: "src/patterns.sc", line: 3, column: 6))
        ) {
            try PatternLibrary(patterns: [declaration("Self", "[$Self] a")])
        }
    }

    @Test func recursionAfterAWordIsAllowedAsInZbCommon() throws {
        let library = try PatternLibrary(patterns: [
            declaration("Relative", "(брат|сестра|двоюродн* $Relative)"),
            declaration("Calc", "(число|скобка $Calc скобка)"),
        ])
        let match = try #require(try matchPattern("$Relative", "Двоюродная двоюродная сестра", library: library))
        #expect(match.parseTree.children[0].children[0].children[0].text == "сестра")
        #expect(try matchPattern("$Calc", "скобка скобка число скобка скобка", library: library) != nil)
        #expect(try matchPattern("$Calc", "скобка скобка число скобка", library: library) == nil)
    }

    @Test func platformBuiltinsOneWordAndNonEmptyGarbageNeedNoDeclaration() throws {
        #expect(try matchPattern("* $oneWord", "привет бот")?.score == 0)
        #expect(try matchPattern("$oneWord", "привет бот") == nil)
        #expect(try matchPattern("$nonEmptyGarbage", "что угодно здесь")?.parseTree.json["_nonEmptyGarbage"] == "что угодно здесь")
        #expect(try matchPattern("$nonEmptyGarbage", "") == nil)
        let own = try PatternLibrary(patterns: [declaration("oneWord", "привет")])
        #expect(try matchPattern("$oneWord", "бот", library: own) == nil)
        #expect(own.names == ["oneWord"])
        #expect(PatternLibrary().names.isEmpty)
    }

    @Test func aDuplicateNameIsAnError() {
        #expect(throws: PatternError.duplicatePatternName(
            "yes", at: PatternSourceLocation(file: "src/patterns.sc", line: 9, column: 5),
            firstAt: PatternSourceLocation(file: "src/patterns.sc", line: 3, column: 5))
        ) {
            try PatternLibrary(patterns: [declaration("yes", "да"), declaration("yes", "ага", line: 9)])
        }
    }

    @Test func buildingLeniently_reportsEveryProblemAndKeepsTheRest() throws {
        let (library, errors) = PatternLibrary.build(patterns: [
            declaration("Broken", "(да|", line: 3),
            declaration("Loop", "$Loop", line: 4),
            declaration("Good", "(да|ага)", line: 5),
            declaration("UsesBroken", "[$Broken] ок", line: 6),
        ])
        #expect(errors == [
            .unclosed(opening: "(", at: PatternSourceLocation(file: "src/patterns.sc", line: 3, column: 5)),
            .patternCycle(["Loop", "Loop"], at: PatternSourceLocation(file: "src/patterns.sc", line: 4, column: 5)),
        ])
        #expect(try matchPattern("$Good", "ага", library: library) != nil)
        #expect(try matchPattern("$UsesBroken", "ок", library: library) != nil)
        #expect(try matchPattern("$Broken", "да", library: library) == nil)
        #expect(try matchPattern("$Loop", "", library: library) == nil)
    }

    @Test func systemEntityStubsStandInForDuckling() throws {
        let library = try PatternLibrary(systemEntityStubs: [declaration("@duckling.number", #"$regexp<\d+>"#)])
        let pattern = try compilePattern("* @duckling.number *", library: library)
        #expect(pattern.unsupportedFeatures.isEmpty)
        let match = try #require(PatternMatcher(library: library).match(pattern, RequestText("мне 5 штук")))
        #expect(match.parseTree.json["_duckling.number"] == "5")
        #expect(library.names.isEmpty)
    }

    @Test func unsupportedFeaturesOfNamedPatternsAreListedForTheLoader() throws {
        let library = try PatternLibrary(patterns: [
            declaration("anyAdj", "$morph<П>", line: 3),
            declaration("Date", "(@duckling.date|сегодня)", line: 4),
            declaration("yes", "да", line: 5),
        ])
        #expect(library.unsupportedFeatures.map { $0.name } == ["anyAdj", "Date"])
        #expect(library.unsupportedFeatures.map { $0.features } == [["$morph<П>"], ["@duckling.date"]])
        #expect(library.unsupportedFeatures[1].location.line == 4)
    }

    @Test func aliasesRenameCaptures() throws {
        let library = try PatternLibrary(
            patterns: [declaration("City", "$entity<Cities>")],
            dictionaries: [EntityDictionary(name: "Cities", entries: [
                .init(id: "1", synonyms: ["Москва"]), .init(id: "2", synonyms: ["Казань"]),
            ])]
        )
        let match = try #require(try matchPattern("* из $City::From в $City::To *", "Еду из Москвы в Казань", library: library))
        #expect(match.parseTree.children.map(\.tag) == ["From", "To"])
        #expect(match.parseTree.json["_From"] == "Москвы")
        #expect(match.parseTree.json["To"]?[0]?["Cities"]?[0]?["value"] == "2")
    }
}
