import ConformJSON

/// A `.csv` dictionary row that cannot be read.
public enum EntityDictionaryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row without the `;` that separates the id from the synonyms, or with no synonym.
    case missingSynonyms(file: String, line: Int)
    /// A row with an empty id.
    case missingID(file: String, line: Int)
    /// Two rows with the same id (JAICP requires ids to be unique within a dictionary).
    case duplicateID(String, file: String, line: Int, firstLine: Int)

    public var description: String {
        switch self {
        case .missingSynonyms(let file, let line):
            "\(file):\(line): error: dictionary row has no synonyms; write it as \"id;synonym1, synonym2;value\""
        case .missingID(let file, let line):
            "\(file):\(line): error: dictionary row has an empty id; write it as \"id;synonym1, synonym2;value\""
        case .duplicateID(let id, let file, let line, let firstLine):
            "\(file):\(line): error: id \"\(id)\" is already used on line \(firstLine); ids must be unique"
        }
    }
}

extension EntityDictionary {
    /// Reads JAICP's dictionary format: one entry per line, `id;synonym1, synonym2;value`.
    ///
    /// - The first two `;` separate the fields; later ones belong to the value, so a JSON value may
    ///   hold `;`. Synonyms are separated by `,` and trimmed.
    /// - The value (optional) is JSON when it parses as JSON (`{"name": "John"}`, `42`, `"text"`),
    ///   otherwise the trimmed text as a string ("a string without quotes" in JAICP's words); an
    ///   unquoted-key JavaScript object such as `{name: 1}` stays a string.
    /// - Blank lines are skipped; a UTF-8 byte-order mark and `\r\n` line ends are accepted.
    public init(name: String, csv: String, file: String = "<csv>") throws(EntityDictionaryError) {
        var entries: [Entry] = []
        var firstLineOfID: [String: Int] = [:]
        var text = Substring(csv)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        // `isNewline` also covers "\r\n", which Swift reads as one Character.
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            let fields = line.split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false)
            let id = fields[0].patternTrimmed
            guard !id.isEmpty else { throw .missingID(file: file, line: lineNumber) }
            let synonyms = fields.count > 1
                ? fields[1].split(separator: ",").map(\.patternTrimmed).filter { !$0.isEmpty } : []
            guard !synonyms.isEmpty else { throw .missingSynonyms(file: file, line: lineNumber) }
            if let first = firstLineOfID[id] {
                throw .duplicateID(id, file: file, line: lineNumber, firstLine: first)
            }
            firstLineOfID[id] = lineNumber
            let valueText = fields.count > 2 ? fields[2].patternTrimmed : ""
            entries.append(Entry(id: id, synonyms: synonyms, value: Self.value(of: valueText)))
        }
        self.init(name: name, entries: entries)
    }

    /// JSON when the text is JSON, otherwise the text itself; nil when empty.
    static func value(of text: String) -> JSONValue? {
        guard !text.isEmpty else { return nil }
        return (try? JSONParser.parse(text)) ?? .string(text)
    }
}

extension StringProtocol {
    var patternTrimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
