import AsyncHTTPClient
import ConformJSON
import Foundation

/// Posts JSON bodies with a deadline and reads the answer: `serve` posting the bot's calls to Webim,
/// `simulate` posting webhooks to the bot. One connection pool per command; `shutdown()` before exit.
///
/// ```swift
/// let client = JSONHTTPClient()
/// let answer = try await client.post("http://127.0.0.1:8080/", body: ["event": "new_chat"], timeout: .seconds(10))
/// answer.status   // 200
/// try await client.shutdown()
/// ```
public final class JSONHTTPClient: Sendable {
    private let client: HTTPClient

    public init() {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(5))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// The status and body of an answer; `json` when the body parses.
    public struct Answer: Sendable {
        public var status: Int
        public var body: [UInt8]
        public var elapsed: Duration
        public var json: JSONValue? { try? JSONParser.parse(bytes: body) }
        public var text: String { String(decoding: body, as: UTF8.self) }
        public var isSuccess: Bool { (200..<300).contains(status) }
    }

    /// Posts `body` (compact JSON) to `url`. Throws `JSONHTTPClient.Failure` when no answer came.
    public func post(_ url: String, headers: [(String, String)] = [], body: JSONValue,
                     timeout: Duration) async throws(Failure) -> Answer {
        try await send("POST", url, headers: headers, body: Array(JSONWriter.compact(body).utf8), timeout: timeout)
    }

    /// `http://user:secret@host/…` as a browser or curl sends it: the URL without its userinfo, and
    /// the userinfo as HTTP Basic auth (how `serve --webhook-secret` and the recorder's secret are
    /// given in a URL).
    static func splittingUserinfo(_ url: String) -> (url: String, authorization: String?) {
        guard url.contains("@"), var components = URLComponents(string: url), let user = components.user else { return (url, nil) }
        let credentials = user + ":" + (components.password ?? "")
        components.user = nil
        components.password = nil
        guard let stripped = components.string else { return (url, nil) }
        return (stripped, "Basic " + Data(credentials.utf8).base64EncodedString())
    }

    /// Sends any request (tests send raw, broken and huge bodies).
    public func send(_ method: String, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
                     timeout: Duration) async throws(Failure) -> Answer {
        let (url, basic) = Self.splittingUserinfo(url)
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        if let basic, !headers.contains(where: { $0.0.lowercased() == "authorization" }) {
            request.headers.add(name: "authorization", value: basic)
        }
        if body != nil { request.headers.add(name: "content-type", value: "application/json") }
        for (name, value) in headers where name.lowercased() != "content-type" || body == nil {
            request.headers.add(name: name, value: value)
        }
        if let body { request.body = .bytes(body) }
        let started = ContinuousClock.now
        let milliseconds = Int64(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        do {
            let response = try await client.execute(request, timeout: .milliseconds(max(1, milliseconds)))
            let buffer = try await response.body.collect(upTo: 16 << 20)
            return Answer(status: Int(response.status.code), body: Array(buffer.readableBytesView),
                          elapsed: ContinuousClock.now - started)
        } catch {
            if let error = error as? HTTPClientError, error == .deadlineExceeded || error == .readTimeout {
                throw .timedOut(url: url, after: timeout)
            }
            throw .transport(url: url, reason: "\(error)")
        }
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case timedOut(url: String, after: Duration)
        case transport(url: String, reason: String)

        public var description: String {
            switch self {
            case .timedOut(let url, let after): "\(url) did not answer within \(seconds(after))"
            case .transport(let url, let reason): "\(url) could not be reached: \(reason)"
            }
        }
    }
}

/// `1.5 s`, `250 ms`: durations in log lines and transcripts.
func seconds(_ duration: Duration) -> String {
    let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    if ms < 1000 { return ms < 10 ? String(format: "%.1f ms", ms) : "\(Int(ms.rounded())) ms" }
    return String(format: "%.1f s", ms / 1000)
}
