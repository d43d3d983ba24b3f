import ConformJSON
import OrderedCollections

/// A JAICP project as loaded from its folder: settings, the state tree, named patterns, the
/// JavaScript to run at start-up, data files, and every problem found on the way.
///
/// ```swift
/// let project = try ProjectLoader().load(at: "Recordings/bots/demo")
/// project.states["/Start"]?.reactions
/// project.errors.isEmpty
/// ```
public struct BotProject: Sendable {
    /// Absolute path of the project folder (the one holding `chatbot.yaml`).
    public var root: String
    public var config: ChatbotConfig
    /// Every state by absolute path, in load order.
    public var states: OrderedDictionary<String, BotState>
    /// Theme paths, `/` included.
    public var themes: Set<String>
    public var patterns: [PatternDeclaration]
    public var startupScripts: [StartupScript]
    /// `.yaml`/`.json` files required with `var = name`.
    public var dataBindings: [DataBinding]
    /// `.csv` files required with `name = X` / `var = X`.
    public var dictionaries: [DictionaryFile]
    /// Display paths of every file loaded, in load order.
    public var files: [String]
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Every trigger of every state, in load order.
    public var triggers: [Trigger] { states.values.flatMap(\.triggers) }
}

/// A data file bound to a global variable: `require: data.yaml || var = $Data`.
public struct DataBinding: Sendable {
    /// The variable name as scripts see it (a leading `$` kept if written).
    public var variable: String
    public var value: JSONValue
    public var location: SourceLocation
}

/// A CSV dictionary: `require: cities.csv || name = Cities, var = $Cities`.
public struct DictionaryFile: Sendable {
    /// The name `$entity<Name>` refers to.
    public var name: String?
    /// The variable scripts see it as.
    public var variable: String?
    public var text: String
    /// The CSV file itself.
    public var file: String
    public var location: SourceLocation
}
