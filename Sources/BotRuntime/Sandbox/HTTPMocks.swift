import Foundation
import ConformJSON

/// Answers a bot's `$http` calls. In replay and autotests nothing reaches the network: a call no mock
/// answers fails the turn, naming the URL. `conform record --bot` gives the bot a provider that makes
/// the calls for real, so they can be recorded and served back later.
public protocol HTTPMockProvider: Sendable {
    /// The response to a call, or nil when no mock covers it.
    func respond(to call: HTTPCall) -> HTTPMockResponse?
}

/// One `$http` call as the bot made it (`${name}` placeholders of the URL already filled).
public struct HTTPCall: Sendable {
    public var method: String
    public var url: String
    /// As the script gave them; never recorded (they often carry the service's credentials).
    public var headers: [(name: String, value: String)]
    public var body: JSONValue?
    /// The script's `timeout` setting, in milliseconds, when it gave one.
    public var timeoutMilliseconds: Double?

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: JSONValue? = nil,
                timeoutMilliseconds: Double? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}

public struct HTTPMockResponse: Sendable, Equatable {
    /// -1 when the call got no HTTP answer at all (`error` says why).
    public var status: Int
    public var body: JSONValue?
    /// Why there is no answer (a refused connection, a timeout), as the script sees it in `error`.
    public var error: String?

    public init(status: Int, body: JSONValue?, error: String? = nil) {
        self.status = status
        self.body = body
        self.error = error
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

        /// Text that stands for any value in `url` (a recording's `[redacted]` credential): the rest
        /// must match exactly, the wildcard any run of characters up to the next `/`, `?`, `&` or `#`.
        public var wildcard: String?

        public init(method: String, url: String, response: HTTPMockResponse, once: Bool = true, wildcard: String? = nil) {
            self.method = method
            self.url = url
            self.response = response
            self.once = once
            self.wildcard = wildcard
        }

        func matches(url actual: String) -> Bool {
            guard let wildcard, url.contains(wildcard) else { return url == actual }
            let pattern = url.components(separatedBy: wildcard).map(NSRegularExpression.escapedPattern(for:))
                .joined(separator: "[^/?&#]+")
            return actual.range(of: "^" + pattern + "$", options: .regularExpression) != nil
        }
    }

    private var mocks: [Mock]
    private var used: Set<Int> = []

    public init(_ mocks: [Mock]) { self.mocks = mocks }

    public func respond(to call: HTTPCall) -> HTTPMockResponse? {
        for (i, mock) in mocks.enumerated() where !used.contains(i) {
            guard mock.method.uppercased() == call.method.uppercased(), mock.matches(url: call.url) else { continue }
            if mock.once { used.insert(i) }
            return mock.response
        }
        return nil
    }
}

/// No mocks at all: every `$http` call fails the turn.
public struct NoHTTPMocks: HTTPMockProvider {
    public init() {}
    public func respond(to call: HTTPCall) -> HTTPMockResponse? { nil }
}
