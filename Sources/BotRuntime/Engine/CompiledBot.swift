import BotScript
import ConformConcurrency
import ConformJSON
import JSEngine
import OrderedCollections

/// A loaded project made ready to run: named patterns and trigger patterns compiled, dictionaries
/// read, an index for finding candidate triggers fast. Built once per project and shared read-only
/// by every worker and conversation.
public struct CompiledBot: Sendable {
    public let project: BotProject
    public let library: PatternLibrary
    public let matcher: PatternMatcher
    /// Every trigger of the project, in load order; `id` is the index here.
    public let triggers: [CompiledTrigger]
    /// Problems found while compiling patterns (the project's own diagnostics are in `project`).
    public let diagnostics: [Diagnostic]
    let patternIndex: PatternCandidateIndex
    /// `patternIndex` position → trigger id.
    let patternTriggerIDs: [Int]
    /// Trigger ids by owning state.
    let triggersByState: [String: [Int]]
    let globalTriggerIDs: [Int]
    /// Local triggers that also apply from another state (`fromState`), by that state.
    let fromStateTriggerIDs: [String: [Int]]
    /// Each trigger's state, parent and anchor as numbers (`pathNumbers`): choosing a state
    /// compares them for every candidate trigger of every request, and numbers compare in one step
    /// where paths compared as strings were a sixth of a match.
    let triggerPlaces: [TriggerPlace]
    /// The number of every path a trigger refers to; a path not here is none of theirs.
    let pathNumbers: [String: Int]
    /// A context as state selection needs it, worked out on its first request and kept: per request it
    /// cost more than it saved on small bots, and for every state at compile time it cost large ones.
    /// A script can set any context path; only so many are kept.
    func contextPlace(_ context: String) -> ContextPlace {
        contextPlaceCache.value(for: context, limit: 10_000) {
            ContextPlace(context, states: project.states, numbers: pathNumbers, occupied: occupiedPrefixes)
        }
    }
    private let contextPlaceCache = Locked([String: ContextPlace]())
    /// Every path states live under, ending in "/" (`/`, `/Shop/`, `/Shop/Cart/` for `/Shop/Cart/Pay`):
    /// whether a context names nothing is one lookup, where looking through every state's path for
    /// one under it was a third of `conform-bench-botscript`'s matching (2,000 states, contexts
    /// that name no state).
    private let occupiedPrefixes: Set<String>

    /// Whether a dialog context path names a place of this bot (a state, a theme, a path states live
    /// under, or `/`); one that does not is still used, its neighbours found by path.
    public func namesPlace(_ context: String) -> Bool { !contextPlace(context).namesNothing }
    /// Event triggers by event name.
    let eventTriggerIDs: [String: [Int]]
    /// Intent and example triggers (matched without the pattern index).
    let nonPatternQueryTriggerIDs: [Int]

    public init(project: BotProject) {
        var diagnostics: [Diagnostic] = []
        var dictionaries: [EntityDictionary] = []
        // Built on all cores: a big dictionary's entries are tokenized and stemmed one by one
        // (zb-common's 18 dictionaries hold 70,000 entries, read at every start of a bot using it).
        let built = project.dictionaries.concurrentMap(minimumCount: 2) { file -> Result<EntityDictionary, EntityDictionaryError>? in
            guard let name = file.name ?? file.variable.map({ $0.hasPrefix("$") ? String($0.dropFirst()) : $0 }) else { return nil }
            return Result { () throws(EntityDictionaryError) in try EntityDictionary(name: name, csv: file.text, file: file.file) }
        }
        for (file, result) in zip(project.dictionaries, built) {
            switch result {
            case .success(let dictionary)?: dictionaries.append(dictionary)
            case .failure(let error)?: diagnostics.append(.error("\(file.file): \(error)", at: file.location))
            case nil: break
            }
        }
        let declarations = project.patterns.map {
            NamedPatternDeclaration(name: $0.name, source: $0.source, converter: $0.converter,
                                    location: $0.sourceLocation)
        }
        let (library, errors) = PatternLibrary.build(patterns: declarations, dictionaries: dictionaries)
        diagnostics += errors.map { Diagnostic.error($0.message, at: $0.location) }
        for unsupported in library.unsupportedFeatures {
            diagnostics.append(.warning("$\(unsupported.name) uses \(unsupported.features.joined(separator: ", ")), which never matches offline",
                                        at: unsupported.location,
                                        hint: "system entities need JAICP's NLU; give a stub pattern in conform.yaml"))
        }
        let compiler = PatternCompiler(library: library)
        // Patterns compile independently of each other, so a large project's are shared over the cores
        // (most of compiling a project: conform-bench-botscript's 4,000 take 357 million instructions,
        // now split between the two cores).
        let compiledPatterns = project.triggers.concurrentMap { trigger -> Result<CompiledPattern, PatternError>? in
            guard case .pattern(let source) = trigger.kind else { return nil }
            return Result { () throws(PatternError) in try compiler.compile(source, at: trigger.valueLocation) }
        }

        var triggers: [CompiledTrigger] = []
        var patterns: [CompiledPattern] = []
        var patternTriggerIDs: [Int] = []
        var byState: [String: [Int]] = [:]
        var globals: [Int] = []
        var fromState: [String: [Int]] = [:]
        for (trigger, compiled) in zip(project.triggers, compiledPatterns) {
            let id = triggers.count
            var compiledPattern: CompiledPattern?
            var examples: [String] = []
            switch trigger.kind {
            case .pattern:
                switch compiled {
                case .success(let pattern)?:
                    compiledPattern = pattern
                    patternTriggerIDs.append(id)
                    patterns.append(pattern)
                    if !pattern.unsupportedFeatures.isEmpty {
                        diagnostics.append(.warning("this pattern uses \(pattern.unsupportedFeatures.joined(separator: ", ")), which never matches offline",
                                                    at: trigger.valueLocation))
                    }
                case .failure(let error)?:
                    diagnostics.append(.error(error.message, at: error.location))
                case nil:
                    break
                }
            case .example(let text):
                examples = text.split(separator: "\n").map { RequestText.normalize($0) }.filter { !$0.isEmpty }
            case .event, .intent, .intentGroup:
                break
            }
            triggers.append(CompiledTrigger(id: id, trigger: trigger, pattern: compiledPattern, examples: examples))
            byState[trigger.state, default: []].append(id)
            if trigger.isGlobal { globals.append(id) }
            if let from = trigger.fromState?.resolved { fromState[from, default: []].append(id) }
        }
        self.project = project
        self.library = library
        self.matcher = PatternMatcher(library: library)
        self.triggers = triggers
        self.diagnostics = diagnostics
        self.patternIndex = PatternCandidateIndex(patterns)
        self.patternTriggerIDs = patternTriggerIDs
        self.triggersByState = byState
        self.globalTriggerIDs = globals
        self.fromStateTriggerIDs = fromState
        var paths = PathNumbers()
        triggerPlaces = triggers.map { compiled in
            TriggerPlace(state: paths.number(compiled.trigger.state),
                         parent: paths.number(StatePath.parent(of: compiled.trigger.state)),
                         anchor: TriggerPlace.anchor(of: compiled.trigger).map { paths.number($0) })
        }
        pathNumbers = paths.numbers
        occupiedPrefixes = ContextPlace.occupiedPrefixes(of: project.states.keys)
        var events: [String: [Int]] = [:]
        var others: [Int] = []
        for compiled in triggers {
            switch compiled.trigger.kind {
            case .event(let name): events[name, default: []].append(compiled.id)
            case .example, .intent, .intentGroup: others.append(compiled.id)
            case .pattern: break
            }
        }
        eventTriggerIDs = events
        nonPatternQueryTriggerIDs = others
        let data = project.dataBindings.map { ($0.variable, JSONText(JSONWriter.compact($0.value))) }
        let csv = library.dictionaryVariables(project.dictionaries).map { ($0.variable, JSONText(JSONWriter.compact($0.value))) }
        startupGlobalsStorage = StartupGlobals(value: data + csv)
        startupSources = project.startupScripts.map { script in
            Result { () throws(JSScriptError) -> JSSource in
                switch script.kind {
                case .initBlock, .file:
                    return JSSource(script.code, file: script.location.file, line: script.location.line)
                case .es6Module(let name):
                    return JSSource(try ES6Module.transform(script.code, name: name, file: script.location.file),
                                    file: script.location.file, line: script.location.line)
                }
            }
        }
    }

    /// The `init:` blocks and required files every conversation runs first, in require order, made
    /// once (a `scriptEs6` module's transform failing is that module's startup error).
    let startupSources: [Result<JSSource, JSScriptError>]

    /// The globals every conversation starts with — required `.yaml`/`.json` data and CSV dictionaries
    /// (`var = $Cities`) — as JSON text, written once: a city or bank list serialized per conversation
    /// cost seconds in a test run of thousands of cases.
    public var startupGlobals: [(variable: String, json: JSONText)] { startupGlobalsStorage.value }
    let startupGlobalsStorage: StartupGlobals

    /// A state's body as JavaScript, generated on its first entry in any conversation and kept: every
    /// conversation runs in a fresh context and defines the states it enters again (replay starts one
    /// per recording), but the text is the same each time.
    func stateScript(_ state: BotState) -> StateScript {
        stateScriptCache.value(for: state.path) { StateScript(state: state) }
    }
    private let stateScriptCache = Locked([String: StateScript]())

    /// Every problem: the project's and the compiler's.
    public var allDiagnostics: [Diagnostic] { project.diagnostics + diagnostics }
}

/// A trigger with what matching it needs.
/// A class, not a struct: state selection reads many triggers per request, and copying a trigger
/// (its `Trigger`, pattern and examples) out of the array was most of a match's cost.
public final class CompiledTrigger: Sendable {
    public let id: Int
    public let trigger: Trigger
    public let pattern: CompiledPattern?
    /// `e:` examples, normalized.
    public let examples: [String]

    init(id: Int, trigger: Trigger, pattern: CompiledPattern?, examples: [String]) {
        self.id = id
        self.trigger = trigger
        self.pattern = pattern
        self.examples = examples
    }
}

/// `CompiledBot.startupGlobals`, boxed so the struct stays cheap to copy.
final class StartupGlobals: Sendable {
    let value: [(variable: String, json: JSONText)]
    /// The variables' names as a JSON array, what each conversation hands `__conform.lazyGlobals`; nil
    /// when there are none.
    let namesJSON: String?

    init(value: [(variable: String, json: JSONText)]) {
        self.value = value
        namesJSON = value.isEmpty ? nil : JSONWriter.compact(.array(value.map { .string($0.variable) }))
    }
}

/// Where a trigger sits, as path numbers (`CompiledBot.pathNumbers`).
struct TriggerPlace: Sendable {
    let state: Int
    let parent: Int
    /// The state a local trigger with `fromState` or `toState` leads away from: JAICP documents such a
    /// trigger as a transition *from* `fromState` (into the trigger's state), or from the trigger's own
    /// state (to `toState`), possible from that state and the states nested in it, and with
    /// `onlyThisState` from that state alone. `nil` for plain local triggers and for globals.
    let anchor: Int?

    static func anchor(of trigger: Trigger) -> String? {
        guard !trigger.isGlobal else { return nil }
        if let from = trigger.fromState { return from.resolved }
        return trigger.toState == nil ? nil : trigger.state
    }
}

/// Numbers paths in the order they are first met.
private struct PathNumbers {
    var numbers: [String: Int] = [:]

    mutating func number(_ path: String) -> Int {
        if let known = numbers[path] { return known }
        numbers[path] = numbers.count
        return numbers.count - 1
    }
}

/// A dialog context as state selection needs it, in path numbers (-1: no trigger refers to the path).
struct ContextPlace: Sendable {
    let number: Int
    let state: BotState?
    /// `modal = true`: only the context's own and its children's triggers count.
    var modal: Bool { state?.modal ?? false }
    let stateParent: Int
    let parentPath: Int
    /// The context and every path above it, up to `/`.
    let within: [Int]
    /// The context names no state and nothing lives under it (a test's `<state>` or a script's
    /// `contextPath` with a typo, a state since renamed): its neighbourhood is worked out from the
    /// path alone, its parent's children being its siblings *(inferred: a public project's tests
    /// expect a catch-all beside the missing state to answer)*.
    let namesNothing: Bool

    init(_ context: String, states: OrderedDictionary<String, BotState>, numbers: [String: Int], occupied: Set<String>) {
        let number = { (path: String) in numbers[path] ?? -1 }
        self.number = number(context)
        state = states[context]
        stateParent = state?.parent.map(number) ?? -1
        parentPath = number(StatePath.parent(of: context))
        var within = [number("/")]
        var path = context
        while path != "/" && !path.isEmpty {
            within.append(number(path))
            path = StatePath.parent(of: path)
        }
        self.within = within.filter { $0 >= 0 }
        let prefix = context.hasSuffix("/") ? context : context + "/"
        namesNothing = state == nil && context != "/" && !occupied.contains(prefix)
    }

    /// Each path's prefixes that end in "/": a context names a place states live under exactly when
    /// its path, ending in "/", is one of them.
    static func occupiedPrefixes(of paths: some Sequence<String>) -> Set<String> {
        var prefixes: Set<String> = []
        for path in paths {
            var index = path.startIndex
            while let slash = path[index...].firstIndex(of: "/") {
                index = path.index(after: slash)
                prefixes.insert(String(path[..<index]))
            }
        }
        return prefixes
    }
}
