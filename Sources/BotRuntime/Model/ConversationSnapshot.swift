import ConformJSON

/// Everything a conversation carries between requests, as JSON: what replay compares after each turn
/// and what an XML test's `<context>` sets.
public struct ConversationSnapshot: Sendable, Equatable {
    public var session: JSONValue
    public var client: JSONValue
    public var global: JSONValue
    /// The state the next request is matched from.
    public var contextPath: String

    public init(session: JSONValue = [:], client: JSONValue = [:], global: JSONValue = [:], contextPath: String = "/") {
        self.session = session
        self.client = client
        self.global = global
        self.contextPath = contextPath
    }
}
