import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Forwards a request unchanged (method, path and query, headers, body) and returns the answer
/// unchanged — except hop-by-hop headers, which belong to one connection (RFC 9110 §7.6.1).
public final class ForwardingClient: Sendable {
    private let client: HTTPClient
    public let timeout: Duration

    public static let hopByHop: Set<String> = ["connection", "keep-alive", "proxy-connection", "te", "trailer",
                                               "transfer-encoding", "upgrade", "content-length", "host"]
    public static let maxBodyBytes = 16 << 20

    public init(timeout: Duration) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(5))
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.timeout = timeout
    }

    public struct Answer: Sendable {
        public var status: Int
        /// Lower-cased names, in order, hop-by-hop ones removed.
        public var headers: [(String, String)]
        public var body: [UInt8]
    }

    public enum Failure: Error, Sendable {
        /// No answer in time: a dead bot's 504.
        case timedOut(String)
        /// No connection or a broken one: a dead bot's 502.
        case unreachable(String)

        public var status: Int {
            switch self {
            case .timedOut: 504
            case .unreachable: 502
            }
        }

        public var message: String {
            switch self {
            case .timedOut(let m), .unreachable(let m): m
            }
        }
    }

    public func forward(method: String, url: String, headers: [(String, String)], body: [UInt8]) async -> Result<Answer, Failure> {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers where !Self.hopByHop.contains(name.lowercased()) {
            request.headers.add(name: name, value: value)
        }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let milliseconds = Int64(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        do {
            let response = try await client.execute(request, timeout: .milliseconds(max(1, milliseconds)))
            let buffer = try await response.body.collect(upTo: Self.maxBodyBytes)
            let answerHeaders = response.headers.filter { !Self.hopByHop.contains($0.name.lowercased()) }
                .map { ($0.name.lowercased(), $0.value) }
            return .success(Answer(status: Int(response.status.code), headers: answerHeaders, body: Array(buffer.readableBytesView)))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return .failure(.timedOut("\(Self.withoutCredentials(url)) did not answer within \(timeout)"))
        } catch {
            return .failure(.unreachable("\(Self.withoutCredentials(url)) could not be reached: \(error)"))
        }
    }

    /// The URL as it may be shown: no userinfo.
    static func withoutCredentials(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].prefix(while: { $0 != "/" }).lastIndex(of: "@") else {
            return url
        }
        return String(url[..<scheme.upperBound]) + String(url[url.index(after: at)...])
    }

    public func shutdown() async {
        try? await client.shutdown()
    }
}
