/// What a state does when entered, in the order written.
public indirect enum Reaction: Sendable {
    /// `a: text` — `{{ }}` templates are evaluated when it runs. Parameters (`tts`, `html`, `lang`) kept.
    case answer(text: String, parameters: [ScParameter], location: SourceLocation)
    /// `random:` — one of the alternatives (each a list of reactions) runs.
    case random(alternatives: [[Reaction]], location: SourceLocation)
    /// `buttons:` / `inlineButtons:`.
    case buttons(inline: Bool, buttons: [ButtonSpec], location: SourceLocation)
    /// `image:`, `audio:`, `video:`, `file:` with a URL (may be a template).
    case media(kind: MediaKind, url: String, parameters: [ScParameter], location: SourceLocation)
    /// `go!: path` (`immediate`, the target's reactions run now) or `go: path` (next context only).
    case transition(target: TargetPath, immediate: Bool, location: SourceLocation)
    /// `script:` / `scriptEs6:` — `code` starts on `location.line`.
    case script(code: String, es6: Bool, location: SourceLocation)
    /// `if:` / `elseif:` … / `else:`.
    case conditional(branches: [ConditionalBranch], otherwise: [Reaction]?, location: SourceLocation)
    /// `timeout: /Target || interval = 10`.
    case timeout(target: TargetPath, interval: String, location: SourceLocation)
    /// A capitalized action tag, e.g. `TransferCallToOperator:` with `key = value` lines.
    case action(name: String, value: String, parameters: [ScParameter], location: SourceLocation)

    public enum MediaKind: String, Sendable {
        case image, audio, video, file
    }

    public var location: SourceLocation {
        switch self {
        case .answer(_, _, let l), .random(_, let l), .buttons(_, _, let l), .media(_, _, _, let l),
             .transition(_, _, let l), .script(_, _, let l), .conditional(_, _, let l), .timeout(_, _, let l),
             .action(_, _, _, let l):
            l
        }
    }
}

public struct ConditionalBranch: Sendable {
    /// A JavaScript expression.
    public var condition: String
    public var reactions: [Reaction]
    public var location: SourceLocation
}

/// One button of `buttons:` / `inlineButtons:`.
public struct ButtonSpec: Sendable {
    public enum Content: Sendable, Equatable {
        /// `"Text" -> /Target` or `"Text"`.
        case text(String, target: TargetPath?)
        /// `{text: "…", url: "…"}` and other objects: JavaScript evaluated when the buttons are shown;
        /// `{text: "Yes"} -> /Target` gives it a transition.
        case object(String, target: TargetPath?)
    }

    public var content: Content
    public var location: SourceLocation

    /// The state the button leads to, whichever way it is written.
    public var target: TargetPath? {
        get {
            switch content {
            case .text(_, let target), .object(_, let target): target
            }
        }
        set {
            switch content {
            case .text(let label, _): content = .text(label, target: newValue)
            case .object(let code, _): content = .object(code, target: newValue)
            }
        }
    }
}
