import ArgumentParser
import BotRuntime
import BotScript
import Foundation
import WebimChannel
import WebimProtocol
import WebimServer

/// `conform serve --bot PATH`: the bot project as a Webim webhook endpoint.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a JAICP bot as a Webim webhook endpoint.",
        discussion: """
            Runs the project with conform's JAICP runtime behind conform's Webim
            channel adapter, over HTTP:
              POST /, /v1, /v2   the webhook (dialect from X-Bot-API-Version,
                                 the path, or the body)
              GET /health        {"status": "ok", "bot": NAME, "chats": OPEN}
            bot-api-1 replies are the webhook's answer. bot-api-2 replies are calls
            to Webim's bot API, sent to --webim-api with `Authorization: Token …`
            after the webhook is answered, in order per chat; without --webim-api
            they are logged instead. One log line per webhook. SIGINT/SIGTERM stop
            it cleanly (requests in flight are answered, queued calls are sent).

            Examples:
              conform serve --bot Recordings/bots/demo
              conform serve --bot Recordings/bots/demo --webim-api http://127.0.0.1:8081
              WEBIM_TOKEN=… conform serve --bot ./bot --listen 0.0.0.0:8080 \\
                --webim-api https://acct.webim.ru --channel-type webim2
            """)

    @Option(help: ArgumentHelp("The JAICP project (the folder holding chatbot.yaml).", discussion: "Example: --bot Recordings/bots/demo",
                               valueName: "PATH"))
    var bot: String

    @Option(help: ArgumentHelp("Where to listen (port 0: any free port).", discussion: "Example: --listen 0.0.0.0:8080",
                               valueName: "HOST:PORT"))
    var listen: String = "127.0.0.1:8080"

    @Option(help: ArgumentHelp("The Webim dialect: auto (per request), bot-api-1 or bot-api-2.",
                               discussion: "Example: --dialect bot-api-2", valueName: "DIALECT"))
    var dialect: String = "auto"

    @Option(name: .customLong("webim-api"),
            help: ArgumentHelp("The Webim account the bot-api-2 calls go to; without it they are logged.",
                               discussion: "Example: --webim-api https://acct.webim.ru", valueName: "URL"))
    var webimAPI: String?

    @Option(help: ArgumentHelp("The bot's Webim API token (default: $WEBIM_TOKEN).",
                               discussion: "Example: --token 5d41402abc4b2a76b9719d911017c592", valueName: "TOKEN"))
    var token: String?

    @Option(name: .customLong("webim-timeout"), help: ArgumentHelp("Seconds one call to Webim may take.",
                                                                   discussion: "Example: --webim-timeout 30", valueName: "SECONDS"))
    var webimTimeout: Double = 10

    @OptionGroup var answers: WebimAnswerOptions

    @Option(name: .customLong("channel-type"), help: ArgumentHelp("$request.channelType the bot sees: webim or webim2.",
                                                                 discussion: "Example: --channel-type webim2", valueName: "TYPE"))
    var channelType: String = "webim"

    @Option(name: .customLong("max-body-bytes"), help: ArgumentHelp("Larger webhook bodies are refused (413).",
                                                                     discussion: "Example: --max-body-bytes 4194304", valueName: "BYTES"))
    var maxBodyBytes: Int = 1 << 20

    @Option(name: .customLong("turn-timeout"), help: ArgumentHelp("CPU seconds a bot turn may use.",
                                                                  discussion: "Example: --turn-timeout 5", valueName: "SECONDS"))
    var turnTimeout: Double = 2

    @Flag(name: .shortAndLong,
          help: ArgumentHelp("Also log each call Webim accepted.",
                             discussion: "Example: conform serve --bot Recordings/bots/demo --webim-api http://127.0.0.1:8081 --verbose"))
    var verbose = false

    @Option(help: ArgumentHelp("The Webim account the calls go to: its domain (examplecom for https://examplecom.webim.ru) or address; --webim-api overrides.",
                               discussion: "Example: --domain examplecom", valueName: "DOMAIN"))
    var domain: String?

    @OptionGroup var botRef: BotRefOption

    @OptionGroup var exposure: ExposureOptions

    @OptionGroup var botModules: BotModuleOptions

    func run() async throws {
        guard let address = ListenAddress(listen) else {
            emitError("error: --listen expects HOST:PORT (e.g. 127.0.0.1:8080), got '\(listen)'")
            throw ExitCode(2)
        }
        var channel = try WebimChannelConfiguration.fromOptions(channelType: channelType, dialect: dialect)
        try answers.apply(to: &channel)
        guard maxBodyBytes > 0, webimTimeout > 0, turnTimeout > 0 else {
            emitError("error: --max-body-bytes, --webim-timeout and --turn-timeout must be more than 0")
            throw ExitCode(2)
        }
        channel.maxBodyBytes = maxBodyBytes

        var destination = CallDestination.log
        let account = try WebimAccountOptions.account(domain)
        if let webimAPI = webimAPI ?? account?.baseURL {
            guard let url = URL(string: webimAPI), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                emitError("error: --webim-api expects an http(s) URL such as https://acct.webim.ru, got '\(webimAPI)'")
                throw ExitCode(2)
            }
            let token = self.token ?? ProcessInfo.processInfo.environment["WEBIM_TOKEN"]
            destination = .webim(WebimAPIEndpoint(baseURL: webimAPI, token: token?.isEmpty == false ? token : nil,
                                                  timeout: .milliseconds(Int(webimTimeout * 1000))))
        }

        let revision = try botRef.checkout(bot)
        defer { revision?.remove() }
        let compiled = try botModules.compile(revision?.projectPath ?? bot, shownAs: bot)

        var runtime = RuntimeOptions()
        runtime.turnTimeLimit = turnTimeout
        let log = LineLog { line in emit(Self.timestamp() + " " + line) }
        let settings = ServeSettings(listen: address, channel: channel, runtime: runtime, destination: destination,
                                     handleSignals: true, log: log, logSentCalls: verbose, tls: try exposure.tls(),
                                     webhookSecret: exposure.secret)
        let endpoint: WebhookEndpoint
        do {
            endpoint = try await WebhookEndpoint.start(bot: compiled, settings: settings)
        } catch {
            emitError("error: \(error)")
            throw ExitCode(1)
        }
        let name = compiled.project.config.name ?? bot
        log("serving \(name)" + (revision.map { " at \($0.ref) (\($0.commit))" } ?? "")
            + " on \(settings.tls == nil ? "http" : "https")://\(endpoint.address)/ (webhook: POST / /v1 /v2 · health: GET /health)")
        switch destination {
        case .log:
            log("no --webim-api: bot-api-2 calls are logged, not sent")
        case .webim(let endpoint):
            log("bot-api-2 calls go to \(endpoint.baseURL)/api/bot/v2/<method>"
                + (endpoint.token == nil ? " without a token (set --token or WEBIM_TOKEN)" : " with the token"))
        }
        do {
            try await endpoint.wait()
        } catch {
            emitError("error: \(error)")
            throw ExitCode(1)
        }
        log("stopped")
    }

    static func timestamp() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
