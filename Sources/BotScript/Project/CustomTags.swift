import ConformJSON
import Foundation
import OrderedCollections

/// A project's own action tag, declared by a JSON file that `chatbot.yaml`'s `customTags:` lists
/// (`{"tagName": "SumTwo", "startState": "/Blocks/SumTwo", "scenarioFile": "blocks/sum.sc",
/// "parameters": [{"name": "okState", "type": "state"}, …]}`): using the tag in a state (`SumTwo:`
/// with `key = value` lines) runs its start state with the parameters in `$request.data.args`.
///
/// *(inferred from a public project whose blocks are written this way and whose tests pass on JAICP)*:
/// the tag is a `go!` to `startState`, so the tags after it in the calling state do not run; every
/// argument reaches the script as the text written; a `"state"`-typed parameter is made absolute
/// from the calling state (child, else sibling, as a `go!` target), because the block later jumps to
/// it from its own states.
struct CustomTag: Sendable {
    enum Kind: Sendable {
        /// A `.sc` scenario: the tag is a `go!` to its start state.
        case scenario(startState: String)
        /// `"customTagType": "JS"`: the tag calls a function of its `.js` file with the parameters in
        /// their declared order.
        case function(name: String, parameters: [String])
    }

    var name: String
    var kind: Kind
    /// Relative to `src/`.
    var scenarioFile: String
    var stateParameters: Set<String>
    /// Where it was declared (`src/blocks/sum.json`), for messages.
    var file: String
}

enum CustomTags {
    /// The declarations `customTags` lists (paths relative to the project folder), with what is wrong
    /// with any of them.
    static func read(_ list: JSONValue?, root: String, read: (String) -> ProjectLoader.ReadResult)
        -> (tags: [CustomTag], problems: [Diagnostic])
    {
        guard let list, !list.isNull else { return ([], []) }
        let config = SourceLocation(file: "chatbot.yaml", line: 1)
        guard case .array(let items) = list else {
            return ([], [.error("chatbot.yaml's customTags must be a list of JSON files, found \(list.typeName)", at: config)])
        }
        var tags: [CustomTag] = []
        var problems: [Diagnostic] = []
        for item in items {
            guard let file = item.stringValue else {
                problems.append(.error("chatbot.yaml's customTags lists \(item.typeName) where a JSON file's path belongs", at: config))
                continue
            }
            let at = SourceLocation(file: file, line: 1)
            guard let path = inside(root, file) else {
                problems.append(.error("custom tag file \(file) (listed in chatbot.yaml's customTags) is outside the project folder", at: config))
                continue
            }
            let json: JSONValue
            switch read(path) {
            case .failure(let reason):
                problems.append(.error("custom tag file \(file) (listed in chatbot.yaml's customTags): \(reason)", at: config))
                continue
            case .success(let text):
                do {
                    json = try RelaxedJSON.parse(text)
                } catch {
                    problems.append(.error("custom tag file \(file) is not JSON: \(error)", at: at))
                    continue
                }
            }
            let declared = json["parameters"]?.arrayValue ?? []
            let kind: CustomTag.Kind
            if json["customTagType"]?.stringValue?.uppercased() == "JS" {
                guard let function = json["functionName"]?.stringValue, !function.isEmpty else {
                    problems.append(.error("custom tag file \(file) is of type JS and needs functionName", at: at,
                                           hint: #"e.g. {"tagName": "Say", "customTagType": "JS", "scenarioFile": "tags/say.js", "functionName": "say"}"#))
                    continue
                }
                kind = .function(name: function, parameters: declared.compactMap { $0["name"]?.stringValue })
            } else {
                guard let start = json["startState"]?.stringValue, start.hasPrefix("/") else {
                    problems.append(.error("custom tag file \(file) needs an absolute startState (or customTagType JS with functionName)", at: at,
                                           hint: #"e.g. {"tagName": "SumTwo", "startState": "/Blocks/SumTwo", "scenarioFile": "blocks/sum.sc"}"#))
                    continue
                }
                kind = .scenario(startState: start)
            }
            guard let name = json["tagName"]?.stringValue, !name.isEmpty,
                  let scenario = json["scenarioFile"]?.stringValue, !scenario.isEmpty else {
                problems.append(.error("custom tag file \(file) needs tagName and scenarioFile", at: at,
                                       hint: #"e.g. {"tagName": "SumTwo", "startState": "/Blocks/SumTwo", "scenarioFile": "blocks/sum.sc"}"#))
                continue
            }
            let stateParameters = declared.compactMap { parameter -> String? in
                parameter["type"]?.stringValue == "state" ? parameter["name"]?.stringValue : nil
            }
            if let earlier = tags.first(where: { $0.name == name }) {
                problems.append(.warning("custom tag \(name) is declared again here; the declaration in \(earlier.file) is used", at: at))
                continue
            }
            tags.append(CustomTag(name: name, kind: kind, scenarioFile: scenario,
                                  stateParameters: Set(stateParameters), file: file))
        }
        return (tags, problems)
    }

    /// `relative` under `base`, as a real path inside `root` (symbolic links followed), or nil when it
    /// leads outside — as `require:` is checked.
    static func inside(_ root: String, _ relative: String, base: String? = nil) -> String? {
        let path = URL(fileURLWithPath: (base ?? root) + "/" + relative.drop(while: { $0 == "/" }))
            .standardizedFileURL.resolvingSymlinksInPath().path
        return path == root || path.hasPrefix(root + "/") ? path : nil
    }

    /// Every use of a custom tag in `states` becomes what it does: a script setting
    /// `$request.data.args`, then a `go!` to the tag's start state.
    static func expand(_ states: inout OrderedDictionary<String, BotState>, tags: [String: CustomTag]) {
        guard !tags.isEmpty else { return }
        let exists = { (path: String) in states[path] != nil }
        for path in states.keys {
            states[path]!.reactions = expand(states[path]!.reactions, in: path, tags: tags, exists: exists)
        }
    }

    private static func expand(_ reactions: [Reaction], in state: String, tags: [String: CustomTag],
                               exists: (String) -> Bool) -> [Reaction] {
        reactions.flatMap { reaction -> [Reaction] in
            switch reaction {
            case .action(let name, _, let parameters, let location):
                guard let tag = tags[name] else { return [reaction] }
                var args = OrderedDictionary<String, JSONValue>()
                for parameter in parameters {
                    let text = parameter.text
                    let isState = tag.stateParameters.contains(parameter.key) && !StatePath.isTemplate(text)
                    args[parameter.key] = .string(isState ? StatePath.resolve(text, from: state, exists: exists) ?? text : text)
                }
                switch tag.kind {
                case .function(let function, let declared):
                    let values = declared.map { args[$0].map(JSONWriter.compact) ?? "undefined" }
                    return [.script(code: "\(function)(\(values.joined(separator: ", ")));", es6: false, location: location)]
                case .scenario(let startState):
                    let code = "$request.data = $request.data !== null && typeof $request.data === \"object\" ? $request.data : {}; "
                        + "$request.data.args = \(JSONWriter.compact(.object(args)));"
                    return [.script(code: code, es6: false, location: location),
                            .transition(target: TargetPath(raw: startState, from: state), immediate: true, location: location)]
                }
            case .random(let alternatives, let location):
                return [.random(alternatives: alternatives.map { expand($0, in: state, tags: tags, exists: exists) }, location: location)]
            case .conditional(let branches, let otherwise, let location):
                let expanded = branches.map { branch -> ConditionalBranch in
                    var branch = branch
                    branch.reactions = expand(branch.reactions, in: state, tags: tags, exists: exists)
                    return branch
                }
                return [.conditional(branches: expanded, otherwise: otherwise.map { expand($0, in: state, tags: tags, exists: exists) },
                                     location: location)]
            default:
                return [reaction]
            }
        }
    }
}
