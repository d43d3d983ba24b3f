import BotScript
import ConformJSON
import JSEngine
import Foundation

extension Conversation {
    /// Processes one request: `preMatch` → select the target → `preProcess` → the target's reactions
    /// and `go!` chain → `postProcess` → response. Never throws: a failure is the result's `error`,
    /// with the replies made before it.
    public func process(_ request: BotRequest) -> TurnResult {
        var request = request
        if request.intent == nil { request.intent = nextIntent }
        nextIntent = nil
        return engine.withLockHeld { process(request, depth: 0) }
    }

    private func process(_ request: BotRequest, depth: Int) -> TurnResult {
        turnStartCPU = CPUClock.now()
        turnStartWall = WallClock.now()
        bridge.beginTurn()
        _ = engine.takeLog()
        var run = TurnRun(previousContext: contextPath)
        do {
            try perform(request, &run)
        } catch let failure {
            run.error = failure
        }
        var (result, newSession) = finish(request, run)
        if result.error == nil, let next = newSession, depth == 0 {
            // $reactions.newSession: a new session, then the given message processed as a request, whose
            // replies are the turn's: those made before the call are dropped *(inferred: zb-common's
            // `/start` state calls newSession and then `go!`s to its welcome state, and its tests — which
            // pass on JAICP — expect one welcome, not the old session's and the new one's)*.
            _ = try? call("clearSession")
            contextPath = "/"
            var follow = request
            follow.query = next["message"]?.stringValue
            follow.event = follow.query == nil ? "noMatch" : nil
            if let data = next["data"] { follow.data = data }
            let second = process(follow, depth: 1)
            result.newSession = NewSessionStart(arguments: next, replyIndex: 0, stateIndex: result.statesEntered.count)
            result.replies = second.replies
            result.statesEntered += second.statesEntered
            result.state = second.state
            result.contextPath = second.contextPath
            result.error = second.error
            result.log += second.log
            result.handledErrors += second.handledErrors
        }
        return result
    }

    /// What happened so far in a turn.
    struct TurnRun {
        var previousContext: String
        var selection: DialogEngine.Selection?
        var statesEntered: [String] = []
        /// The last state entered that moves the context (not `noContext`).
        var contextState: String?
        /// A `go:` target: the context for the next request.
        var deferredContext: String?
        var error: RuntimeError?
        /// Errors a bot's handler took, for the result.
        var handled: [String] = []
    }

    private func perform(_ request: BotRequest, _ run: inout TurnRun) throws(RuntimeError) {
        var request = request
        if let query = request.query, request.event == nil, exceedsLengthLimit(query),
           dialog.selectEvent("lengthLimit", context: contextPath) != nil {
            request.event = "lengthLimit"
        }
        let forced = try script(state: nil) { () throws(JSScriptError) -> String? in
            try callText("start", [engine.string(JSONWriter.compact(request.scriptValue)), name(contextPath),
                                   engine.number(request.time)])
        }
        var target: String?
        var tree: JSONValue?
        var treeIsFinished = false
        var intent: JSONValue?
        if let forced {
            target = forced
        } else if let requested = request.targetState {
            // A fired timeout: its target is entered without matching (preMatch may still redirect).
            target = StatePath.resolve(requested, from: "/") ?? requested
        } else {
            let input = DialogEngine.Input(query: request.event == nil ? request.query : nil, event: request.event,
                                           intent: request.intent)
            if let selection = dialog.select(input, context: contextPath) {
                run.selection = selection
                target = selection.state
                let trigger = bot.triggers[selection.triggerID].trigger
                if let parseTree = selection.parseTree {
                    if let finished = ParseTreeJSON.finished(parseTree, rootValue: trigger.rootValue) {
                        (tree, treeIsFinished) = (finished, true)
                    } else {
                        tree = ParseTreeJSON.make(parseTree, rootValue: trigger.rootValue)
                    }
                }
                if selection.reason == .intent, let name = request.intent { intent = ["path": .string(name)] }
            }
        }
        guard let target else { return }  // no state handles the request: no replies, context kept
        do {
            try stage(target: target, tree: tree, treeIsFinished: treeIsFinished, intent: intent, &run)
        } catch let error {
            try handleError(error, &run)
        }
    }

    /// preProcess, the target and its go! chain, postProcess (and a transition it asks for).
    /// `treeIsFinished`: the parse tree needs no converters run (`ParseTreeJSON.finished`).
    private func stage(target: String, tree: JSONValue?, treeIsFinished: Bool, intent: JSONValue?,
                       _ run: inout TurnRun) throws(RuntimeError) {
        guard bot.project.states[target] != nil else {
            throw .unknownState(target, from: contextPath, location: nil)
        }
        try script(state: target) { () throws(JSScriptError) in
            _ = try callText("enter", [name(target), tree.map { engine.string(JSONWriter.compact($0)) } ?? constants.null,
                                       intent.map { engine.string(JSONWriter.compact($0)) } ?? constants.null,
                                       treeIsFinished ? constants.yes : constants.no])
        }
        try enterChain(target, &run)
        let last = run.statesEntered.last
        let pending = try script(state: last) { () throws(JSScriptError) -> String? in try callText("post") }
        try follow(pending, after: last, &run)
    }

    /// Enters `first`, runs its body, and follows `go!` transitions until none is pending.
    private func enterChain(_ first: String, _ run: inout TurnRun) throws(RuntimeError) {
        var next: String? = first
        var chain: [String] = []
        while let path = next {
            guard let state = bot.project.states[path] else {
                throw .unknownState(path, from: chain.last ?? contextPath, location: nil)
            }
            chain.append(path)
            if chain.count > options.maxTransitions {
                throw .transitionLoop(Self.cycle(in: chain))
            }
            let pending: String?
            do {
                try defineIfNeeded(state)
                pending = try runBody(of: state, at: path)
            } catch {
                // The state was entered and its body ran (its replies are kept) or failed to compile:
                // reports and coverage count it, and error handlers run with it as the last state, as
                // `$context.currentState` is.
                run.statesEntered.append(path)
                throw error
            }
            run.statesEntered.append(path)
            if !state.noContext { run.contextState = path }
            next = nil
            if let transition = try resolveTransition(pending, state: path) {
                if transition.deferred {
                    run.deferredContext = transition.target
                } else {
                    next = transition.target
                }
            }
        }
    }

    /// Runs a state's body; returns the transition it asked for (JSON) or nil.
    private func runBody(of state: BotState, at path: String) throws(RuntimeError) -> String? {
        try script(state: path) { () throws(JSScriptError) -> String? in
            guard let text = try callText("run", [name(path)]) else { return nil }
            guard text == "async" else { return text }
            // A scriptEs6 body: its promise settled when the call returned (no timers exist).
            if try !call("asyncResult").toBool() {
                throw JSScriptError(name: "Error", message: "a scriptEs6 block awaited something that never completed",
                                    source: state.location.file, line: state.location.line)
            }
            return try callText("takeTransition")
        }
    }

    /// Follows a transition asked for after the chain (by postProcess or an error handler).
    private func follow(_ pending: String?, after state: String?, _ run: inout TurnRun) throws(RuntimeError) {
        guard let transition = try resolveTransition(pending, state: state) else { return }
        if transition.deferred {
            run.deferredContext = transition.target
        } else {
            try enterChain(transition.target, &run)
        }
    }

    /// The sandbox's `{target, raw, deferred}` made absolute: a relative target resolves like a literal
    /// one (child, else sibling; see StatePath), and must name a state (or, for `go`, a theme).
    private func resolveTransition(_ pending: String?, state: String?) throws(RuntimeError) -> (target: String, deferred: Bool)? {
        guard let pending, let json = try? JSONParser.parse(pending), let raw = json["raw"]?.stringValue,
              let target = json["target"]?.stringValue else { return nil }
        let deferred = json["deferred"]?.boolValue ?? false
        let base = state ?? contextPath
        let resolved = StatePath.resolve(raw, from: base) { self.bot.project.states[$0] != nil || self.bot.project.themes.contains($0) } ?? target
        if bot.project.states[resolved] == nil && !(deferred && bot.project.themes.contains(resolved)) {
            throw .unknownState(resolved, from: state, location: nil)
        }
        return (resolved, deferred)
    }

    private func defineIfNeeded(_ state: BotState) throws(RuntimeError) {
        guard !definedStates.contains(state.path) else { return }
        let compiled = bot.stateScript(state)
        do {
            try engine.evaluate(compiled.script, timeLimit: options.turnTimeLimit)
        } catch {
            throw classify(error, state: state.path)
        }
        definedStates.insert(state.path)
    }

    // MARK: Errors

    /// Runs sandbox code, turning its failures into runtime errors that name the state.
    @discardableResult
    func script<T>(state: String?, _ body: () throws(JSScriptError) -> T) throws(RuntimeError) -> T {
        do {
            return try body()
        } catch {
            throw classify(error, state: state)
        }
    }

    private func classify(_ error: JSScriptError, state: String?) -> RuntimeError {
        if let failure = bridge.failure { return failure }
        if error.isTimeout {
            let location = state.flatMap { bot.project.states[$0]?.location }
            return .timeLimit(seconds: options.turnTimeLimit, state: state, location: location)
        }
        return .script(error, state: state)
    }

    /// JAICP's error handlers: `onScriptError` for script errors (then postProcess runs),
    /// `onDialogError` for dialog errors, `onAnyError` for any (postProcess does not run).
    /// Time limits and native failures (an unmocked `$http`) are never handed to the bot.
    private func handleError(_ error: RuntimeError, _ run: inout TurnRun) throws(RuntimeError) {
        let specific: String
        switch error {
        case .script: specific = "onScriptError"
        case .unknownState, .transitionLoop: specific = "onDialogError"
        default: throw error
        }
        let exception: JSONValue
        if case .script(let jsError, _) = error {
            exception = ["name": .string(jsError.name), "message": .string(jsError.message)]
        } else {
            exception = ["name": "DialogError", "message": .string(error.description)]
        }
        let type: String
        if hasHandlers(specific) {
            type = specific
        } else if hasHandlers("onAnyError") {
            type = "onAnyError"
        } else {
            throw error
        }
        let state = run.statesEntered.last
        try script(state: state) { () throws(JSScriptError) in
            try call("setException", [engine.string(JSONWriter.compact(exception))])
            _ = try callText("runHandlers", [name(type)])
        }
        // Recorded once the handler ran: a handler that fails itself leaves the turn's error instead.
        run.handled.append("\(type): \(error)")
        let pending = try script(state: state) { () throws(JSScriptError) -> String? in
            try callText(type == "onScriptError" ? "post" : "takeTransition")
        }
        try follow(pending, after: state, &run)
    }

    /// The repeating part of a runaway chain, for the error message: from the first state that
    /// comes back to its return.
    static func cycle(in chain: [String]) -> [String] {
        var seen: [String: Int] = [:]
        for (i, path) in chain.enumerated() {
            if let first = seen[path] { return Array(chain[first...i]) }
            seen[path] = i
        }
        return Array(chain.suffix(5))
    }

    private func exceedsLengthLimit(_ query: String) -> Bool {
        guard let limit = bot.project.config.lengthLimit, limit.enabled else { return false }
        if let symbols = limit.symbols, symbols > 0, query.count > symbols { return true }
        if let words = limit.words, words > 0, query.split(whereSeparator: \.isWhitespace).count > words { return true }
        return false
    }

    // MARK: Finishing

    /// The result, and the `$reactions.newSession` request if a script made one.
    private func finish(_ request: BotRequest, _ run: TurnRun) -> (TurnResult, JSONValue?) {
        var next = run.deferredContext ?? run.contextState ?? contextPath
        var outcome: JSONValue = [:]
        // Not through `callText`: the outcome is collected even when the turn ran out of time (this
        // call's own run is still limited), so the replies made before a runaway script are kept.
        if let text = try? engine.callForText(function("finish"), [name(next), name(run.previousContext)], this: api,
                                              timeLimit: options.turnTimeLimit),
           let json = try? JSONParser.parse(text) {
            outcome = json
            next = json["contextPath"]?.stringValue ?? next
        }
        let stop = outcome["stopSession"]?.boolValue ?? false
        if stop {
            next = "/"
            _ = try? call("clearSession")
        }
        contextPath = next
        let response = outcome["response"] ?? [:]
        let newSession = outcome["newSession"]?.nonNull
        let draws = bridge.random.takeDrawn()
        return (TurnResult(
            replies: response["replies"]?.arrayValue ?? [],
            response: response,
            state: outcome["currentState"]?.stringValue,
            contextPath: next,
            selection: run.selection,
            statesEntered: run.statesEntered,
            randomDraws: draws.values,
            randomBounds: draws.bounds,
            http: bridge.httpLog,
            serviceCalls: bridge.serviceLog,
            log: engine.takeLog(),
            error: run.error,
            sessionEnded: stop,
            newSession: nil,
            buttonTrigger: outcome["buttonTrigger"]?.stringValue,
            handledErrors: run.handled), newSession)
    }
}
