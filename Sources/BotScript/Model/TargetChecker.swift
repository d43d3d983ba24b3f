import OrderedCollections

/// Checks at load time that every literal transition target names a state: `go`/`go!`, buttons,
/// `timeout:`, `toState`/`fromState`. `{{ template }}` targets can only be checked when they run.
enum TargetChecker {
    /// Resolves every literal target against the complete state tree.
    static func resolve(_ states: inout OrderedDictionary<String, BotState>, themes: Set<String>) {
        let known = Set(states.keys)
        let exists: (String) -> Bool = { known.contains($0) || themes.contains($0) }
        func fix(_ reactions: [Reaction]) -> [Reaction] {
            reactions.map { reaction in
                switch reaction {
                case .transition(var target, let immediate, let location):
                    target.resolve(exists: exists)
                    return .transition(target: target, immediate: immediate, location: location)
                case .buttons(let inline, var buttons, let location):
                    for i in buttons.indices {
                        if var target = buttons[i].target {
                            target.resolve(exists: exists)
                            buttons[i].target = target
                        }
                    }
                    return .buttons(inline: inline, buttons: buttons, location: location)
                case .timeout(var target, let interval, let location):
                    target.resolve(exists: exists)
                    return .timeout(target: target, interval: interval, location: location)
                case .random(let alternatives, let location):
                    return .random(alternatives: alternatives.map(fix), location: location)
                case .conditional(var branches, let otherwise, let location):
                    for i in branches.indices { branches[i].reactions = fix(branches[i].reactions) }
                    return .conditional(branches: branches, otherwise: otherwise.map(fix), location: location)
                case .answer, .media, .script, .action:
                    return reaction
                }
            }
        }
        for path in states.keys {
            var state = states[path]!
            for i in state.triggers.indices {
                state.triggers[i].toState?.resolve(exists: exists)
                state.triggers[i].fromState?.resolve(exists: exists)
            }
            state.reactions = fix(state.reactions)
            states[path] = state
        }
    }

    static func check(_ states: OrderedDictionary<String, BotState>, themes: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func verify(_ target: TargetPath?, what: String, from state: String, at location: SourceLocation,
                    contextOnly: Bool = false) {
            guard let target else { return }
            guard let path = target.resolved else {
                if !StatePath.isTemplate(target.raw) {
                    problems.append(.error("\(what) '\(target.raw)' climbs above the root", at: location))
                }
                return
            }
            guard states[path] == nil else { return }
            // A theme (`/` included) is no state to enter, but `go: /Theme` may make it the context:
            // its states are then the candidates of the next request.
            if contextOnly && themes.contains(path) { return }
            var hint: String?
            if let near = NearestName.to(path, among: states.keys) { hint = "did you mean \(near)?" }
            problems.append(.error("\(what) \(path) is not a state (written '\(target.raw)' in \(state))",
                                   at: location, hint: hint))
        }
        func walk(_ reactions: [Reaction], state: String) {
            for reaction in reactions {
                switch reaction {
                case .transition(let target, let immediate, let location):
                    verify(target, what: immediate ? "go! target" : "go target", from: state, at: location,
                           contextOnly: !immediate)
                case .buttons(_, let buttons, _):
                    for button in buttons {
                        verify(button.target, what: "button target", from: state, at: button.location)
                    }
                case .timeout(let target, _, let location):
                    verify(target, what: "timeout target", from: state, at: location)
                case .random(let alternatives, _):
                    alternatives.forEach { walk($0, state: state) }
                case .conditional(let branches, let otherwise, _):
                    branches.forEach { walk($0.reactions, state: state) }
                    walk(otherwise ?? [], state: state)
                case .answer, .media, .script, .action:
                    break
                }
            }
        }
        for state in states.values {
            for trigger in state.triggers {
                verify(trigger.toState, what: "toState", from: state.path, at: trigger.location)
                verify(trigger.fromState, what: "fromState", from: state.path, at: trigger.location)
            }
            walk(state.reactions, state: state.path)
        }
        return problems
    }
}
