import BotScript
import ConformJSON
import JSEngine

/// Compiles a state's reactions into one JavaScript function, the way JAICP runs a state body: tags
/// become `$reactions` calls, `if:` becomes `if`, `script:` code is inlined, `go!:` records a
/// transition that the runtime follows after the body and ends the body there (*inferred*: public
/// bots' tests expect no reply from tags written after a `go!:` that ran, even one inside an `if:`;
/// a script's `$reactions.transition(…)` does not stop the script, as in the platform's own code).
///
/// Every piece of code is placed on the line it came from, so an error in a `script:` or an `if:`
/// condition reports the `.sc` file and line the author wrote.
struct StateScript: Sendable {
    /// JavaScript that registers the function: `__conform.defineState(path, function () { … })`.
    let source: String
    /// The file it pretends to be (for error positions) and the line its first line maps to.
    let file: String
    let startLine: Int
    /// The body awaits (`scriptEs6:`), so the function is `async`.
    let isAsync: Bool
    /// `source` as the engine runs it.
    let script: JSSource

    init(state: BotState) {
        var writer = Writer(line: state.location.line)
        let isAsync = Self.containsEs6(state.reactions)
        writer.emit("__conform.defineState(\(Self.literal(state.path)), \(isAsync ? "async " : "")function () {")
        writer.emitReactions(state.reactions)
        writer.emit("});")
        source = writer.text
        file = state.location.file
        startLine = state.location.line
        self.isAsync = isAsync
        script = JSSource(source, file: file, line: startLine)
    }

    static func containsEs6(_ reactions: [Reaction]) -> Bool {
        reactions.contains { reaction in
            switch reaction {
            case .script(_, let es6, _): es6
            case .random(let alternatives, _): alternatives.contains(where: containsEs6)
            case .conditional(let branches, let otherwise, _):
                branches.contains { containsEs6($0.reactions) } || containsEs6(otherwise ?? [])
            default: false
            }
        }
    }

    /// A JavaScript string literal.
    static func literal(_ s: String) -> String {
        var out = ""
        JSONWriter.writeString(s, into: &out)
        return out
    }

    /// `||` parameters as an object literal's members (`, tts: "…", htmlEnabled: true`).
    static func members(_ parameters: [ScParameter]) -> String {
        parameters.map { parameter -> String in
            let value: String
            switch parameter.value {
            case .string(let s): value = literal(s)
            case .number(let n): value = ScParameter.Value.number(n).text
            case .bool(let b): value = b ? "true" : "false"
            case .raw(let r): value = literal(r)
            }
            return ", \(literal(parameter.key)): \(value)"
        }.joined()
    }

    /// Writes code so that each piece starts on its source line.
    struct Writer {
        var text = ""
        var line: Int

        init(line: Int) { self.line = line }

        mutating func moveTo(_ target: Int) {
            while line < target {
                text += "\n"
                line += 1
            }
        }

        /// Appends code (which may hold newlines) on the current line.
        mutating func emit(_ code: String) {
            if !text.isEmpty && !text.hasSuffix("\n") { text += " " }
            text += code
            line += code.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        }

        mutating func emitReactions(_ reactions: [Reaction]) {
            for reaction in reactions { emitReaction(reaction) }
        }

        mutating func emitReaction(_ reaction: Reaction) {
            moveTo(reaction.location.line)
            switch reaction {
            case .answer(let text, let parameters, _):
                emit("$reactions.answer({value: \(literal(text))\(members(parameters))});")
            case .random(let alternatives, _):
                emit("switch ($reactions.random(\(alternatives.count))) {")
                for (index, alternative) in alternatives.enumerated() {
                    emit(index == alternatives.count - 1 ? "default: {" : "case \(index): {")
                    emitReactions(alternative)
                    emit("break; }")
                }
                emit("}")
            case .buttons(let inline, let buttons, _):
                let items = buttons.map { button -> String in
                    switch button.content {
                    case .text(let label, let target):
                        guard let target else { return "{text: \(literal(label))}" }
                        return "{text: \(literal(label)), transition: \(literal(target.resolved ?? target.raw))}"
                    case .object(let code, let target):
                        guard let target else { return "(\(code))" }
                        // `$reactions.buttons`' own `{button, mapping}` form: the object, and where it leads.
                        return "{button: (\(code)), mapping: \(literal(target.resolved ?? target.raw))}"
                    }
                }
                let kind = inline ? "inlineButtons" : "buttons"
                let sources = buttons.map { button -> String in
                    guard button.target != nil else { return "null" }
                    return literal(Coverage.key(button.location))
                }
                if sources.allSatisfy({ $0 == "null" }) {
                    emit("$reactions.\(kind)([\(items.joined(separator: ", "))]);")
                } else {
                    // The .sc line of each transition button travels beside the reply (never in it or in
                    // `$session`), so a later click can be counted as that button's trigger.
                    emit("__conform.sourcedButtons(\(literal(kind)), [\(items.joined(separator: ", "))], [\(sources.joined(separator: ", "))]);")
                }
            case .media(let kind, let url, let parameters, _):
                let field = ["image": "imageUrl", "audio": "audioUrl", "video": "videoUrl", "file": "fileUrl"][kind.rawValue]!
                emit("$reactions.\(kind.rawValue)({\(field): \(literal(url))\(members(parameters))});")
            case .transition(let target, let immediate, _):
                emit("$reactions.transition({value: \(literal(target.resolved ?? target.raw)), deferred: \(!immediate)});")
                if immediate { emit("return;") }  // the state's later tags do not run (see above)
            case .script(let code, let es6, let location):
                if es6 {
                    emit("await (async function () {")
                    moveTo(location.line)
                    emit(code)
                    emit("\n})();")
                } else {
                    emit("{")
                    moveTo(location.line)
                    emit(code)
                    emit("\n}")
                }
            case .conditional(let branches, let otherwise, _):
                for (index, branch) in branches.enumerated() {
                    moveTo(branch.location.line)
                    emit(index == 0 ? "if (" : "} else if (")
                    emit(branch.condition)
                    // On a line of its own: a condition may end in a `// comment` (public bots write one).
                    emit("\n) {")
                    emitReactions(branch.reactions)
                }
                if let otherwise {
                    emit("} else {")
                    emitReactions(otherwise)
                }
                emit("}")
            case .timeout(let target, let interval, _):
                let intervalCode = Double(interval) != nil ? interval : literal(interval)
                emit("$reactions.timeout({interval: \(intervalCode), targetState: \(literal(target.resolved ?? target.raw))});")
            case .action(let name, let value, let parameters, _):
                emit("__conform.action(\(literal(name)), \(literal(value)), {\(String(members(parameters).dropFirst(2)))});")
            }
        }
    }
}
