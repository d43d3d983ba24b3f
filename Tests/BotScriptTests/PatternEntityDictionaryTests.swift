@testable import BotScript
import ConformJSON
import Testing

@Suite struct PatternEntityDictionaryTests {
    @Test func readsJAICPsCSVFormat() throws {
        let dictionary = try EntityDictionary(name: "Cities", csv: """
            \u{FEFF}1;Москва, Мск;{"name": "Москва", "tz": 3}\r
            2;Нижний Новгород,НН;Нижний Новгород\r

            3;Казань;
            4;Тверь;{"note": "a;b"}
            5 ; Сочи ; 42
            """, file: "src/cities.csv")
        #expect(dictionary.entries == [
            .init(id: "1", synonyms: ["Москва", "Мск"], value: ["name": "Москва", "tz": 3]),
            .init(id: "2", synonyms: ["Нижний Новгород", "НН"], value: "Нижний Новгород"),
            .init(id: "3", synonyms: ["Казань"], value: nil),
            .init(id: "4", synonyms: ["Тверь"], value: ["note": "a;b"]),
            .init(id: "5", synonyms: ["Сочи"], value: 42),
        ])
    }

    @Test func aJSONValueFollowedByAStraySemicolonIsStillJSON() throws {
        let dictionary = try EntityDictionary(name: "Cities", csv: """
            7298;Moscow;{"name":"Moscow","lat":55.75};
            7299;Kazan;plain text;
            """)
        #expect(dictionary.entries.map(\.value) == [["name": "Moscow", "lat": 55.75], .string("plain text;")])
    }

    @Test func malformedRowsAreErrorsWithFileAndLine() {
        #expect(throws: EntityDictionaryError.missingSynonyms(file: "src/names.csv", line: 2)) {
            try EntityDictionary(name: "Names", csv: "1;Иван\n2\n", file: "src/names.csv")
        }
        #expect(throws: EntityDictionaryError.missingSynonyms(file: "src/names.csv", line: 1)) {
            try EntityDictionary(name: "Names", csv: "1; , ;x", file: "src/names.csv")
        }
        #expect(throws: EntityDictionaryError.missingID(file: "src/names.csv", line: 1)) {
            try EntityDictionary(name: "Names", csv: ";Иван", file: "src/names.csv")
        }
        #expect(throws: EntityDictionaryError.duplicateID("1", file: "src/names.csv", line: 3, firstLine: 1)) {
            try EntityDictionary(name: "Names", csv: "1;Иван\n2;Пётр\n1;Джон", file: "src/names.csv")
        }
        #expect(EntityDictionaryError.duplicateID("1", file: "src/names.csv", line: 3, firstLine: 1).description
            == #"src/names.csv:3: error: id "1" is already used on line 1; ids must be unique"#)
    }

    @Test func exposesTheScriptVariableShape() throws {
        let dictionary = try EntityDictionary(name: "Names", csv: #"150;John, Johnny;{"name": "John"}"#)
        #expect(JSONWriter.compact(dictionary.scriptValue)
            == #"{"150":{"id":"150","alternameNames":["John","Johnny"],"value":{"name":"John"}}}"#)
    }

    @Test func matchesMultiWordSynonymsInTheirInflections() throws {
        let dictionary = try EntityDictionary(name: "Cities", csv: "1;Москва, Мск\n2;Нижний Новгород\n3;New York, NY")
        let library = try PatternLibrary(dictionaries: [dictionary])
        func entity(_ text: String) throws -> [JSONValue?] {
            try matchPattern("* $entity<Cities> *", text, library: library)?.parseTree.children.map(\.value) ?? []
        }
        #expect(try entity("живу в Москве") == ["1"])
        #expect(try entity("из мск") == ["1"])
        #expect(try entity("еду в Нижний Новгород завтра") == ["2"])
        #expect(try entity("flights to New York") == ["3"])
        #expect(try entity("в Нижний") == [])
        #expect(try entity("Москвичи") == [])
    }

    @Test func synonymWordsNeedAnEndingAndLoanwordNamesDoNotDecline() throws {
        // Names such as zb-common's cities, against everyday words that the `~lemma` rules would take.
        let dictionary = try EntityDictionary(name: "Cities", csv: "1;Тебю\n2;Давао\n3;Нея\n4;Ота\n5;Тверь\n6;Уфа\n7;Баку\n8;Пенза\n9;Т\n10;Моа")
        let library = try PatternLibrary(dictionaries: [dictionary])
        func entity(_ text: String) throws -> [JSONValue?] {
            try matchPattern("* $entity<Cities> *", text, library: library)?.parseTree.children.map(\.value) ?? []
        }
        #expect(try entity("тебе когда-нибудь снилось") == [])
        #expect(try entity("давай считать") == [])
        #expect(try entity("я не знаю") == [])
        #expect(try entity("избавиться от привычек") == [])
        #expect(try entity("ты редко плачешь") == [])
        #expect(try entity("мой вопрос") == [])
        // The names themselves, and the inflections of names that decline, still match.
        #expect(try entity("лечу в Тебю") == ["1"])
        #expect(try entity("из Давао") == ["2"])
        #expect(try entity("жил в Твери") == ["5"])
        #expect(try entity("в Уфу") == [])  // a stem keeps 3 letters; Уфа itself still matches
        #expect(try entity("лечу в Уфа") == ["6"])
        #expect(try entity("в Баку") == ["7"])
        #expect(try entity("из Пензы") == ["8"])
        // `~lemma` in a pattern keeps the looser rule: the bare stem is a form (genitive plural).
        #expect(try matchPattern("много ~книга", "много книг") != nil)
    }

    @Test func prefersTheLongerSynonymWhenBothCoverTheRequest() throws {
        let dictionary = EntityDictionary(name: "Places", entries: [
            .init(id: "city", synonyms: ["Нижний"]),
            .init(id: "full", synonyms: ["Нижний Новгород"]),
        ])
        let library = try PatternLibrary(dictionaries: [dictionary])
        let match = try #require(try matchPattern("* $entity<Places> *", "Нижний Новгород", library: library))
        #expect(match.parseTree.children.map(\.value) == ["full"])
        #expect(match.score == 1.8)
    }

    @Test func aSynonymWrittenExactlyBeatsAnInflectionOfAnEarlierRow() throws {
        let dictionary = try EntityDictionary(name: "Names", csv: "1;Алекс\n2;Алексей,Леша\n", file: "src/names.csv")
        let library = try PatternLibrary(dictionaries: [dictionary])
        func id(_ text: String) throws -> [JSONValue?] {
            try matchPattern("* $entity<Names> *", text, library: library)?.parseTree.children.map(\.value) ?? []
        }
        #expect(try id("меня зовут Алексей") == ["2"])
        #expect(try id("Алекс") == ["1"])
        #expect(try id("у Алекса") == ["1"])
        #expect(try id("Леша") == ["2"])
    }
}
