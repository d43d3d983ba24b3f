import ConformConcurrency
/// Compiles a library's declarations: duplicates, parsing, loops, then lowering in dependency order.
struct PatternLibraryBuilder {
    private var declarations: [NamedPatternDeclaration] = []
    private let dictionaries: [EntityDictionary]
    private var errors: [PatternError] = []

    init(declarations: [NamedPatternDeclaration], dictionaries: [EntityDictionary], stubs: [NamedPatternDeclaration]) {
        self.dictionaries = dictionaries
        let renamedStubs = stubs.map { stub -> NamedPatternDeclaration in
            var declaration = stub
            declaration.name = "@" + stub.name
            return declaration
        }
        var firstByName: [String: NamedPatternDeclaration] = [:]
        for declaration in declarations + renamedStubs {
            if let first = firstByName[declaration.name] {
                errors.append(.duplicatePatternName(declaration.name, at: declaration.location, firstAt: first.location))
                continue
            }
            firstByName[declaration.name] = declaration
            self.declarations.append(declaration)
        }
        for (name, _) in BuiltinPatterns.roots where firstByName[name] == nil {
            self.declarations.append(NamedPatternDeclaration(name: name, source: "$" + name,
                                                             location: BuiltinPatterns.location))
        }
    }

    mutating func build() -> (library: PatternLibrary, errors: [PatternError]) {
        let indexByName = Dictionary(declarations.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { _, last in last })
        let dictionaryNames = Set(dictionaries.map(\.name))
        let dictionaryIndex = Dictionary(dictionaries.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })

        // Declarations parse independently of each other, so a large library's are shared over the cores.
        let outcomes = declarations.concurrentMap { declaration -> Result<ParsedPattern, PatternError> in
            if BuiltinPatterns.isBuiltin(declaration),
               let root = BuiltinPatterns.roots.first(where: { $0.name == declaration.name })?.root
            {
                return .success(ParsedPattern(root: root, references: [], unsupportedFeatures: [], regexes: [:]))
            }
            let context = PatternParseContext(
                location: declaration.location,
                isPatternName: { indexByName[$0] != nil },
                isDictionaryName: { dictionaryNames.contains($0) },
                isStubbedSystemEntity: { indexByName["@" + $0] != nil }
            )
            return Result { () throws(PatternError) in try PatternParser.parse(declaration.source, context: context) }
        }
        var parsed: [ParsedPattern?] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let pattern): parsed.append(pattern)
            case .failure(let error):
                errors.append(error)
                parsed.append(nil)
            }
        }

        rejectLeftRecursion(parsed: &parsed, indexByName: indexByName)
        let order = dependencyOrder(parsed: parsed, indexByName: indexByName)

        var compiled: [CompiledPattern?] = Array(repeating: nil, count: declarations.count)
        for i in order {
            let declaration = declarations[i]
            guard let pattern = parsed[i] else {
                compiled[i] = CompiledPattern(source: declaration.source, root: .unsupported("broken declaration"),
                                              unsupportedFeatures: [], requiredWords: nil, program: .never)
                continue
            }
            let resolver = PatternProgram.Resolver(
                patternIndex: { indexByName[$0] },
                dictionaryIndex: { dictionaryIndex[$0] },
                stubIndex: { indexByName["@" + $0] },
                regexes: pattern.regexes
            )
            compiled[i] = CompiledPattern(
                source: declaration.source,
                root: pattern.root,
                unsupportedFeatures: pattern.unsupportedFeatures,
                requiredWords: pattern.root.requiredWords { name in indexByName[name].flatMap { compiled[$0]?.requiredWords } },
                program: PatternProgram(lowering: pattern.root, resolver: resolver)
            )
        }
        let named = zip(declarations, compiled).map { declaration, pattern in
            PatternLibrary.NamedPattern(declaration: declaration, compiled: pattern ?? CompiledPattern(
                source: declaration.source, root: .unsupported("broken declaration"),
                unsupportedFeatures: [], requiredWords: nil, program: .never))
        }
        return (PatternLibrary(compiled: named, dictionaries: dictionaries), errors)
    }

    /// Declarations with their references before them where possible (depth-first finishing
    /// order; recursion is allowed, so inside a loop some come first anyway).
    private func dependencyOrder(parsed: [ParsedPattern?], indexByName: [String: Int]) -> [Int] {
        var visited = Array(repeating: false, count: declarations.count)
        var order: [Int] = []
        for start in declarations.indices where !visited[start] {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            visited[start] = true
            while let (node, next) = stack.last {
                let references = parsed[node]?.references ?? []
                guard next < references.count else {
                    stack.removeLast()
                    order.append(node)
                    continue
                }
                stack[stack.count - 1].next += 1
                if let target = indexByName[references[next].name], !visited[target] {
                    visited[target] = true
                    stack.append((target, 0))
                }
            }
        }
        return order
    }

    /// Reports each loop of named patterns that re-enter one another before consuming a word
    /// (`$A = [$B] x`, `$B = ($A | y)`), at the reference that closes it, and drops the
    /// declarations in it (`nil`): such a loop can never finish matching.
    private mutating func rejectLeftRecursion(parsed: inout [ParsedPattern?], indexByName: [String: Int]) {
        var nullable = Array(repeating: false, count: declarations.count)
        var changed = true
        while changed {
            changed = false
            for i in declarations.indices where !nullable[i] {
                guard let root = parsed[i]?.root else { continue }
                if root.canMatchEmpty({ indexByName[$0].map { nullable[$0] } ?? false }) {
                    nullable[i] = true
                    changed = true
                }
            }
        }
        let isNullable = { (name: String) in indexByName[name].map { nullable[$0] } ?? false }
        let leading: [[Int]] = declarations.indices.map { i in
            parsed[i]?.root.leadingReferences(isNullable).compactMap { indexByName[$0] } ?? []
        }

        enum Mark { case unvisited, onPath, done }
        var marks = Array(repeating: Mark.unvisited, count: declarations.count)
        var broken: Set<Int> = []
        for start in declarations.indices where marks[start] == .unvisited {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            marks[start] = .onPath
            while let (node, next) = stack.last {
                guard next < leading[node].count else {
                    stack.removeLast()
                    marks[node] = .done
                    continue
                }
                stack[stack.count - 1].next += 1
                let target = leading[node][next]
                switch marks[target] {
                case .unvisited:
                    marks[target] = .onPath
                    stack.append((target, 0))
                case .onPath:
                    let path = stack.map(\.node)
                    let loop = Array(path[(path.firstIndex(of: target) ?? 0)...])
                    let name = declarations[target].name
                    let at = parsed[node]?.references.first { $0.name == name }?.location ?? declarations[node].location
                    errors.append(.patternCycle(loop.map { declarations[$0].name } + [name], at: at))
                    broken.formUnion(loop)
                case .done:
                    break
                }
            }
        }
        for i in broken { parsed[i] = nil }
    }
}
