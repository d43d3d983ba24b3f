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
        // Bytes, not Characters: dictionaries of tens of thousands of rows load in milliseconds.
        var bytes = Array(csv.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var entries: [Entry] = []
        var firstLineOfID: [String: Int] = [:]
        for (offset, rawLine) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = Self.trimmed(rawLine)
            guard !line.isEmpty else { continue }
            let fields = line.split(separator: UInt8(ascii: ";"), maxSplits: 2, omittingEmptySubsequences: false)
            let id = Self.string(Self.trimmed(fields[0]))
            guard !id.isEmpty else { throw .missingID(file: file, line: lineNumber) }
            let synonyms = fields.count > 1
                ? fields[1].split(separator: UInt8(ascii: ",")).map { Self.string(Self.trimmed($0)) }.filter { !$0.isEmpty }
                : []
            guard !synonyms.isEmpty else { throw .missingSynonyms(file: file, line: lineNumber) }
            if let first = firstLineOfID[id] {
                throw .duplicateID(id, file: file, line: lineNumber, firstLine: first)
            }
            firstLineOfID[id] = lineNumber
            let valueText = fields.count > 2 ? Self.string(Self.trimmed(fields[2])) : ""
            entries.append(Entry(id: id, synonyms: synonyms, value: Self.value(of: valueText)))
        }
        self.init(name: name, entries: entries)
    }

    /// JSON when the text is JSON, otherwise the text itself; nil when empty. A JSON value followed
    /// by a stray `;` (a row written `id;synonyms;{…};`, as zb-common's city dictionary is) is that
    /// JSON value.
    static func value(of text: String) -> JSONValue? {
        guard let first = text.utf8.first else { return nil }
        // Only text that starts like JSON is worth parsing as JSON.
        guard "{[\"-0123456789tfn".utf8.contains(first) else { return .string(text) }
        if let json = try? JSONParser.parse(text) { return json }
        var stripped = Substring(text)
        while stripped.last == ";" || stripped.last == " " { stripped = stripped.dropLast() }
        if stripped.count < text.count, let json = try? JSONParser.parse(String(stripped)) { return json }
        return .string(text)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return []
        }
        return bytes[first...last]
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
