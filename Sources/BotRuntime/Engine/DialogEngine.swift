import BotScript

/// Chooses the state a request goes to: the pure decision at the heart of the runtime (no JavaScript,
/// no I/O), so every rule can be pinned in tests with a project and a request.
///
/// JAICP documents what triggers are but not how it chooses among several that match; the rules below
/// were reconstructed from public bots whose XML tests pass on JAICP (*inferred*, see each rule) and
/// are kept here, in one place, so they are easy to adjust.
public struct DialogEngine: Sendable {
    public let bot: CompiledBot

    public init(bot: CompiledBot) { self.bot = bot }

    /// What the engine matches against.
    public struct Input: Sendable {
        public var query: RequestText?
        public var event: String?
        /// An intent path decided outside (a recording's `nlu`, an XML test), for `intent:` triggers.
        public var intent: String?

        public init(query: String? = nil, event: String? = nil, intent: String? = nil) {
            self.query = query.map(RequestText.init)
            self.event = event
            self.intent = intent
        }
    }

    public struct Selection: Sendable, Equatable {
        public enum Reason: String, Sendable, Equatable {
            case pattern, example, intent, event
            /// Nothing matched the query; the nearest `noMatch` event handler was chosen.
            case noMatch
        }

        /// The state to enter (`toState` applied).
        public var state: String
        public var triggerID: Int
        public var reason: Reason
        public var score: Double
        public var parseTree: ParseNode?
    }

    /// How near a trigger's state is to the context; smaller is nearer. *(inferred)* The context's
    /// children and the triggers that lead away from it (`fromState` naming it, `toState` written in it)
    /// beat the context itself, which beats its
    /// siblings, then its parent, then the children of further ancestors, then globals.
    enum Closeness: Int, Comparable {
        case child = 0, fromState, itself, sibling, parent, ancestorChild, global
        static func < (a: Closeness, b: Closeness) -> Bool { a.rawValue < b.rawValue }
    }

    /// Picks the target for `input` with the dialog context at `context` (a state path, or `/`).
    public func select(_ input: Input, context: String) -> Selection? {
        if let event = input.event {
            return selectEvent(event, context: context)
        }
        if let query = input.query {
            if let best = selectQuery(query, intent: input.intent, context: context) { return best }
            if var fallback = selectEvent("noMatch", context: context) {
                fallback.reason = .noMatch
                return fallback
            }
        }
        return nil
    }

    /// Whether `trigger` may fire with the context at `context`, and how near it is.
    ///
    /// Local triggers are those of the context state itself, its children, its siblings and its
    /// parent *(inferred: no evidence that grandchildren are reachable, so they are not)*, then the
    /// children of every further ancestor up to the root, nearest first *(inferred: a public bot's
    /// test expects a top-level state's local `event:` to fire from a context two levels down)*. A
    /// local trigger with `fromState` or `toState` works from the state it leads away from and the
    /// states nested in it instead (`closeness(anchoredAt:…)`). In a `modal = true` context only the
    /// context's own and its children's triggers count: no globals, no siblings *(inferred)*.
    /// `onlyThisState` limits a plain trigger to the context being exactly its state.
    func closeness(of id: Int, context: String) -> Closeness? {
        closeness(of: id, in: bot.contextPlace(context))
    }

    /// `scope`: the context as path numbers (`CompiledBot.contextPlace`), worked out once per bot.
    func closeness(of id: Int, in scope: ContextPlace) -> Closeness? {
        // Read through the shared `CompiledTrigger`: binding its `Trigger` to a local would copy the
        // whole struct (a retain per field) for every candidate of every request.
        let compiled = bot.triggers[id]
        let place = bot.triggerPlaces[id]
        let context = scope.number
        if let anchor = place.anchor {
            return closeness(anchoredAt: anchor, childOfAnchor: place.parent == anchor,
                             onlyThisState: compiled.trigger.onlyThisState, in: scope)
        }
        let atContext = context >= 0 && place.state == context
        if compiled.trigger.onlyThisState && !atContext { return nil }
        let modal = scope.modal
        var local: Closeness?
        if atContext {
            local = .itself
        } else if context >= 0 && place.parent == context {
            // Also covers a theme (or `/`) as the context: its top-level states are its children.
            local = .child
        } else if !modal, scope.state != nil || scope.namesNothing {
            if scope.stateParent >= 0 && place.state == scope.stateParent {
                local = .parent
            } else if scope.parentPath >= 0 && place.parent == scope.parentPath {
                local = .sibling
            } else if scope.within.contains(place.parent) {
                local = .ancestorChild
            }
        }
        guard compiled.trigger.isGlobal else { return local }
        if modal { return local }
        return local.map { min($0, .global) } ?? .global
    }

    /// A local trigger with `fromState` or `toState` (`TriggerPlace.anchor`): JAICP's trigger pages call
    /// it a transition from that state, and say `onlyThisState` keeps it "strictly" to that state, "not
    /// its nested ones" — so without the flag it also works from the states nested in it, at any depth,
    /// and never from the anchor's siblings or parent. Ranked with the triggers that lead from the same
    /// place: from the context itself just after its children's, from an ancestor as that ancestor's
    /// children are *(inferred)*. `fromState = .` is zb-common's way to make `$nlp.match` targets
    /// reachable from their own state only, and its tests expect them not to fire from `/`.
    private func closeness(anchoredAt anchor: Int, childOfAnchor: Bool, onlyThisState: Bool,
                           in scope: ContextPlace) -> Closeness? {
        if anchor == scope.number { return childOfAnchor ? .child : .fromState }
        if onlyThisState || scope.modal { return nil }
        if anchor == scope.parentPath { return .sibling }
        return scope.within.contains(anchor) ? .ancestorChild : nil
    }

    private func target(of compiled: CompiledTrigger) -> String {
        compiled.trigger.toState?.resolved ?? compiled.trigger.state
    }

    func selectEvent(_ event: String, context: String) -> Selection? {
        var best: (Closeness, Int)?
        let scope = bot.contextPlace(context)
        for id in bot.eventTriggerIDs[event] ?? [] {
            let compiled = bot.triggers[id]
            guard let near = closeness(of: id, in: scope) else { continue }
            if best == nil || near < best!.0 || (near == best!.0 && compiled.id < best!.1) { best = (near, compiled.id) }
        }
        if best == nil, bot.project.states[context]?.modal == true {
            // *(inferred)* A modal state without its own handler still gets the global one for
            // system events (noMatch), rather than no answer at all.
            for compiled in bot.triggers where compiled.trigger.isGlobal {
                if case .event(let name) = compiled.trigger.kind, name == event { best = (.global, compiled.id); break }
            }
        }
        guard let (_, id) = best else { return nil }
        return Selection(state: target(of: bot.triggers[id]), triggerID: id, reason: .event, score: 0, parseTree: nil)
    }

    func selectQuery(_ query: RequestText, intent: String?, context: String) -> Selection? {
        var best: (score: Double, near: Closeness, id: Int, selection: Selection)?
        let scope = bot.contextPlace(context)
        func consider(_ id: Int, score: Double, reason: Selection.Reason, tree: ParseNode?) {
            guard let near = closeness(of: id, in: scope) else { return }
            // Match quality decides first; closeness to the context breaks ties; then load order.
            if let b = best {
                if score < b.score { return }
                if score == b.score && (near > b.near || (near == b.near && id > b.id)) { return }
            }
            best = (score, near, id, Selection(state: target(of: bot.triggers[id]), triggerID: id, reason: reason, score: score,
                                              parseTree: tree))
        }
        // The candidates share one match run: what a named pattern matched in this request is worked
        // out once for all of them (a run of its own per candidate was most of matching a request
        // against a big bot).
        var candidates: [(id: Int, pattern: CompiledPattern)] = []
        for index in bot.patternIndex.candidates(for: query) {
            let id = bot.patternTriggerIDs[index]
            guard closeness(of: id, in: scope) != nil, let pattern = bot.triggers[id].pattern else { continue }
            candidates.append((id, pattern))
        }
        for (candidate, match) in zip(candidates, bot.matcher.match(candidates.map(\.pattern), query)) {
            guard let match else { continue }
            var tree = match.parseTree
            if let root = bot.triggers[candidate.id].trigger.rootValue { tree.value = .string(root) }
            consider(candidate.id, score: match.score, reason: .pattern, tree: tree)
        }
        let words = Double(max(query.tokens.count, 1))
        let normalized = query.words.joined(separator: " ")
        for id in bot.nonPatternQueryTriggerIDs {
            let compiled = bot.triggers[id]
            switch compiled.trigger.kind {
            case .example:
                // Without JAICP's classifier an example matches only when the request says exactly it.
                if compiled.examples.contains(normalized) {
                    consider(compiled.id, score: words * PatternScore.lemma, reason: .example, tree: nil)
                }
            case .intent(let path):
                if let intent, intent == path {
                    consider(compiled.id, score: words * PatternScore.lemma, reason: .intent, tree: nil)
                }
            case .intentGroup(let path):
                if let intent, StatePath.isWithin(intent, path) {
                    consider(compiled.id, score: words * PatternScore.lemma, reason: .intent, tree: nil)
                }
            case .pattern, .event:
                break
            }
        }
        return best?.selection
    }
}
