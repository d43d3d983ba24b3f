import ConformJSON
import Foundation
import OrderedCollections

/// Loads a JAICP project folder: `chatbot.yaml`, then the entry point and everything it requires.
///
/// Platform modules (`require: … || module = sys.zb-common`) are not available offline; map a module
/// name to a local copy with `modules` (`["sys.zb-common": "/path/to/zb-common"]`).
public struct ProjectLoader: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notAProject(path: String)
        case unreadableConfig(path: String, reason: String)
        case invalidConfig(path: String, reason: String)

        public var description: String {
            switch self {
            case .notAProject(let path):
                "\(path) is not a JAICP project: there is no chatbot.yaml in it (point conform at the folder that holds chatbot.yaml and src/)"
            case .unreadableConfig(let path, let reason): "\(path): \(reason)"
            case .invalidConfig(let path, let reason): "\(path): \(reason)"
            }
        }
    }

    public var modules: [String: String]
    /// Files larger than this are refused (a bot folder is text; a huge file is a mistake or an attack).
    public var maxFileBytes: Int = 16 << 20

    public init(modules: [String: String] = [:]) {
        self.modules = modules
    }

    public func load(at path: String) throws(Failure) -> BotProject {
        let root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let configPath = root + "/chatbot.yaml"
        guard FileManager.default.fileExists(atPath: configPath) else { throw .notAProject(path: path) }
        let configText: String
        switch readText(configPath) {
        case .success(let text): configText = text
        case .failure(let reason): throw .unreadableConfig(path: configPath, reason: reason)
        }
        var config: ChatbotConfig
        do {
            config = try ChatbotConfig(json: try YAMLConversion.parse(configText))
        } catch let failure as YAMLConversion.Failure {
            throw .invalidConfig(path: "chatbot.yaml", reason: failure.description)
        } catch {
            throw .invalidConfig(path: "chatbot.yaml", reason: "\(error)")
        }

        var session = LoadSession(loader: self, root: root)
        let home = LoadSession.Home(srcRoot: root + "/src", boundary: root, displayPrefix: "")
        let (customTags, tagProblems) = CustomTags.read(config.raw["customTags"], root: root, read: readText)
        session.diagnostics += tagProblems
        session.builder.customTagNames = Set(customTags.map(\.name))
        for entryPoint in config.entryPoints {
            let entry = StatePath.resolve(entryPoint, from: "/") ?? "/" + entryPoint
            session.loadSc(absolute: root + "/src" + entry, display: "src" + entry, home: home,
                           requiredAt: SourceLocation(file: "chatbot.yaml", line: 1))
        }
        for tag in customTags {
            guard let scenario = CustomTags.inside(root, tag.scenarioFile, base: root + "/src") else {
                session.diagnostics.append(.error("the scenarioFile of custom tag \(tag.name) is outside the project folder",
                                                  at: SourceLocation(file: tag.file, line: 1)))
                continue
            }
            let display = String(scenario.dropFirst(root.count + 1))
            let requiredAt = SourceLocation(file: tag.file, line: 1)
            switch tag.kind {
            case .scenario: session.loadSc(absolute: scenario, display: display, home: home, requiredAt: requiredAt)
            case .function: session.loadScriptFile(absolute: scenario, display: display, requiredAt: requiredAt)
            }
        }
        var states = session.builder.states
        CustomTags.expand(&states, tags: Dictionary(customTags.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
        TargetChecker.resolve(&states, themes: session.builder.themes)
        if config.injector.objectValue == nil, !session.requiredInjector.isEmpty {
            session.diagnostics.append(.error("chatbot.yaml's injector is not a mapping, so the `injector = {…}` of require: lines cannot join it",
                                              at: SourceLocation(file: "chatbot.yaml", line: 1)))
        } else {
            config.injector = session.injector(under: config.injector)
        }
        return BotProject(
            root: root, config: config, states: states, themes: session.builder.themes, patterns: session.builder.patterns,
            startupScripts: session.builder.startupScripts, dataBindings: session.dataBindings,
            dictionaries: session.dictionaries, files: session.files,
            diagnostics: session.diagnostics + session.builder.diagnostics + TargetChecker.check(states, themes: session.builder.themes))
    }

    enum ReadResult { case success(String), failure(String) }

    func readText(_ path: String) -> ReadResult {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return .failure("the file cannot be read")
        }
        if let size = attributes[.size] as? Int, size > maxFileBytes {
            return .failure("the file is \(size) bytes, more than the \(maxFileBytes) conform reads")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure("the file cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { return .failure("the file is not valid UTF-8 text") }
        return .success(text)
    }
}

/// The state of one load: which files are done, which are being loaded (for cycles), what was found.
private struct LoadSession {
    let loader: ProjectLoader
    let root: String
    var builder = StateTreeBuilder()
    var loaded: Set<String> = []
    var stack: [String] = []
    var files: [String] = []
    var diagnostics: [Diagnostic] = []
    var dataBindings: [DataBinding] = []
    var dictionaries: [DictionaryFile] = []
    var reportedModules: Set<String> = []
    var displays: [String: String] = [:]
    /// `injector = {…}` given with `require:`s, in the order met.
    var requiredInjector: [(key: String, value: JSONValue)] = []

    /// `$injector`: the values `require:`s gave (a later one's key over an earlier one's), then
    /// chatbot.yaml's `injector` over them all *(inferred: zb-common configures its modules this way,
    /// `require: newSessionOnStart/newSession.sc` with `injector = {newSessionStartState: …}`, and its
    /// tests expect the module to see the value; the project's own settings win)*.
    func injector(under configured: JSONValue) -> JSONValue {
        guard !requiredInjector.isEmpty else { return configured }
        var merged = OrderedDictionary<String, JSONValue>()
        for (key, value) in requiredInjector { merged[key] = value }
        for (key, value) in configured.objectValue ?? [:] { merged[key] = value }
        return .object(merged)
    }

    init(loader: ProjectLoader, root: String) {
        self.loader = loader
        self.root = root
    }

    /// The tree a file belongs to: the project itself or a mapped module. Requires from a file resolve
    /// within its own tree, so a module's files find each other.
    struct Home {
        var srcRoot: String
        /// The folder no required file may leave.
        var boundary: String
        /// "" for the project; "sys.zb-common:" for a module (how its files are named in messages).
        var displayPrefix: String
    }

    /// A required file, found.
    struct Place {
        var absolute: String
        var display: String
        var home: Home
    }

    mutating func loadSc(absolute: String, display: String, home: Home, requiredAt: SourceLocation?) {
        guard begin(absolute: absolute, display: display, requiredAt: requiredAt) else { return }
        defer { stack.removeLast() }
        let text: String
        switch loader.readText(absolute) {
        case .success(let t): text = t
        case .failure(let reason):
            diagnostics.append(.error("\(display): \(reason)", at: requiredAt))
            return
        }
        let source = SourceText(file: display, text: text)
        let (nodes, problems) = ScParser.parse(source)
        diagnostics += problems
        let fileDirectory = (absolute as NSString).deletingLastPathComponent
        var fileBuilder = builder
        fileBuilder.addFile(nodes) { current, node in
            // A require is loaded where it is written, so states, patterns and init blocks keep their
            // load order: hand the builder to the nested load and take it back.
            self.builder = current
            self.require(node, fromDirectory: fileDirectory, home: home)
            current = self.builder
        }
        builder = fileBuilder
    }

    /// Marks a file as loading; false when it was loaded before (each file is loaded once) or is a cycle.
    mutating func begin(absolute: String, display: String, requiredAt: SourceLocation?) -> Bool {
        if stack.contains(absolute) {
            // JAICP loads each file once, so a cycle is harmless there (its own platform module has
            // some); it is reported for the project's own files, where it is usually a mistake.
            if !display.contains(":") {
                let names = (stack.drop(while: { $0 != absolute }) + [absolute]).map { displays[$0] ?? $0 }
                diagnostics.append(.warning("require cycle: \(names.joined(separator: " → ")); the repeated require is skipped",
                                            at: requiredAt, hint: "remove one of these requires"))
            }
            return false
        }
        guard loaded.insert(absolute).inserted else { return false }
        guard FileManager.default.fileExists(atPath: absolute) else {
            diagnostics.append(.error("required file \(display) does not exist", at: requiredAt,
                                      hint: "paths are relative to the requiring file, or to src/ when they start with /"))
            return false
        }
        stack.append(absolute)
        files.append(display)
        displays[absolute] = display
        return true
    }

    func display(of absolute: String) -> String {
        absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
    }

    mutating func require(_ node: ScNode, fromDirectory directory: String, home: Home) {
        let target = node.value
        guard !target.isEmpty else {
            diagnostics.append(.error("`require:` needs a file", at: node.location))
            return
        }
        guard let place = resolve(node, fromDirectory: directory, home: home) else { return }
        if let injector = node.parameter("injector") {
            switch Result(catching: { () throws(JSONSyntaxError) in try RelaxedJSON.parse(injector.value.text) }) {
            case .success(.object(let members)):
                requiredInjector += members.map { ($0.key, $0.value) }
            case .success(let other):
                diagnostics.append(.error("`injector =` must be an object like {key: value}, found \(other.typeName)", at: node.location))
            case .failure(let error):
                diagnostics.append(.error("`injector =` is not an object literal: \(error)", at: node.location))
            }
        }
        let lower = place.absolute.lowercased()
        let type = node.parameter("type")?.value.text
        if type == "scriptEs6" {
            loadScript(place, kind: .es6Module(name: node.parameter("name")?.value.text), node: node)
        } else if lower.hasSuffix(".sc") {
            loadSc(absolute: place.absolute, display: place.display, home: place.home, requiredAt: node.location)
        } else if lower.hasSuffix(".js") {
            loadScript(place, kind: .file, node: node)
        } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") {
            loadData(place, node: node)
        } else if lower.hasSuffix(".csv") {
            loadDictionary(place, node: node)
        } else {
            diagnostics.append(.error("cannot require \(target): conform reads .sc, .js, .yaml, .json and .csv files",
                                      at: node.valueLocation))
        }
    }

    mutating func resolve(_ node: ScNode, fromDirectory directory: String, home requiringHome: Home) -> Place? {
        let target = node.value
        var home = requiringHome
        var directory = directory
        if let module = node.parameter("module")?.value.text {
            guard let folder = loader.modules[module] else {
                if reportedModules.insert(module).inserted {
                    diagnostics.append(.error(
                        "this project requires the platform module \(module), which JAICP provides and conform does not have offline",
                        at: node.location,
                        hint: "map it to a local copy: --bot-module \(module)=PATH"))
                }
                return nil
            }
            let moduleRoot = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
            let srcRoot = FileManager.default.fileExists(atPath: moduleRoot + "/src") ? moduleRoot + "/src" : moduleRoot
            home = Home(srcRoot: srcRoot, boundary: moduleRoot, displayPrefix: module + ":")
            directory = srcRoot
        }
        let candidates: [String]
        if target.hasPrefix("/") {
            candidates = [home.srcRoot + "/" + target.drop(while: { $0 == "/" })]
        } else {
            // Relative to the requiring file; JAICP projects also write src/-relative paths without a
            // leading slash, so that is the fallback.
            candidates = [directory + "/" + target, home.srcRoot + "/" + target]
        }
        let standardized = candidates.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let chosen = standardized.first { FileManager.default.fileExists(atPath: $0) } ?? standardized[0]
        let real = URL(fileURLWithPath: chosen).resolvingSymlinksInPath().path
        guard real == home.boundary || real.hasPrefix(home.boundary + "/") else {
            diagnostics.append(.error("require of \(target) points outside the project folder", at: node.valueLocation,
                                      hint: "a bot may only require files inside its own folder or a mapped module"))
            return nil
        }
        let display = home.displayPrefix.isEmpty ? self.display(of: real)
            : home.displayPrefix + String(real.dropFirst(home.srcRoot.count).drop(while: { $0 == "/" }))
        return Place(absolute: real, display: display, home: home)
    }

    mutating func loadScript(_ place: Place, kind: StartupScript.Kind, node: ScNode) {
        loadScriptFile(absolute: place.absolute, display: place.display, kind: kind, requiredAt: node.location)
    }

    /// A script run at start-up: a required one, or a JS custom tag's functions (no `require:`).
    mutating func loadScriptFile(absolute: String, display: String, kind: StartupScript.Kind = .file, requiredAt: SourceLocation) {
        guard begin(absolute: absolute, display: display, requiredAt: requiredAt) else { return }
        defer { stack.removeLast() }
        switch loader.readText(absolute) {
        case .success(let code):
            builder.startupScripts.append(StartupScript(kind: kind, code: code, location: SourceLocation(file: display, line: 1)))
        case .failure(let reason):
            diagnostics.append(.error("\(display): \(reason)", at: requiredAt))
        }
    }

    mutating func loadData(_ place: Place, node: ScNode) {
        guard begin(absolute: place.absolute, display: place.display, requiredAt: node.location) else { return }
        defer { stack.removeLast() }
        guard let variable = node.parameter("var")?.value.text, !variable.isEmpty else {
            diagnostics.append(.error("a required data file needs a variable to bind it to", at: node.location,
                                      hint: "write `require: \(node.value)` with `var = name` on the next line"))
            return
        }
        let text: String
        switch loader.readText(place.absolute) {
        case .success(let t): text = t
        case .failure(let reason):
            diagnostics.append(.error("\(place.display): \(reason)", at: node.location))
            return
        }
        do {
            let value: JSONValue
            if place.absolute.lowercased().hasSuffix(".json") {
                value = try JSONParser.parse(text)
            } else {
                value = try YAMLConversion.parse(text)
            }
            dataBindings.append(DataBinding(variable: variable, value: value, location: node.location))
        } catch let error as JSONSyntaxError {
            diagnostics.append(.error("\(place.display): \(error)", at: SourceLocation(file: place.display, line: error.line, column: error.column)))
        } catch let error as YAMLConversion.Failure {
            diagnostics.append(.error("\(place.display): \(error.message)",
                                      at: SourceLocation(file: place.display, line: error.line ?? 1, column: error.column ?? 1)))
        } catch {
            diagnostics.append(.error("\(place.display): \(error)", at: node.location))
        }
    }

    mutating func loadDictionary(_ place: Place, node: ScNode) {
        guard begin(absolute: place.absolute, display: place.display, requiredAt: node.location) else { return }
        defer { stack.removeLast() }
        let name = node.parameter("name")?.value.text
        let variable = node.parameter("var")?.value.text
        if name == nil && variable == nil {
            diagnostics.append(.warning("\(place.display) is required without `name =` or `var =`, so nothing can use it",
                                        at: node.location))
        }
        switch loader.readText(place.absolute) {
        case .success(let text):
            dictionaries.append(DictionaryFile(name: name, variable: variable, text: text, file: place.display,
                                               location: node.location))
        case .failure(let reason):
            diagnostics.append(.error("\(place.display): \(reason)", at: node.location))
        }
    }
}
