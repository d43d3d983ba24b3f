import BotScript
import JSEngine

/// `conform check`'s reading of a bot's JavaScript: every `init:` block and required `.js` file, every
/// state body as the runtime compiles it (`script:`, `if:` conditions), and every `{{ }}` template in
/// an `a:` text, parsed by JavaScriptCore without running — so a syntax error is found before a test
/// or a replay runs into it, at the `.sc` or `.js` line it is on. ES6 modules (`type = scriptEs6`)
/// are parsed when they load, not here (a script parse refuses `import`).
public enum ScriptSyntaxCheck {
    public static func diagnostics(for bot: CompiledBot) -> [Diagnostic] {
        let engine = JSEngine()
        var found: [Diagnostic] = []
        @discardableResult
        func check(_ code: String, file: String, line: Int, what: String) -> Bool {
            do {
                try engine.checkSyntax(code, source: file, line: line)
                return true
            } catch {
                let location = SourceLocation(file: error.source ?? file, line: error.line ?? line)
                found.append(.error("\(what) does not parse: \(error.name): \(error.message)", at: location,
                                    hint: "the bot fails here when it runs; fix the JavaScript"))
                return false
            }
        }
        for script in bot.project.startupScripts {
            switch script.kind {
            case .initBlock: check(script.code, file: script.location.file, line: script.location.line, what: "this init: block")
            case .file: check(script.code, file: script.location.file, line: script.location.line, what: "this file")
            case .es6Module: continue
            }
        }
        for state in bot.project.states.values {
            // An `if:` condition on its own first, so its error names its line (the state's code closes
            // the condition on the next one); the state's code is then checked for the rest.
            var conditionsParse = true
            for (condition, location) in conditions(in: state.reactions) {
                let code = "(" + condition + (condition.contains("//") ? "\n)" : ")")
                conditionsParse = check(code, file: location.file, line: location.line, what: "the condition \(condition)")
                    && conditionsParse
            }
            let compiled = bot.stateScript(state)
            if conditionsParse {
                check(compiled.source, file: compiled.file, line: compiled.startLine, what: "the code of state \(state.path)")
            }
            for (expression, location) in templates(in: state.reactions) {
                check("__t(" + expression + ")", file: location.file, line: location.line, what: "the template {{\(expression)}}")
            }
        }
        return found
    }

    /// Each reaction followed by the reactions nested in it (`if:` branches, `random:` alternatives).
    static func withNested(_ reactions: [Reaction]) -> [Reaction] {
        reactions.flatMap { reaction -> [Reaction] in
            switch reaction {
            case .conditional(let branches, let otherwise, _):
                return [reaction] + branches.flatMap { withNested($0.reactions) } + withNested(otherwise ?? [])
            case .random(let alternatives, _): return [reaction] + alternatives.flatMap(withNested)
            default: return [reaction]
            }
        }
    }

    /// The `if:` and `elseif:` conditions, nested ones included.
    static func conditions(in reactions: [Reaction]) -> [(String, SourceLocation)] {
        withNested(reactions).flatMap { reaction -> [(String, SourceLocation)] in
            guard case .conditional(let branches, _, _) = reaction else { return [] }
            return branches.map { ($0.condition, $0.location) }
        }
    }

    /// The `{{ }}` expressions of `a:` texts, as the runtime's `template` cuts them out (and wraps each
    /// in a call, `__t(…)`: `{{}}` is an empty call there, not an error).
    static func templates(in reactions: [Reaction]) -> [(String, SourceLocation)] {
        withNested(reactions).flatMap { reaction -> [(String, SourceLocation)] in
            guard case .answer(let text, _, let location) = reaction else { return [] }
            var found: [(String, SourceLocation)] = []
            var rest = Substring(text)
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                // On the line it is written on: continuation lines follow the tag's.
                var at = location
                at.line += text[..<open.lowerBound].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
                found.append((String(rest[open.upperBound..<close.lowerBound]), at))
                rest = rest[close.upperBound...]
            }
            return found
        }
    }
}
