import ConformJSON

/// Answers a bot's `$http` calls offline. Nothing in a turn ever reaches the network: a call no mock
/// answers fails the turn, naming the URL.
public protocol HTTPMockProvider: Sendable {
    /// The mocked response to a call, or nil when no mock covers it.
    func respond(method: String, url: String, body: JSONValue?) -> HTTPMockResponse?
}

public struct HTTPMockResponse: Sendable, Equatable {
    public var status: Int
    public var body: JSONValue?

    public init(status: Int, body: JSONValue?) {
        self.status = status
        self.body = body
    }
}

/// Mocks given in order (a recording's `http` list, an XML test's `<mockData>`): the first unused one
/// with the same method and URL answers.
public final class QueuedHTTPMocks: HTTPMockProvider, @unchecked Sendable {
    public struct Mock: Sendable {
        public var method: String
        public var url: String
        public var response: HTTPMockResponse
        /// Used by at most one call when true (recorded exchanges); reusable when false (XML mocks).
        public var once: Bool

        public init(method: String, url: String, response: HTTPMockResponse, once: Bool = true) {
            self.method = method
            self.url = url
            self.response = response
            self.once = once
        }
    }

    private var mocks: [Mock]
    private var used: Set<Int> = []

    public init(_ mocks: [Mock]) { self.mocks = mocks }

    public func respond(method: String, url: String, body: JSONValue?) -> HTTPMockResponse? {
        for (i, mock) in mocks.enumerated() where !used.contains(i) {
            guard mock.method.uppercased() == method.uppercased(), mock.url == url else { continue }
            if mock.once { used.insert(i) }
            return mock.response
        }
        return nil
    }
}

/// No mocks at all: every `$http` call fails the turn.
public struct NoHTTPMocks: HTTPMockProvider {
    public init() {}
    public func respond(method: String, url: String, body: JSONValue?) -> HTTPMockResponse? { nil }
}
