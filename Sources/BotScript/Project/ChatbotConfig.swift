import ConformJSON

/// `chatbot.yaml`: the project's settings. Keys conform does not know are kept in `raw`, not rejected.
public struct ChatbotConfig: Sendable {
    public struct LengthLimit: Sendable, Equatable {
        public var enabled: Bool
        /// Maximum characters; nil or negative means no limit on characters.
        public var symbols: Int?
        /// Maximum words; nil or negative means no limit on words.
        public var words: Int?

        public init(enabled: Bool, symbols: Int?, words: Int?) {
            self.enabled = enabled
            self.symbols = symbols
            self.words = words
        }
    }

    public var name: String?
    /// The `.sc` files loading starts from, relative to `src/` (JAICP accepts one name or a list).
    public var entryPoints: [String]
    public var botEngine: String?
    public var language: String?
    /// Ant-style globs relative to `test/`.
    public var testsInclude: [String]
    public var testsExclude: [String]
    /// Exposed read-only to scripts as `$injector`.
    public var injector: JSONValue
    public var nlp: JSONValue?
    public var lengthLimit: LengthLimit?
    public var dependencies: JSONValue?
    /// The whole document as read.
    public var raw: JSONValue

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case notAMapping
        case missingEntryPoint
        case wrongType(key: String, expected: String, found: String)

        public var description: String {
            switch self {
            case .notAMapping: "chatbot.yaml must be a mapping of settings (name, entryPoint, …)"
            case .missingEntryPoint: "chatbot.yaml has no `entryPoint` (the first .sc file under src/, e.g. `entryPoint: main.sc`)"
            case .wrongType(let key, let expected, let found): "`\(key)` in chatbot.yaml must be \(expected), found \(found)"
            }
        }
    }

    public init(json: JSONValue) throws(Problem) {
        guard case .object = json else { throw .notAMapping }
        raw = json
        guard let entry = json["entryPoint"], !entry.isNull else { throw .missingEntryPoint }
        if let single = Self.scalarText(entry), !single.isEmpty {
            entryPoints = [single]
        } else if case .array(let items) = entry, !items.isEmpty, items.allSatisfy({ Self.scalarText($0) != nil }) {
            entryPoints = items.compactMap(Self.scalarText)
        } else {
            throw .wrongType(key: "entryPoint", expected: "a file name or a list of them", found: entry.typeName)
        }
        name = json["name"].flatMap(Self.scalarText)
        botEngine = json["botEngine"].flatMap(Self.scalarText)
        language = json["language"].flatMap(Self.scalarText)
        testsInclude = try Self.globs(json["tests"]?["include"], key: "tests.include")
        testsExclude = try Self.globs(json["tests"]?["exclude"], key: "tests.exclude")
        injector = json["injector"]?.nonNull ?? [:]
        nlp = json["nlp"]
        dependencies = json["dependencies"]
        if let limit = json["nlp"]?["lengthLimit"], case .object = limit {
            lengthLimit = LengthLimit(enabled: limit["enabled"]?.boolValue ?? false,
                                      symbols: limit["symbols"]?.intValue, words: limit["words"]?.intValue)
        }
    }

    private static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): s
        case .number(let n): n.literal
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    private static func globs(_ value: JSONValue?, key: String) throws(Problem) -> [String] {
        switch value {
        case nil, .null?: return []
        case .string(let s)?: return [s]
        case .array(let items)?:
            return items.compactMap(scalarText)
        case let other?:
            throw .wrongType(key: key, expected: "a list of file globs", found: other.typeName)
        }
    }
}
