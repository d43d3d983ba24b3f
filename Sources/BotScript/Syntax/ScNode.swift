/// One tag of a `.sc` file as written, before any meaning is given to it.
///
/// ```
/// state: Delivery || modal = true      ← tag "state", value "Delivery", parameters [modal: true]
///     q!: * доставк* *                  ← a child node
///     a: Мы доставляем               ← another child; its continuation lines are its body
///        по всей России
/// ```
public struct ScNode: Sendable {
    /// The tag as written, including a trailing `!` (`q!`, `event!`, `go!`).
    public var tag: String
    /// The text after `tag:`, without the `|| parameters` part, trimmed.
    public var value: String
    /// Parameters from `|| key = value, …` and, for tags that take them, from `key = value` body lines.
    public var parameters: [ScParameter]
    /// Lines nested under the tag that are not child tags: continuation text, button lines, pattern
    /// declarations, or the whole nested text of `script:`/`init:`.
    public var body: [BodyLine]
    public var children: [ScNode]
    public var location: SourceLocation
    /// Where `value` starts (for errors inside a pattern or a path).
    public var valueLocation: SourceLocation

    public struct BodyLine: Sendable, Equatable {
        /// The line's text after its indentation (for raw bodies: with the indentation beyond the
        /// body's own kept, so nested JavaScript stays readable).
        public var text: String
        public var location: SourceLocation
    }

    public func parameter(_ key: String) -> ScParameter? { parameters.last { $0.key == key } }

    /// `value` followed by the body lines, joined with newlines (an `a:` or `if:` continued on more lines).
    public var valueWithContinuation: String {
        ([value] + body.map(\.text)).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The body as one text (a `script:` block), starting on `bodyStartLine`.
    public var bodyText: String { body.map(\.text).joined(separator: "\n") }
}

/// A `key = value` parameter of a tag.
public struct ScParameter: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case string(String)
        case number(Double)
        case bool(Bool)
        /// Anything else as written: a bare word (`sys.zb-common`), a `{…}` object, a path.
        case raw(String)

        /// The value as text: strings unquoted, everything else as written.
        public var text: String {
            switch self {
            case .string(let s), .raw(let s): s
            case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case .bool(let b): b ? "true" : "false"
            }
        }

        public var isTrue: Bool {
            switch self {
            case .bool(let b): b
            case .string(let s), .raw(let s): s == "true"
            case .number(let n): n != 0
            }
        }
    }

    public var key: String
    public var value: Value
    /// The value exactly as written (a quoted one without its quotes): `007` and `1e3` stay so, where
    /// `value.text` prints the number they are.
    public var text: String
    public var location: SourceLocation

    public init(key: String, value: Value, text: String? = nil, location: SourceLocation) {
        self.key = key
        self.value = value
        self.text = text ?? value.text
        self.location = location
    }
}
