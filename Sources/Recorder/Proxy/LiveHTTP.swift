import AsyncHTTPClient
import BotRuntime
import ConformJSON
import Foundation
import NIOCore
import NIOHTTP1

/// `conform record --bot` and `conform chat`: the bot's `$http` calls reach the services they name, as they would on
/// JAICP, so what those services answered can be recorded with the turn (`turns[].http`) and served
/// back by replay. JAICP's `$http` is synchronous, so the call blocks the turn thread (never an event
/// loop) until it is answered or its timeout passes. A call that gets no answer is given to the
/// script as JAICP gives it (`isOk` false, status -1, `error`) and recorded with its `error`.
///
/// Request headers are sent but never recorded: they are where services' credentials travel.
public final class LiveHTTP: HTTPMockProvider, Sendable {
    private let client: HTTPClient
    /// When the script gives no `timeout` (JAICP does not document its default; 10 s is conform's).
    let defaultTimeout: TimeAmount
    /// A response larger than this is refused (the recording would carry it).
    static let maxResponseBytes = 16 * 1024 * 1024

    public init(defaultTimeout: Duration = .seconds(10)) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .follow(max: 5, allowCycles: false)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.defaultTimeout = TimeAmount(defaultTimeout)
    }

    public func respond(to call: HTTPCall) -> HTTPMockResponse? {
        do {
            var request = try HTTPClient.Request(url: call.url, method: HTTPMethod(rawValue: call.method.uppercased()))
            for header in call.headers { request.headers.add(name: header.name, value: header.value) }
            if let body = call.body {
                if case .string(let text) = body {
                    request.body = .string(text)
                } else {
                    request.body = .string(JSONWriter.compact(body))
                    if !request.headers.contains(name: "content-type") {
                        request.headers.add(name: "content-type", value: "application/json")
                    }
                }
            }
            let timeout = call.timeoutMilliseconds.map { TimeAmount.milliseconds(Int64(max(1, $0))) } ?? defaultTimeout
            let delegate = try ResponseAccumulator(request: request, maxBodySize: Self.maxResponseBytes)
            let response = try client.execute(request: request, delegate: delegate, deadline: .now() + timeout).futureResult.wait()
            return HTTPMockResponse(status: Int(response.status.code), body: Self.body(response.body))
        } catch {
            return HTTPMockResponse(status: -1, body: nil, error: Self.describe(error, url: call.url))
        }
    }

    /// The body as the script sees it: parsed JSON when it is JSON, the text otherwise, nil when empty.
    static func body(_ buffer: ByteBuffer?) -> JSONValue? {
        guard let buffer, buffer.readableBytes > 0 else { return nil }
        let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
        return (try? JSONParser.parse(text)) ?? .string(text)
    }

    static func describe(_ error: any Error, url: String) -> String {
        if let error = error as? HTTPClientError {
            if [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) { return "timed out: \(url)" }
            if [.invalidURL, .emptyHost, .emptyScheme].contains(error) { return "not a URL conform can call: \(url)" }
        }
        if error is ResponseAccumulator.ResponseTooBigError {
            return "the answer of \(url) is larger than \(maxResponseBytes / 1024 / 1024) MiB"
        }
        return "no answer from \(url): \(error)"
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    /// For callers outside async code (`conform chat`); never on an event loop.
    public func shutdownNow() {
        try? client.syncShutdown()
    }
}

/// `--no-bot-http` (`record --bot`, `chat`): every `$http` call fails as an unreachable service does
/// on JAICP (`isOk` false, status -1), so the bot's own failure handling runs and is recorded.
public struct RefusedHTTP: HTTPMockProvider {
    static let reason = "not made: --no-bot-http"

    public init() {}

    public func respond(to call: HTTPCall) -> HTTPMockResponse? {
        HTTPMockResponse(status: -1, body: nil, error: Self.reason)
    }
}
