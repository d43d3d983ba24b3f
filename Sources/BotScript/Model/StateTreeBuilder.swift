import Foundation
import OrderedCollections

/// Gives meaning to the `ScNode` trees of a project's `.sc` files: themes and states with absolute
/// paths, triggers, reactions, named patterns and `init:` blocks. `require:` is the loader's business;
/// the builder calls back for it so that load order (which `init:` and `.js` run first) is kept.
struct StateTreeBuilder {
    var states: OrderedDictionary<String, BotState> = [:]
    var patterns: [PatternDeclaration] = []
    var startupScripts: [StartupScript] = []
    /// Theme paths (`/Orders`): not states, but a `go:` may set the context to one.
    var themes: Set<String> = ["/"]
    var diagnostics: [Diagnostic] = []
    private var triggerCount = 0

    /// The project's own tags (`customTags:` in chatbot.yaml), which `CustomTags.expand` carries out.
    var customTagNames: Set<String> = []

    /// Action tags the runtime carries out (`action` in RuntimePrelude); others pass through as replies.
    static let actionTagsRun: Set<String> = ["TransferToOperator", "TransferCallToOperator", "EndSession"]

    static let triggerTags: Set<String> = [
        "q", "q!", "event", "event!", "intent", "intent!", "intentGroup", "intentGroup!", "e", "e!", "eg", "eg!",
    ]
    static let reactionTags: Set<String> = [
        "a", "random", "buttons", "inlineButtons", "image", "audio", "video", "file", "go", "go!", "script",
        "scriptEs6", "if", "elseif", "else", "timeout",
    ]

    /// Processes the top level of one file. `require` nodes are handed to `onRequire` in order.
    mutating func addFile(_ nodes: [ScNode], onRequire: (inout StateTreeBuilder, ScNode) -> Void) {
        for node in nodes {
            addDeclaration(node, theme: "/", onRequire: onRequire)
        }
    }

    private mutating func addDeclaration(_ node: ScNode, theme: String,
                                         onRequire: (inout StateTreeBuilder, ScNode) -> Void) {
        switch node.tag {
        case "require":
            onRequire(&self, node)
        case "theme":
            var value = node.value
            if let comment = value.range(of: #"\s+#"#, options: .regularExpression) {
                // *(inferred)* `theme: / #grouping`: a public project writes a comment after the path
                // and its other states jump to `/Bye`, so the comment is not part of the path.
                value = String(value[..<comment.lowerBound])
                diagnostics.append(.warning("the text after '#' is read as a comment, not as part of the theme's path",
                                            at: node.valueLocation, hint: "put the comment on a line of its own"))
            }
            guard let path = StatePath.resolve(value.isEmpty ? "/" : value, from: "/"), value.hasPrefix("/") else {
                diagnostics.append(.error("a theme needs an absolute path such as `theme: /Orders`, found '\(node.value)'",
                                          at: node.valueLocation))
                return
            }
            themes.insert(path)
            for child in node.children { addDeclaration(child, theme: path, onRequire: onRequire) }
        case "state":
            addState(node, parentPath: theme, parentState: nil)
        case "init":
            let (code, location) = Self.scriptCode(node)
            startupScripts.append(StartupScript(kind: .initBlock, code: code, location: location))
        case "patterns":
            addPatterns(node)
        default:
            let declarations = ["theme", "state", "init", "patterns", "require"]
            let hint = if declarations.contains(node.tag.lowercased()) {
                "tags are written in lower case: `\(node.tag.lowercased()):`"
            } else if Self.triggerTags.contains(node.tag) || Self.reactionTags.contains(node.tag) {
                "`\(node.tag):` belongs inside a `state:`"
            } else {
                "expected theme, state, init, patterns or require here"
            }
            let place = theme == "/" ? "at the top level" : "directly in theme \(theme)"
            diagnostics.append(.error("unexpected `\(node.tag):` \(place)", at: node.location, hint: hint))
        }
    }

    // MARK: States

    private mutating func addState(_ node: ScNode, parentPath: String, parentState: String?) {
        var name = node.value
        if name.isEmpty {
            // JAICP accepts `state:` without a name; such a state can still be matched by its triggers,
            // but nothing can name it as a target. conform gives it a name from its file and line —
            // its `/`s made `_`: a `/` in the name would make the state a grandchild of its parent.
            let file = node.location.file.replacingOccurrences(of: "/", with: "_")
            name = "state@\(file):\(node.location.line)"
            diagnostics.append(.warning("this state has no name; conform calls it \(name)", at: node.location,
                                        hint: "name it (`state: Name`) so transitions and reports can refer to it"))
        }
        guard let path = StatePath.resolve(name, from: parentPath), path != "/" else {
            diagnostics.append(.error("'\(node.value)' is not a valid state name", at: node.location))
            return
        }
        if let existing = states[path] {
            diagnostics.append(.warning("state \(path) is declared again; the first declaration (\(existing.location)) is used",
                                        at: node.location))
            return
        }
        var state = BotState(
            path: path, location: node.location,
            noContext: node.parameter("noContext")?.value.isTrue ?? false,
            modal: node.parameter("modal")?.value.isTrue ?? false,
            parameters: node.parameters, triggers: [], reactions: [], children: [], parent: parentState)
        if !node.body.isEmpty {
            diagnostics.append(.error("text under a state must be a tag, found '\(node.body[0].text.prefix(40))'",
                                      at: node.body[0].location))
        }
        // Insert first so nested states come after their parent in load order.
        states[path] = state
        var reactionNodes: [ScNode] = []
        for child in node.children {
            if Self.triggerTags.contains(child.tag) {
                state.triggers.append(makeTrigger(child, state: path))
            } else if child.tag == "state" {
                let before = states.count
                addState(child, parentPath: path, parentState: path)
                if states.count > before { state.children.append(states.keys[before]) }
            } else if child.tag == "init" {
                let (code, location) = Self.scriptCode(child)
                startupScripts.append(StartupScript(kind: .initBlock, code: code, location: location))
            } else {
                reactionNodes.append(child)
            }
        }
        state.reactions = makeReactions(reactionNodes, state: path)
        // Nested states only added entries after this one, so the finished state replaces the
        // placeholder in one step (each in-place update moved the whole state out and back).
        states.updateValue(state, forKey: path)
    }

    private mutating func makeTrigger(_ node: ScNode, state: String) -> Trigger {
        let isGlobal = node.tag.hasSuffix("!")
        let base = node.tag.hasSuffix("!") ? String(node.tag.dropLast()) : node.tag
        var rootValue: String?
        let kind: Trigger.Kind
        switch base {
        case "q":
            let (pattern, value) = Self.splitRootValue(node.valueWithContinuation)
            rootValue = value
            kind = .pattern(pattern)
        case "event": kind = .event(node.value)
        case "intent": kind = .intent(node.value)
        case "intentGroup": kind = .intentGroup(node.value)
        default: kind = .example(node.valueWithContinuation)
        }
        if node.value.isEmpty && node.body.isEmpty {
            diagnostics.append(.error("`\(node.tag):` needs a value", at: node.location))
        }
        triggerCount += 1
        return Trigger(
            kind: kind, isGlobal: isGlobal, state: state,
            toState: node.parameter("toState").map { TargetPath(raw: $0.value.text, from: state) },
            fromState: node.parameter("fromState").map { TargetPath(raw: $0.value.text, from: state) },
            onlyThisState: node.parameter("onlyThisState")?.value.isTrue ?? false,
            rootValue: rootValue, location: node.location, valueLocation: node.valueLocation, order: triggerCount)
    }

    /// `$no : endSession` → (`$no`, `endSession`): a ` : value` after the pattern, outside brackets,
    /// names the whole match (`$parseTree._Root`).
    static func splitRootValue(_ text: String) -> (pattern: String, value: String?) {
        let utf8 = Substring(text).utf8
        let delimiters = { (byte: UInt8) in
            switch byte {
            case 0x28, 0x5B, 0x7B, 0x3C, 0x29, 0x5D, 0x7D, 0x3E, 0x3A, 0x20: true
            default: false
            }
        }
        guard ASCIIDelimiters.standAlone(in: utf8, delimiters) else { return characterSplitRootValue(text) }
        var depth = 0
        var split: String.Index?
        var previous: UInt8 = 0x78  // "x": nothing before the first byte
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            switch byte {
            case 0x28, 0x5B, 0x7B, 0x3C: depth += 1
            case 0x29, 0x5D, 0x7D, 0x3E: depth -= 1
            case 0x3A where depth == 0:
                let after = utf8.index(after: i)
                if previous == 0x20, after == utf8.endIndex || utf8[after] == 0x20 { split = i }
            default: break
            }
            previous = byte
            i = utf8.index(after: i)
        }
        guard let split else { return (text, nil) }
        let value = text[text.index(after: split)...].trimmed()
        return (String(text[..<split].trimmed()), value.isEmpty ? nil : String(value))
    }

    static func characterSplitRootValue(_ text: String) -> (pattern: String, value: String?) {
        var depth = 0
        var split: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            switch text[i] {
            case "(", "[", "{", "<": depth += 1
            case ")", "]", "}", ">": depth -= 1
            case ":" where depth == 0:
                let before = i > text.startIndex ? text[text.index(before: i)] : "x"
                let afterIndex = text.index(after: i)
                let after = afterIndex < text.endIndex ? text[afterIndex] : " "
                if before == " " && after == " " { split = i }
            default: break
            }
            i = text.index(after: i)
        }
        guard let split else { return (text, nil) }
        let value = text[text.index(after: split)...].trimmed()
        return (String(text[..<split].trimmed()), value.isEmpty ? nil : String(value))
    }

    // MARK: Reactions

    mutating func makeReactions(_ nodes: [ScNode], state: String) -> [Reaction] {
        var reactions: [Reaction] = []
        for node in nodes {
            switch node.tag {
            case "a":
                reactions.append(.answer(text: AnswerText.unescapingLineBreaks(node.valueWithContinuation), parameters: node.parameters,
                                         location: node.location))
            case "random":
                let alternatives = node.children.map { makeReactions([$0], state: state) }
                if alternatives.isEmpty {
                    diagnostics.append(.error("`random:` needs at least one nested reaction", at: node.location))
                }
                reactions.append(.random(alternatives: alternatives, location: node.location))
            case "buttons", "inlineButtons":
                reactions.append(.buttons(inline: node.tag == "inlineButtons", buttons: makeButtons(node, state: state),
                                          location: node.location))
            case "image", "audio", "video", "file":
                reactions.append(.media(kind: Reaction.MediaKind(rawValue: node.tag)!, url: node.value,
                                        parameters: node.parameters, location: node.location))
            case "go", "go!":
                if node.value.isEmpty {
                    diagnostics.append(.error("`\(node.tag):` needs a target state", at: node.location))
                }
                reactions.append(.transition(target: TargetPath(raw: node.value, from: state), immediate: node.tag == "go!",
                                             location: node.location))
            case "script", "scriptEs6":
                let (code, location) = Self.scriptCode(node)
                reactions.append(.script(code: code, es6: node.tag == "scriptEs6", location: location))
            case "if":
                reactions.append(.conditional(branches: [branch(node, state: state)], otherwise: nil, location: node.location))
            case "elseif", "else":
                guard case .conditional(var branches, nil, let location)? = reactions.last else {
                    diagnostics.append(.error("`\(node.tag):` without an `if:` before it", at: node.location,
                                              hint: "put `\(node.tag):` right after an `if:` or `elseif:` at the same indentation"))
                    continue
                }
                reactions.removeLast()
                if node.tag == "elseif" {
                    branches.append(branch(node, state: state))
                    reactions.append(.conditional(branches: branches, otherwise: nil, location: location))
                } else {
                    reactions.append(.conditional(branches: branches, otherwise: makeReactions(node.children, state: state),
                                                  location: location))
                }
            case "timeout":
                guard let interval = node.parameter("interval") else {
                    diagnostics.append(.error("`timeout:` needs an interval, e.g. `timeout: /NoAnswer || interval = 10`",
                                              at: node.location))
                    continue
                }
                reactions.append(.timeout(target: TargetPath(raw: node.value, from: state), interval: interval.value.text,
                                          location: node.location))
            default:
                if node.tag.first?.isUppercase == true {
                    reactions.append(.action(name: node.tag, value: node.value, parameters: node.parameters, location: node.location))
                    if !Self.actionTagsRun.contains(node.tag) && !customTagNames.contains(node.tag) {
                        diagnostics.append(.warning(
                            "`\(node.tag):` is not run by conform: it becomes an `action` reply, without what the platform does for it (a prompt, a variable, a transition)",
                            at: node.location,
                            hint: "conform runs TransferToOperator, TransferCallToOperator and EndSession; write the behaviour in `script:` and `go!:` to test it offline"))
                    }
                } else if Self.triggerTags.contains(node.tag) || node.tag == "state" {
                    diagnostics.append(.error("`\(node.tag):` cannot be nested here", at: node.location,
                                              hint: "triggers and states belong directly under a `state:`"))
                } else {
                    diagnostics.append(.error("unknown tag `\(node.tag):`", at: node.location,
                                              hint: "see the JAICP DSL reference for the tags a state may hold"))
                }
            }
        }
        return reactions
    }

    private mutating func branch(_ node: ScNode, state: String) -> ConditionalBranch {
        let condition = node.valueWithContinuation
        if condition.isEmpty {
            diagnostics.append(.error("`\(node.tag):` needs a condition", at: node.location))
        }
        return ConditionalBranch(condition: condition, reactions: makeReactions(node.children, state: state),
                                 location: node.location)
    }

    private mutating func makeButtons(_ node: ScNode, state: String) -> [ButtonSpec] {
        var lines: [ScNode.BodyLine] = node.body
        if !node.value.isEmpty { lines.insert(.init(text: node.value, location: node.valueLocation), at: 0) }
        var buttons: [ButtonSpec] = []
        for line in lines {
            let text = line.text.trimmingCharacters()
            if text.hasPrefix("{") {
                // `{text: "Yes"} -> /Target`: the object, then a transition after its closing brace.
                var code = text
                var target: TargetPath?
                if let arrow = Self.arrowOutsideQuotes(text), text[..<arrow.lowerBound].trimmed().hasSuffix("}") {
                    code = String(text[..<arrow.lowerBound].trimmed())
                    let raw = String(text[arrow.upperBound...]).trimmingCharacters()
                    if raw.isEmpty {
                        diagnostics.append(.error("a button's `->` needs a target state", at: line.location))
                    } else {
                        target = TargetPath(raw: raw, from: state)
                    }
                }
                buttons.append(ButtonSpec(content: .object(code, target: target), location: line.location))
                continue
            }
            var label = text
            var target: TargetPath?
            if let arrow = Self.arrowOutsideQuotes(text) {
                label = String(text[..<arrow.lowerBound]).trimmingCharacters()
                let raw = String(text[arrow.upperBound...]).trimmingCharacters()
                if raw.isEmpty {
                    diagnostics.append(.error("a button's `->` needs a target state", at: line.location))
                } else {
                    target = TargetPath(raw: raw, from: state)
                }
            }
            if label.count >= 2, let q = label.first, q == "\"" || q == "'", label.last == q {
                label = String(label.dropFirst().dropLast())
            }
            buttons.append(ButtonSpec(content: .text(label, target: target), location: line.location))
        }
        return buttons
    }

    private static func arrowOutsideQuotes(_ text: String) -> Range<String.Index>? {
        var quote: Character?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "-", text.index(after: i) < text.endIndex, text[text.index(after: i)] == ">" {
                return i..<text.index(i, offsetBy: 2)
            }
            i = text.index(after: i)
        }
        return nil
    }

    // MARK: Patterns and scripts

    private mutating func addPatterns(_ node: ScNode) {
        var lines = node.body
        if !node.value.isEmpty { lines.insert(.init(text: node.value, location: node.valueLocation), at: 0) }
        // A declaration starts with `$Name =` and may go on over the following lines (long alternatives).
        var groups: [[ScNode.BodyLine]] = []
        for line in lines {
            if Self.startsDeclaration(line.text) || (groups.isEmpty && line.text.hasPrefix("$")) {
                groups.append([line])
            } else if groups.isEmpty {
                diagnostics.append(.error("expected a named pattern `$Name = pattern`, found '\(line.text.prefix(40))'",
                                          at: line.location))
            } else {
                groups[groups.count - 1].append(line)
            }
        }
        for group in groups { addPattern(group) }
    }

    /// `$Name =` (a name, then `=`): a continuation line such as `$other) || converter = f` is not one.
    static func startsDeclaration(_ text: String) -> Bool {
        guard text.hasPrefix("$") else { return false }
        let name = text.dropFirst()
        let rest = name.drop(while: { $0.isLetter || $0.isNumber || $0 == "_" })
        return rest.startIndex != name.startIndex && rest.drop(while: { $0 == " " || $0 == "\t" }).first == "="
    }

    private mutating func addPattern(_ lines: [ScNode.BodyLine]) {
        let first = lines[0]
        let text = Substring(lines.map(\.text).joined(separator: " "))
        guard let equals = text.firstIndex(of: "=") else {
            diagnostics.append(.error("expected `$Name = pattern`, found '\(text.prefix(40))'", at: first.location))
            return
        }
        let name = text[text.index(after: text.startIndex)..<equals].trimmed()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            diagnostics.append(.error("'\(name)' is not a valid pattern name", at: first.location,
                                      hint: "names are letters, digits and _, e.g. `$City = …`"))
            return
        }
        let afterEquals = text[text.index(after: equals)...]
        let (source, parameterText) = ScParser.splitParameters(afterEquals)
        var converter: String?
        if let parameterText {
            let (parameters, problems) = ParameterParser.parse(String(parameterText), at: first.location)
            diagnostics += problems
            converter = parameters.last { $0.key == "converter" }?.value.text
        }
        let offset = ASCIIDelimiters.characterOffset(in: text, to: afterEquals.startIndex)
            + afterEquals.prefix(while: { $0 == " " }).count
        patterns.append(PatternDeclaration(
            name: String(name), source: String(source.trimmed()), converter: converter, location: first.location,
            sourceLocation: SourceLocation(file: first.location.file, line: first.location.line,
                                           column: first.location.column + offset)))
    }

    /// The code of a `script:`/`init:` tag (inline value and nested lines) and the line it starts on.
    static func scriptCode(_ node: ScNode) -> (String, SourceLocation) {
        if node.value.isEmpty {
            let start = SourceLocation(file: node.location.file, line: node.location.line + 1, column: 1)
            return (node.bodyText, start)
        }
        let code = node.body.isEmpty ? node.value : node.value + "\n" + node.bodyText
        return (code, node.valueLocation)
    }
}
