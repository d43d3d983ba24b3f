import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import ServiceLifecycle

/// A Hummingbird server running in the background: `serve`'s webhook endpoint and `simulate`'s
/// Webim API both start this way, and tests start them on port 0 and read the real port.
///
/// ```swift
/// let server = try await HTTPServer.start(listen: ListenAddress(host: "127.0.0.1", port: 0)) { request, _ in
///     Response(status: .ok)
/// }
/// server.address.port     // the port the system chose
/// await server.stop()
/// ```
public final class HTTPServer: Sendable {
    public typealias Respond = @Sendable (Request, BasicRequestContext) async -> Response

    /// Where the server listens, with the real port.
    public let address: ListenAddress
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(address: ListenAddress, group: ServiceGroup, task: Task<Void, any Error>) {
        self.address = address
        self.group = group
        self.task = task
    }

    /// Starts listening and returns once the socket is bound.
    /// - Parameter handleSignals: shut down gracefully on SIGINT and SIGTERM (in-flight requests are
    ///   answered first); for commands, not tests.
    /// - Parameter tls: serve HTTPS with this certificate and key (PEM files).
    public static func start(listen: ListenAddress, tls: TLSFiles? = nil, handleSignals: Bool = false,
                             respond: @escaping Respond) async throws(HTTPServerError) -> HTTPServer {
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var server = HTTPServerBuilder.http1()
        if let tls {
            do {
                server = try .tls(.http1(), tlsConfiguration: tls.configuration())
            } catch let error as HTTPServerError {
                throw error
            } catch {
                throw .cannotListen(listen, reason: "\(error)")
            }
        }
        var app = Application(
            responder: CallbackResponder(callback: respond),
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(listen.host, port: listen.port)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? listen.port)
                portContinuation.finish()
            }
        )
        // conform writes its own log lines; Hummingbird's start-up notice would repeat them.
        app.logger.logLevel = .warning
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
                                 cancellationSignals: [], logger: app.logger)
        let task = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            do {
                try await task.value
                throw HTTPServerError.cannotListen(listen, reason: "the server stopped before listening")
            } catch let error as HTTPServerError {
                throw error
            } catch {
                throw HTTPServerError.cannotListen(listen, reason: "\(error)")
            }
        }
        return HTTPServer(address: ListenAddress(host: listen.host, port: port), group: group, task: task)
    }

    /// Waits until the server has stopped (after a signal, or `stop()`).
    public func wait() async throws {
        try await task.value
    }

    /// Stops listening, lets requests in flight be answered, and waits until the server has ended.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

public enum HTTPServerError: Error, Sendable, CustomStringConvertible {
    case cannotListen(ListenAddress, reason: String)
    case badCertificate(file: String, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let address, let reason):
            "cannot listen on \(address): \(reason) (is another program using the port? choose one with --listen HOST:PORT)"
        case .badCertificate(let file, let reason):
            "\(file) cannot be used for HTTPS: \(reason) (--tls-cert and --tls-key take PEM files, e.g. from Let's Encrypt)"
        }
    }
}

/// `--tls-cert FILE --tls-key FILE`: the PEM certificate chain and private key HTTPS is served with.
public struct TLSFiles: Sendable, Equatable {
    public var certificate: String
    public var key: String

    public init(certificate: String, key: String) {
        self.certificate = certificate
        self.key = key
    }

    func configuration() throws(HTTPServerError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw .badCertificate(file: certificate, reason: "\(error)")
        }
        guard !chain.isEmpty else { throw .badCertificate(file: certificate, reason: "it holds no certificate") }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        } catch {
            throw .badCertificate(file: key, reason: "\(error)")
        }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                        privateKey: .privateKey(privateKey))
    }
}
