import ConformJSON
import OrderedCollections

/// A named entity dictionary (a required `.csv` with `name = Dict`), matched by `$entity<Dict>`.
///
/// ```swift
/// let cities = try EntityDictionary(name: "Cities", csv: "1;Москва, Мск;{\"tz\": 3}\n2;Нижний Новгород;")
/// // `$entity<Cities>` matches "москва", "мск", "москвы", "нижний новгород", …
/// ```
///
/// Synonyms are phrases of one or more words; each word matches in its simple inflections too
/// (`LemmaRule`, with the stricter rules of `LemmaRule.Synonym`), as JAICP recognizes synonyms "in
/// all their morphological forms". A match is
/// captured as a parse-tree node tagged with the dictionary's name whose `value` is the entry's
/// **id**: JAICP's documented converters read `$parseTree.Cities[0].value` and look the id up in
/// the dictionary variable to get the entry's value.
public struct EntityDictionary: Sendable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var synonyms: [String]
        /// The third CSV column: JSON when it parses as JSON, otherwise the text; nil when empty.
        public var value: JSONValue?

        public init(id: String, synonyms: [String], value: JSONValue? = nil) {
            self.id = id
            self.synonyms = synonyms
            self.value = value
        }
    }

    /// One synonym, tokenized, pointing back at its entry.
    struct Phrase: Sendable {
        var words: [LemmaRule.Forms]
        var entry: Int
    }

    public let name: String
    public let entries: [Entry]
    let phrases: [Phrase]
    /// Every stem of every phrase's first word (`LemmaRule.stems`, as UTF-8) → the phrases starting with it.
    private let phrasesByStem: [[UInt8]: [Int]]

    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
        var phrases: [Phrase] = []
        var byStem: [[UInt8]: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for synonym in entry.synonyms {
                let words = RequestText(synonym).words
                guard let first = words.first else { continue }
                for stem in Set(LemmaRule.stems(of: first)) { byStem[stem, default: []].append(phrases.count) }
                phrases.append(Phrase(words: words.map(LemmaRule.Forms.init(synonymWord:)), entry: index))
            }
        }
        self.phrases = phrases
        phrasesByStem = byStem
    }

    /// The dictionary's contents as JAICP exposes them to scripts through `var = $Dict`:
    /// `{id: {id, alternameNames: [synonyms], value}}` (sic, JAICP's spelling).
    public var scriptValue: JSONValue {
        // Built as one dictionary: setting keys on a JSONValue one by one copies it each time (a city
        // list of thousands of entries took seconds per conversation).
        var object = OrderedDictionary<String, JSONValue>(minimumCapacity: entries.count)
        for entry in entries {
            object[entry.id] = [
                "id": .string(entry.id),
                "alternameNames": .array(entry.synonyms.map(JSONValue.string)),
                "value": entry.value ?? .null,
            ]
        }
        return .object(object)
    }

    /// Synonyms that match the request's words (normalized UTF-8) from `start` on: (end, entry index).
    func matches(in words: [[UInt8]], at start: Int) -> [(end: Int, entry: Int)] {
        guard start < words.count else { return [] }
        let word = words[start]
        var candidates: Set<Int> = []
        // Every prefix ending at a letter boundary (UTF-8 continuation bytes are 10xxxxxx).
        for length in 1...word.count where length == word.count || word[length] & 0xC0 != 0x80 {
            if let found = phrasesByStem[Array(word[..<length])] { candidates.formUnion(found) }
        }
        var result: [(end: Int, entry: Int, exact: Bool)] = []
        for index in candidates.sorted() {
            let phrase = phrases[index]
            let end = start + phrase.words.count
            guard end <= words.count else { continue }
            let fits = zip(phrase.words, words[start..<end]).allSatisfy { $0.matches(bytes: $1) }
            if fits {
                let exact = zip(phrase.words, words[start..<end]).allSatisfy { $0.isLemma(bytes: $1) }
                result.append((end, phrase.entry, exact))
            }
        }
        // Over the same words, a synonym written exactly so comes before one matching an inflection of
        // it, whatever their rows' order: "Алексей" is the entry "Алексей", not a form of "Алекс".
        // The matcher keeps the first entry offered for an end.
        result.sort { a, b in a.end != b.end ? a.end < b.end : a.exact != b.exact ? a.exact : a.entry < b.entry }
        return result.map { ($0.end, $0.entry) }
    }
}
