import BotRuntime
import ConformJSON
import Foundation
import Hummingbird
import Synchronization
import WebimChannel
import WebimProtocol

/// `conform serve`: a JAICP bot behind a Webim webhook over HTTP.
///
/// - `POST /`, `/v1`, `/v2`: the webhook (the path suffix can tell the dialect). The body is read up
///   to the channel's limit (413 past it), the turn runs on the bot's own thread (`BotHost`), and the
///   answer is the channel's: `{"result": "ok"}` (bot-api-2), the reply (bot-api-1), or a 4xx JSON
///   error naming the field. bot-api-2 calls then go to Webim (or the log) in order, per chat.
/// - `GET /health`: `{"status": "ok", "bot": name, "chats": open chats}`.
///
/// ```swift
/// let endpoint = try await WebhookEndpoint.start(bot: compiled, settings: ServeSettings(listen: ListenAddress(host: "127.0.0.1", port: 0)))
/// endpoint.address.port   // where Webim should post
/// await endpoint.stop()
/// ```
public final class WebhookEndpoint: Sendable {
    public let host: BotHost
    public let delivery: CallDelivery
    private let server: HTTPServer

    public var address: ListenAddress { server.address }

    private init(host: BotHost, delivery: CallDelivery, server: HTTPServer) {
        self.host = host
        self.delivery = delivery
        self.server = server
    }

    public static let webhookPaths: Set<String> = ["/", "/v1", "/v2", "/v1/", "/v2/"]

    /// `/v3`, `/v10/`: a version conform does not speak reaches the channel, which refuses it by name
    /// (400 `unknown_dialect`, docs/webim-mapping.md) rather than as a path with nothing there.
    static func isVersionPath(_ path: String) -> Bool {
        var rest = Substring(path)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard rest.hasPrefix("/v") else { return false }
        let digits = rest.dropFirst(2)
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    public static func start(bot: CompiledBot, settings: ServeSettings) async throws(HTTPServerError) -> WebhookEndpoint {
        let log = settings.log
        let delivery = CallDelivery(destination: settings.destination, log: log, logSuccess: settings.logSentCalls)
        let host = BotHost(bot: bot, channel: settings.channel, options: settings.runtime, idleTimeout: settings.idleTimeout,
                           director: settings.director) { served in
            log(served.logLine)
            if let chatID = served.chatID { delivery.deliver(served.calls, chat: chatID) }
        }
        let limit = settings.channel.maxBodyBytes
        let secret = settings.webhookSecret
        let server: HTTPServer
        do {
            server = try await HTTPServer.start(listen: settings.listen, tls: settings.tls,
                                                handleSignals: settings.handleSignals) { request, _ in
                await respond(to: request, host: host, limit: limit, secret: secret, log: log)
            }
        } catch {
            await host.shutdown()
            await delivery.drain()
            throw error
        }
        return WebhookEndpoint(host: host, delivery: delivery, server: server)
    }

    /// Waits until the server stops (SIGINT or SIGTERM when `handleSignals`), then finishes the
    /// calls still queued and releases the bot.
    public func wait() async throws {
        do {
            try await server.wait()
        } catch {
            await finish()
            throw error
        }
        await finish()
    }

    /// Stops listening, finishes the queued calls and releases the bot.
    /// Stops serving and ends the bot's thread; a second call does nothing (a job sent to the ended
    /// thread would never run).
    public func stop() async {
        guard stopped.exchange(true, ordering: .acquiringAndReleasing) == false else { return }
        await server.stop()
        await finish()
    }
    private let stopped = Atomic<Bool>(false)

    private func finish() async {
        await delivery.drain()
        await host.shutdown()
    }

    static func respond(to request: Request, host: BotHost, limit: Int, secret: WebhookSecret?, log: LineLog) async -> Response {
        let method = request.method.rawValue
        let path = request.uri.path
        if path == "/health" {
            guard method == "GET" || method == "HEAD" else {
                return HTTPMessages.json(405, ["error": "method_not_allowed", "desc": "GET /health tells whether the server is up"])
            }
            return HTTPMessages.json(200, ["status": "ok", "bot": .string(host.botName),
                                           "chats": .number(JSONNumber(await host.chatCount))])
        }
        if let secret {
            let target = path + (request.uri.query.map { "?" + $0 } ?? "")
            guard secret.admits(target: target, authorization: request.headers[.authorization]) else {
                log("\(method) \(path) · 401: no webhook secret")
                return HTTPMessages.json(401, ["error": "unauthorized", "desc": .string(WebhookSecret.refusal)])
            }
        }
        guard webhookPaths.contains(path) || isVersionPath(path) else {
            return HTTPMessages.json(404, ["error": "not_found",
                                           "desc": .string("nothing at \(path): Webim posts webhooks to /, /v1 or /v2; GET /health tells whether the server is up")])
        }
        guard method == "POST" else { return refuse(.methodNotAllowed(method), method: method, path: path, log: log) }
        let body: [UInt8]
        switch await HTTPMessages.body(of: request, limit: limit) {
        case .bytes(let bytes): body = bytes
        case .tooLarge(let bytes):
            return refuse(.badRequest(.bodyTooLarge(bytes: bytes, limit: limit)), method: method, path: path, log: log)
        case .unreadable(let reason):
            log("\(method) \(path) · the body could not be read: \(reason)")
            return HTTPMessages.json(400, ["error": "unreadable_body", "desc": .string("the body could not be read: \(reason)")])
        }
        let served = await host.handle(WebhookRequest(method: method, path: path, headers: HTTPMessages.headers(of: request),
                                                      body: body))
        return HTTPMessages.json(served.response.status, served.response.body)
    }

    private static func refuse(_ error: WebimChannelError, method: String, path: String, log: LineLog) -> Response {
        let served = ServedWebhook(refused: error, method: method, path: path)
        log(served.logLine)
        return HTTPMessages.json(served.response.status, served.response.body)
    }
}

/// How `conform serve` runs.
public struct ServeSettings: Sendable {
    public var listen: ListenAddress
    /// The adapter: channel type, forced dialect, body limit, pre-chat separator.
    public var channel: WebimChannelConfiguration
    public var runtime: RuntimeOptions
    public var destination: CallDestination
    /// Seconds after which a chat without webhooks is forgotten.
    public var idleTimeout: TimeInterval?
    /// Shut down gracefully on SIGINT/SIGTERM (commands; tests stop the endpoint themselves).
    public var handleSignals: Bool
    public var log: LineLog
    /// Also log each call Webim accepted.
    public var logSentCalls: Bool
    /// Serve HTTPS with this certificate and key.
    public var tls: TLSFiles?
    /// Refuse webhooks (401) that do not carry this shared secret.
    public var webhookSecret: WebhookSecret?
    /// Decides each turn's clock, draws and `$http` answers (replay over HTTP); nil for a live server.
    public var director: (any TurnDirector)?

    public init(listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 8080),
                channel: WebimChannelConfiguration = WebimChannelConfiguration(), runtime: RuntimeOptions = RuntimeOptions(),
                destination: CallDestination = .log, idleTimeout: TimeInterval? = 24 * 3600, handleSignals: Bool = false,
                log: LineLog = .standardOutput, logSentCalls: Bool = false, tls: TLSFiles? = nil,
                webhookSecret: WebhookSecret? = nil, director: (any TurnDirector)? = nil) {
        self.tls = tls
        self.webhookSecret = webhookSecret
        self.listen = listen
        self.channel = channel
        self.runtime = runtime
        self.destination = destination
        self.idleTimeout = idleTimeout
        self.handleSignals = handleSignals
        self.log = log
        self.logSentCalls = logSentCalls
        self.director = director
    }
}
