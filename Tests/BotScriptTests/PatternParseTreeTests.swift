@testable import BotScript
import ConformJSON
import Testing

@Suite struct PatternParseTreeTests {
    private let location = PatternSourceLocation(file: "src/patterns.sc", line: 2, column: 5)

    @Test func nestedNamedPatternsBecomeNestedTreesWithUnderscoreShortcuts() throws {
        let library = try PatternLibrary(patterns: [
            NamedPatternDeclaration(name: "Number", source: #"$regexp<\d+>"#, converter: "$converters.number",
                                    location: location),
            NamedPatternDeclaration(name: "Tickets", source: "$Number (билет*|~место)", location: location),
        ])
        let match = try #require(try matchPattern("* купить $Tickets *", "Хочу купить 2 билета!", library: library))
        #expect(JSONWriter.compact(match.parseTree.json) == #"""
            {"tag":"root","pattern":"* купить $Tickets *","text":"Хочу купить 2 билета","words":["хочу","купить","2","билета"],\#
            "Tickets":[{"tag":"Tickets","pattern":"$Number (билет*|~место)","text":"2 билета","words":["2","билета"],\#
            "Number":[{"tag":"Number","pattern":"$regexp<\\d+>","text":"2","words":["2"]}],"_Number":"2"}],\#
            "_Tickets":"2 билета"}
            """#)
    }

    @Test func rootValueComesFromValueMappings() throws {
        let match = try #require(try matchPattern("* [мне] (да:yes|нет:no) *", "Да"))
        #expect(JSONWriter.compact(match.parseTree.json)
            == #"{"tag":"root","pattern":"* [мне] (да:yes|нет:no) *","text":"Да","words":["да"],"value":"yes"}"#)
    }

    @Test func entityCapturesCarryTheEntryIDForTheConverter() throws {
        let cities = try EntityDictionary(name: "Cities", csv: """
            1;Москва, Мск;{"name": "Москва", "tz": 3}
            2;Нижний Новгород, НН;{"name": "Нижний Новгород", "tz": 3}
            """, file: "src/cities.csv")
        let library = try PatternLibrary(
            patterns: [NamedPatternDeclaration(name: "City", source: "$entity<Cities>", converter: "cityConverter",
                                               location: location)],
            dictionaries: [cities]
        )
        let match = try #require(try matchPattern("* из $City *", "Я из Нижнего Новгорода", library: library))
        #expect(JSONWriter.compact(match.parseTree.json) == #"""
            {"tag":"root","pattern":"* из $City *","text":"Я из Нижнего Новгорода","words":["я","из","нижнего","новгорода"],\#
            "City":[{"tag":"City","pattern":"$entity<Cities>","text":"Нижнего Новгорода","words":["нижнего","новгорода"],\#
            "Cities":[{"tag":"Cities","pattern":"$entity<Cities>","text":"Нижнего Новгорода","words":["нижнего","новгорода"],\#
            "value":"2"}],"_Cities":"2"}],"_City":"Нижнего Новгорода"}
            """#)
        #expect(match.parseTree.children[0].converter == "cityConverter")
    }

    @Test func capturesWithTheSameTagAreGroupedInOrder() throws {
        let library = try PatternLibrary(patterns: [
            NamedPatternDeclaration(name: "Digit", source: "(один:1|два:2|три:3)", location: location),
        ])
        let match = try #require(try matchPattern("$Digit и $Digit", "три и один", library: library))
        let json = match.parseTree.json
        #expect(json["Digit"]?.arrayValue?.map { $0["text"] } == ["три", "один"])
        #expect(json["_Digit"] == 3)
        #expect(match.parseTree.children.map(\.value) == [3, 1])
    }
}
