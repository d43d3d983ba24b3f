import BotScript
import JSEngine

/// Why a turn could not be evaluated. Each case says where (state, file:line) and what to do.
public enum RuntimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A script threw and no `onScriptError`/`onAnyError` handler took it.
    case script(JSScriptError, state: String?)
    /// A script used more CPU time than the turn allows.
    case timeLimit(seconds: Double, state: String?, location: SourceLocation?)
    /// `go!` targets formed a cycle (or a chain longer than the limit).
    case transitionLoop([String])
    /// A transition named a state that does not exist (a `{{ template }}` or a script's target).
    case unknownState(String, from: String?, location: SourceLocation?)
    /// `$http` was called with no mock for it; replay never reaches the network.
    case unmockedHTTP(method: String, url: String)
    /// The bot's start-up code (`init:`, required `.js`) failed: nothing can run.
    case startup(JSScriptError)
    /// The turn produced more replies than allowed (a runaway loop pushing replies).
    case tooManyReplies(limit: Int, state: String?)

    public var description: String {
        switch self {
        case .script(let error, let state):
            return "script error\(state.map { " in state \($0)" } ?? ""): \(error)"
        case .timeLimit(let seconds, let state, let location):
            let place = [state.map { "state \($0)" }, location.map { "\($0)" }].compactMap { $0 }.joined(separator: ", ")
            return "a script ran longer than the turn's \(seconds) s limit and was stopped\(place.isEmpty ? "" : " (\(place))")"
        case .transitionLoop(let path):
            return "go! cycle: \(path.joined(separator: " → ")) (a state transitions back into the chain; add a condition or use go:)"
        case .unknownState(let path, let from, let location):
            return "transition to \(path), which is not a state\(from.map { " (from \($0))" } ?? "")\(location.map { " at \($0)" } ?? "")"
        case .unmockedHTTP(let method, let url):
            return "$http \(method) \(url) has no mock: replay never reaches the network (add it to the recording's `http` or conform.yaml's `mocks`)"
        case .startup(let error):
            return "the bot's start-up code failed: \(error)"
        case .tooManyReplies(let limit, let state):
            return "the turn produced more than \(limit) replies\(state.map { " (state \($0))" } ?? ""); stopped"
        }
    }
}
