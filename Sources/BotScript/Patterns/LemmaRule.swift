/// How `~lemma` matches without a morphological dictionary.
///
/// JAICP looks words up in a full Russian/English morphology; offline conform approximates it with
/// suffix rules, so a `~lemma` matches the lemma itself and its *regular* inflections only:
///
/// - **Cyrillic**: a stem is the lemma itself, or the lemma minus one ending of `lemmaEndings` that
///   leaves at least 2 letters (`заказ` → `заказ`; `сестра` → `сестр`; `красивый` → `красив`,
///   `красивы`; `купить` → `куп`, `купи`, `купит`; `чай` → `ча`). A word matches when it is a stem
///   followed by nothing or by one ending of `inflectionEndings` (`заказы`, `заказа`, `заказами`,
///   `сестрой`, `красивая`, `купил`, `чаю`). Derived words and other parts of speech do not match
///   (`заказать`, `заказчик` for `~заказ`), nor do forms with a changed stem (`дня` for `~день`,
///   `хочу` for `~хотеть`).
/// - **Latin**: the lemma, or the lemma plus `s`/`es`/`ed`/`ing`/`d`, with a final `e` dropped before
///   `ing`/`ed` (`make` → `making`) and a final `y` turned into `ies`/`ied` (`try` → `tries`).
///   Irregular forms do not match (`ran` for `~run`).
/// - Anything else (digits, mixed words) matches only itself.
public enum LemmaRule {
    /// Endings stripped from a Cyrillic lemma to find its stems.
    static let lemmaEndings: [String] = [
        "ться", "тись", "ить", "ать", "ять", "еть", "оть", "уть", "ыть", "ть", "ти", "чь", "ся",
        "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые",
        "а", "я", "о", "е", "ь", "й", "ы", "и", "у", "ю",
    ]

    /// Inflectional endings a Cyrillic stem may take (nouns, adjectives, verbs).
    static let inflectionEndings = Set([
        // nouns
        "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й", "ом", "ем", "ой", "ей", "ою", "ею", "ам", "ям",
        "ах", "ях", "ов", "ев", "ами", "ями", "ия", "ию", "ий", "ие", "ии", "ием", "иям", "иях", "ьи", "ью",
        "ья", "ье", "ьям", "ьях",
        // adjectives
        "ый", "ая", "ое", "ые", "яя", "ее", "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ую", "юю",
        "ыми", "ими",
        // verbs: present, past, imperative, infinitive, reflexive
        "ешь", "ет", "ете", "ут", "ют", "ишь", "ит", "ите", "ат", "ят", "ем", "им",
        "ал", "ала", "ало", "али", "ял", "яла", "яло", "яли", "ил", "ила", "ило", "или", "ел", "ела", "ело",
        "ели", "л", "ла", "ло", "ли", "ть", "ти", "ться", "ся", "сь", "юсь", "усь", "ись", "ась", "ешься",
        "ется", "ются", "утся", "ится", "ятся", "ался", "илась", "ился", "йте", "ьте",
    ])

    static let latinEndings: [String] = ["s", "es", "ed", "ing", "d"]

    /// Does `word` (normalized) count as a form of `lemma` (normalized)?
    public static func matches(_ word: String, lemma: String) -> Bool {
        Forms(lemma).matches(word)
    }

    /// A lemma with its stems worked out once, for matching many words.
    public struct Forms: Sendable, Hashable {
        public let lemma: String
        private let lemmaBytes: [UInt8]
        private let cyrillicStems: [[UInt8]]?
        private let isLatin: Bool

        /// A stem must be followed by an ending (`LemmaRule.Synonym`); the lemma itself always matches.
        private let needsEnding: Bool

        public init(_ lemma: String) {
            self.lemma = lemma
            lemmaBytes = Array(lemma.utf8)
            let first = lemma.unicodeScalars.first
            cyrillicStems = first.map(LemmaRule.isCyrillic) == true ? LemmaRule.cyrillicStems(of: lemmaBytes) : nil
            isLatin = first.map { $0.isASCII && $0.properties.isAlphabetic } ?? false
            needsEnding = false
        }

        /// The forms of one word of a dictionary synonym (`LemmaRule.Synonym`).
        public init(synonymWord word: String) {
            self.init(word)
            guard let stems = cyrillicStems else { return }
            let kept = Synonym.isIndeclinable(word) ? [] : stems.filter { Synonym.letters($0) >= Synonym.minimumStemLetters }
            self = Forms(lemma: word, lemmaBytes: lemmaBytes, cyrillicStems: kept, isLatin: false, needsEnding: true)
        }

        private init(lemma: String, lemmaBytes: [UInt8], cyrillicStems: [[UInt8]]?, isLatin: Bool, needsEnding: Bool) {
            self.lemma = lemma
            self.lemmaBytes = lemmaBytes
            self.cyrillicStems = cyrillicStems
            self.isLatin = isLatin
            self.needsEnding = needsEnding
        }

        public func matches(_ word: String) -> Bool {
            matches(bytes: Array(word.utf8))
        }

        /// The word is the lemma itself, not one of its other forms.
        func isLemma(bytes word: [UInt8]) -> Bool { word == lemmaBytes }

        func matches(bytes word: [UInt8]) -> Bool {
            if word == lemmaBytes { return true }
            if let cyrillicStems {
                return cyrillicStems.contains { stem in
                    guard ByteWord.hasPrefix(word, stem) else { return false }
                    if word.count == stem.count { return !needsEnding }
                    return LemmaRule.inflectionEndingBytes.contains(Array(word[stem.count...]))
                }
            }
            return isLatin && LemmaRule.matchesLatin(String(decoding: word, as: UTF8.self), lemma: lemma)
        }
    }

    static let inflectionEndingBytes = Set(inflectionEndings.map { Array($0.utf8) })

    /// Prefixes (UTF-8) that every form of `lemma` starts with, the lemma included: dictionaries
    /// index synonyms by them.
    static func stems(of lemma: String) -> [[UInt8]] {
        let bytes = Array(lemma.utf8)
        guard let first = lemma.unicodeScalars.first else { return [bytes] }
        if isCyrillic(first) { return cyrillicStems(of: bytes) }
        if let last = bytes.last, last == UInt8(ascii: "e") || last == UInt8(ascii: "y") { return [bytes, Array(bytes.dropLast())] }
        return [bytes]
    }

    /// `lemmaEndings` as UTF-8, with their length in letters.
    private static let lemmaEndingBytes = lemmaEndings.map { (bytes: Array($0.utf8), letters: $0.unicodeScalars.count) }

    /// The stems a Cyrillic lemma's inflections may start with: the lemma and the lemma minus each
    /// ending it has that leaves at least 2 letters. Works on UTF-8 (Cyrillic letters are 2 bytes).
    static func cyrillicStems(of lemma: [UInt8]) -> [[UInt8]] {
        let letters = lemma.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        var stems = [lemma]
        for ending in lemmaEndingBytes where letters - ending.letters >= 2 && ByteWord.hasSuffix(lemma, ending.bytes) {
            stems.append(Array(lemma.dropLast(ending.bytes.count)))
        }
        return stems
    }

    static func matchesLatin(_ word: String, lemma: String) -> Bool {
        if word.hasPrefix(lemma), latinEndings.contains(String(word.dropFirst(lemma.count))) { return true }
        if lemma.hasSuffix("e") {
            let stem = lemma.dropLast()
            if word == stem + "ing" || word == stem + "ed" { return true }
        }
        if lemma.hasSuffix("y"), lemma.count > 2 {
            let stem = lemma.dropLast()
            if word == stem + "ies" || word == stem + "ied" { return true }
        }
        return false
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(scalar.value)
    }
}

extension LemmaRule {
    /// How the words of `$entity` dictionary synonyms (mostly names: cities, brands) inflect: stricter
    /// than `~lemma`, because a dictionary of thousands of names turns every loose suffix rule into
    /// false matches of everyday words.
    ///
    /// *(inferred)* zb-common's tests, which pass on JAICP, expect "тебе", "себе", "давай", "не", "да",
    /// "от" not to be the cities Тебю, Себу, Давао, Нея, Дае, Ота. JAICP looks words up in a real
    /// morphology; offline, for synonym words:
    /// - a stem must be followed by an ending: the bare stem (`нея` → `не`) is no form of a name;
    /// - a Cyrillic word ending in `у`, `ю`, `о` or `е` (Баку, Тебю, Давао, Кофе — in Russian such
    ///   names are loanwords, which do not decline) matches only itself;
    /// - a stem keeps at least 3 letters: "ты" is no form of the car model Т, nor "мой" of the city
    ///   Моа (the price: "Уфы" is no form of Уфа either).
    public enum Synonym {
        static let minimumStemLetters = 3

        static func letters(_ bytes: [UInt8]) -> Int {
            bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }

        static let indeclinableEndings: [Unicode.Scalar] = ["у", "ю", "о", "е"]

        public static func isIndeclinable(_ word: String) -> Bool {
            guard let last = word.unicodeScalars.last else { return false }
            return indeclinableEndings.contains(last)
        }
    }
}
