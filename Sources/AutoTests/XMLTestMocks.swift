import BotRuntime
import ConformJSON
import Foundation

/// Answers a test case's `$http` calls from its `<mockData>`. As on JAICP, a call no mock covers does
/// not reach the network: it fails (`isOk` false, status -1, no data) and the script goes on; the
/// call is remembered so the report can name it.
final class XMLTestMocks: HTTPMockProvider, @unchecked Sendable {
    private let lock = NSLock()
    private var mocks: [HTTPMockData]
    private var unmatched: [String] = []

    init(_ mocks: [HTTPMockData] = []) { self.mocks = mocks }

    func add(_ mock: HTTPMockData) {
        lock.withLock { mocks.append(mock) }
    }

    /// `GET https://…` for each call no mock answered, since the last time this was asked.
    func takeUnmatched() -> [String] {
        lock.withLock {
            defer { unmatched.removeAll() }
            return unmatched
        }
    }

    func respond(to call: HTTPCall) -> HTTPMockResponse? {
        let (method, url, body) = (call.method, call.url, call.body)
        return lock.withLock {
            // The last mock written wins when several cover the same call (a later <mockData> overrides).
            for mock in mocks.reversed() where Self.matches(mock, method: method, url: url, body: body) {
                return HTTPMockResponse(status: mock.status, body: mock.response)
            }
            unmatched.append("\(method.uppercased()) \(url)")
            return HTTPMockResponse(status: -1, body: nil)
        }
    }

    static func matches(_ mock: HTTPMockData, method: String, url: String, body: JSONValue?) -> Bool {
        guard mock.method.uppercased() == method.uppercased(), sameURL(mock.url, url) else { return false }
        guard let expected = mock.body else { return true }
        return sameBody(expected, body)
    }

    /// URLs are compared percent-decoded and trimmed: `${name}` values the bot filled are encoded, the
    /// test's `<parameters>` are written plainly.
    static func sameURL(_ a: String, _ b: String) -> Bool {
        func normal(_ s: String) -> String {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return (t.removingPercentEncoding ?? t).replacingOccurrences(of: "+", with: " ")
        }
        return a == b || normal(a) == normal(b)
    }

    static func sameBody(_ expected: JSONValue, _ actual: JSONValue?) -> Bool {
        guard let actual else { return false }
        if same(expected, actual) { return true }
        // A body sent as a JSON string and written in the test as an object, or the other way round.
        if case .string(let text) = actual, let parsed = try? RelaxedJSON.parse(text), same(parsed, expected) { return true }
        if case .string(let text) = expected, let parsed = try? RelaxedJSON.parse(text), same(parsed, actual) { return true }
        if case .string(let e) = expected, case .string(let a) = actual {
            return TextMatch.normalize(e) == TextMatch.normalize(a)
        }
        return false
    }

    /// JSON equality where the order of object keys does not matter.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        default:
            return a == b
        }
    }
}
