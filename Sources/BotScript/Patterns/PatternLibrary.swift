/// One `patterns:` declaration: `$Name = pattern || converter = someFunction`.
public struct NamedPatternDeclaration: Sendable, Equatable {
    /// Without the `$` (a leading `$` or `@` given here is dropped).
    public var name: String
    public var source: String
    /// The converter expression, run by the runtime on the node's parse tree (`$converters.number`).
    public var converter: String?
    /// Where `source` starts.
    public var location: PatternSourceLocation

    public init(name: String, source: String, converter: String? = nil, location: PatternSourceLocation) {
        self.name = name.hasPrefix("$") || name.hasPrefix("@") ? String(name.dropFirst()) : name
        self.source = source
        self.converter = converter
        self.location = location
    }
}

/// A project's named patterns, entity dictionaries and system-entity stubs, compiled together.
///
/// ```swift
/// let (library, problems) = PatternLibrary.build(
///     patterns: declarations,                 // every `patterns:` entry of every loaded file
///     dictionaries: [try EntityDictionary(name: "Cities", csv: text, file: "src/cities.csv")],
///     systemEntityStubs: [NamedPatternDeclaration(name: "duckling.number", source: #"$regexp<\d+>"#,
///                                                 location: conformYAML)])
/// ```
///
/// Names resolve when the library is built, so declarations may reference each other in any order
/// and across files, recursively too; undefined names and left-recursive loops are errors located
/// at the offending `$Name`. The platform's built-in `$oneWord` and `$nonEmptyGarbage` are always
/// there (see `BuiltinPatterns`). A
/// declaration that fails to compile stays in the library as a pattern that never matches, so the
/// rest of the project still loads and every problem is reported at once.
public struct PatternLibrary: Sendable {
    public struct NamedPattern: Sendable {
        public let declaration: NamedPatternDeclaration
        public let compiled: CompiledPattern
    }

    /// Declarations in order, then stubs (whose names start with `@`).
    let patterns: [NamedPattern]
    /// `patterns[i].compiled.program`, kept apart for the matcher's hot path.
    let programs: [PatternProgram]
    private let indexByName: [String: Int]
    let dictionaries: [EntityDictionary]
    private let dictionaryIndexByName: [String: Int]

    /// A library with no declarations or dictionaries (only the built-in `$oneWord`, `$nonEmptyGarbage`).
    public init() {
        self = Self.build(patterns: []).library
    }

    /// Builds the library, or throws its first problem.
    public init(patterns: [NamedPatternDeclaration] = [], dictionaries: [EntityDictionary] = [],
                systemEntityStubs: [NamedPatternDeclaration] = []) throws(PatternError)
    {
        let (library, errors) = Self.build(patterns: patterns, dictionaries: dictionaries,
                                           systemEntityStubs: systemEntityStubs)
        if let first = errors.first { throw first }
        self = library
    }

    /// Builds the library and lists every problem; broken declarations never match.
    public static func build(patterns declarations: [NamedPatternDeclaration],
                             dictionaries: [EntityDictionary] = [],
                             systemEntityStubs: [NamedPatternDeclaration] = []) -> (library: PatternLibrary, errors: [PatternError])
    {
        var builder = PatternLibraryBuilder(declarations: declarations, dictionaries: dictionaries,
                                            stubs: systemEntityStubs)
        return builder.build()
    }

    init(compiled patterns: [NamedPattern], dictionaries: [EntityDictionary]) {
        self.patterns = patterns
        programs = patterns.map(\.compiled.program)
        var index: [String: Int] = [:]
        for (i, pattern) in patterns.enumerated() where index[pattern.declaration.name] == nil {
            index[pattern.declaration.name] = i
        }
        indexByName = index
        self.dictionaries = dictionaries
        dictionaryIndexByName = Dictionary(dictionaries.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The named pattern `$name` (with or without the `$`).
    public subscript(name: String) -> NamedPattern? {
        let bare = name.hasPrefix("$") ? String(name.dropFirst()) : name
        return indexByName[bare].map { patterns[$0] }
    }

    /// The project's named patterns, in declaration order (without stubs and built-ins).
    public var names: [String] {
        patterns.map(\.declaration).filter { !$0.name.hasPrefix("@") && !BuiltinPatterns.isBuiltin($0) }.map(\.name)
    }

    public func dictionary(named name: String) -> EntityDictionary? {
        dictionaryIndexByName[name].map { dictionaries[$0] }
    }

    /// Each named pattern that uses constructs that never match offline, with those constructs.
    public var unsupportedFeatures: [(name: String, location: PatternSourceLocation, features: [String])] {
        patterns.filter { !$0.compiled.unsupportedFeatures.isEmpty }.map {
            ($0.declaration.name, $0.declaration.location, $0.compiled.unsupportedFeatures)
        }
    }

    // MARK: - Compiling against the library

    func parseContext(at location: PatternSourceLocation) -> PatternParseContext {
        PatternParseContext(
            location: location,
            isPatternName: { indexByName[$0] != nil },
            isDictionaryName: { dictionaryIndexByName[$0] != nil },
            isStubbedSystemEntity: { indexByName["@" + $0] != nil }
        )
    }

    func makeCompiled(source: String, parsed: ParsedPattern) -> CompiledPattern {
        let resolver = PatternProgram.Resolver(
            patternIndex: { indexByName[$0] },
            dictionaryIndex: { dictionaryIndexByName[$0] },
            stubIndex: { indexByName["@" + $0] },
            regexes: parsed.regexes
        )
        return CompiledPattern(
            source: source,
            root: parsed.root,
            unsupportedFeatures: parsed.unsupportedFeatures,
            requiredWords: parsed.root.requiredWords { self[$0]?.compiled.requiredWords },
            program: PatternProgram(lowering: parsed.root, resolver: resolver)
        )
    }
}
