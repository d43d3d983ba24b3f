import BotRuntime
import Foundation
import Recording
import WebimChannel
import WebimServer

/// How `conform record` runs.
public struct RecorderSettings: Sendable {
    /// Who answers the webhooks conform receives.
    public enum Upstream: Sendable {
        /// A deployed bot (e.g. JAICP's channel endpoint): requests are forwarded over HTTP.
        case url(String)
        /// conform's own runtime, in process; recordings get `expect` and random draws.
        /// `reference` is `source.bot`: the project relative to the output folder.
        case localBot(CompiledBot, reference: String?)
    }

    public var listen: ListenAddress
    public var upstream: Upstream
    /// The real Webim API the bot's calls are forwarded to; the API proxy listens only when set.
    public var webimAPI: String?
    public var apiListen: ListenAddress
    /// The token a local bot sends with its calls (`Authorization: Token …`); never recorded.
    public var localBotToken: String?
    /// The folder recordings are written to (journals in its `.journal/`).
    public var out: String
    /// Seconds without traffic after which a chat's recording is written.
    public var idle: TimeInterval
    public var upstreamTimeout: Duration
    public var redactor: Redactor
    /// The adapter a local bot runs behind; also `channel.type`'s `$request.channelType`.
    public var channel: WebimChannelConfiguration
    public var runtime: RuntimeOptions
    public var tool: String
    public var timezone: String?
    public var log: LineLog
    /// How often idle chats are looked for.
    public var sweepInterval: Duration
    /// Serve the webhook listener over HTTPS.
    public var tls: TLSFiles?
    /// Refuse (401, not recorded, not forwarded) webhooks without this shared secret.
    public var webhookSecret: WebhookSecret?
    /// Read each finished chat's history from Webim (deployed bots only).
    public var history: ChatHistorySource?
    /// Local-bot mode: the bot's `$http` calls reach the network (and are recorded) when set, each
    /// waiting at most this long unless the script gives its own `timeout`; nil: each fails unanswered
    /// (status -1), as a call to an unreachable service does on JAICP.
    public var botHTTPTimeout: Duration? = .seconds(10)

    public init(listen: ListenAddress, upstream: Upstream, webimAPI: String? = nil,
                apiListen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 8081), localBotToken: String? = nil,
                out: String, idle: TimeInterval = 600, upstreamTimeout: Duration = .seconds(30),
                redactor: Redactor = Redactor(), channel: WebimChannelConfiguration = WebimChannelConfiguration(),
                runtime: RuntimeOptions = RuntimeOptions(), tool: String = "conform", timezone: String? = nil,
                log: LineLog = .standardOutput, sweepInterval: Duration = .seconds(1), tls: TLSFiles? = nil,
                webhookSecret: WebhookSecret? = nil, history: ChatHistorySource? = nil) {
        self.history = history
        self.tls = tls
        self.webhookSecret = webhookSecret
        self.listen = listen
        self.upstream = upstream
        self.webimAPI = webimAPI
        self.apiListen = apiListen
        self.localBotToken = localBotToken
        self.out = out
        self.idle = idle
        self.upstreamTimeout = upstreamTimeout
        self.redactor = redactor
        self.channel = channel
        self.runtime = runtime
        self.tool = tool
        self.timezone = timezone
        self.log = log
        self.sweepInterval = sweepInterval
    }

    /// `source.upstream` of the recordings, credentials removed.
    var upstreamDescription: String {
        switch upstream {
        case .url(let url): redactor.url(url)
        case .localBot(let bot, let reference): "local bot " + (reference ?? bot.project.config.name ?? "project")
        }
    }
}
