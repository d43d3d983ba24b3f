import ArgumentParser
import BotRuntime
import BotScript
import ConformJSON
import Foundation
import JSEngine
import Recorder
import Recording
import Replay
import WebimChannel
import WebimProtocol
import WebimServer

/// `conform record`: the recording proxy between Webim and a bot, or (`--script`) a scripted
/// conversation with a local bot recorded in process.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record Webim ⇄ bot exchanges into replayable recordings.",
        discussion: """
            Proxy mode: Webim (or `conform simulate`) posts webhooks to --listen;
            each is forwarded unchanged to the bot (--upstream URL, or conform's own
            runtime with --bot PATH) and its answer returned unchanged. With
            --webim-api, a second listener (--api-listen) is the bot's Webim API
            base URL: calls are forwarded to the real Webim and recorded with the
            chat and turn they belong to. One recording per chat under --out,
            written when the bot closes the chat, after --idle seconds without
            traffic, and on SIGINT/SIGTERM; every exchange is in the chat's
            journal (--out/.journal/) before it is answered, and journals left by
            a crash become recordings on the next start. Secrets (credential
            headers, URL passwords, token-like query parameters, every --secret
            and $CONFORM_SECRETS value, conform.yaml `redact:`) never reach a file.
            With --bot, recordings also get each turn's expectations and random
            draws (strict replay) and the bot's own $http exchanges (made for real,
            10 s each unless the script sets `timeout`; served back by replay), and
            without --webim-api the bot's calls are answered in process as Webim
            answers them.

            Script mode (--bot with --script): plays a YAML conversation script in
            process and writes one strict recording.

            Examples:
              conform record --upstream https://bot.example.com/webim --listen 0.0.0.0:8090 \\
                --webim-api https://acct.webim.ru --out Recordings/live --secret "$WEBIM_PASSWORD"
              conform record --bot Recordings/bots/demo --out Recordings/demo
              conform record --bot Recordings/bots/demo --script chats/order.yaml --out Recordings/demo/order.json
            """)

    @Option(help: ArgumentHelp("The JAICP project to record against (conform's runtime).",
                               discussion: "Example: --bot Recordings/bots/demo", valueName: "PATH"))
    var bot: String?

    @Option(help: ArgumentHelp("A deployed bot's webhook URL: webhooks are forwarded there.",
                               discussion: "Example: --upstream https://bot.example.com/webim", valueName: "URL"))
    var upstream: String?

    @Option(help: ArgumentHelp("Script mode: a conversation script (YAML) played in process.",
                               discussion: "Example: --script Recordings/scripts/transfer-to-agent.yaml", valueName: "FILE"))
    var script: String?

    @Option(help: ArgumentHelp("Where recordings go: a folder (proxy mode; default Recordings/<suite>) or a file (script mode).",
                               discussion: "Example: --out Recordings/live", valueName: "PATH"))
    var out: String?

    @Option(help: ArgumentHelp("The suite's name: the default output folder Recordings/<suite>.",
                               discussion: "Example: --suite checkout", valueName: "NAME"))
    var suite: String?

    @Option(help: ArgumentHelp("Where Webim's webhooks arrive.", discussion: "Example: --listen 0.0.0.0:8090", valueName: "HOST:PORT"))
    var listen: String = "127.0.0.1:8090"

    @Option(name: .customLong("webim-api"),
            help: ArgumentHelp("The real Webim API the bot's calls are forwarded to (enables --api-listen).",
                               discussion: "Example: --webim-api https://acct.webim.ru", valueName: "URL"))
    var webimAPI: String?

    @Option(name: .customLong("api-listen"), help: ArgumentHelp("Where the bot sends its Webim API calls.",
                                                               discussion: "Example: --api-listen 0.0.0.0:8091", valueName: "HOST:PORT"))
    var apiListen: String = "127.0.0.1:8091"

    @Option(help: ArgumentHelp("With --bot and --webim-api: the bot's Webim API token (default: $WEBIM_TOKEN); never recorded.",
                               discussion: "Example: --token 5d41402abc4b2a76b9719d911017c592", valueName: "TOKEN"))
    var token: String?

    @Option(help: ArgumentHelp("Seconds without traffic after which a chat's recording is written.",
                               discussion: "Example: --idle 120", valueName: "SECONDS"))
    var idle: Double = 600

    @Option(name: .customLong("upstream-timeout"),
            help: ArgumentHelp("Seconds the bot or Webim may take to answer (then 504).",
                               discussion: "Example: --upstream-timeout 60", valueName: "SECONDS"))
    var upstreamTimeout: Double = 30

    @OptionGroup var redaction: RedactionOptions

    @OptionGroup var account: WebimAccountOptions

    @OptionGroup var botRef: BotRefOption

    @OptionGroup var exposure: ExposureOptions

    @Option(name: .customLong("history-path"),
            help: ArgumentHelp("With --upstream and the admin login: the stored-data API method that returns a chat's messages.",
                               discussion: "{chat} is replaced by the chat id.\nExample: --history-path \"/api/v1/chat?id={chat}\"",
                               valueName: "PATH"))
    var historyPath: String = ChatHistorySource.defaultPath

    @OptionGroup var answers: WebimAnswerOptions

    @Option(name: .customLong("channel-type"), help: ArgumentHelp("$request.channelType the bot sees: webim or webim2.",
                                                                 discussion: "Example: --channel-type webim2", valueName: "TYPE"))
    var channelType: String = "webim"

    @Option(help: ArgumentHelp("The Webim dialect: auto (per request), bot-api-1 or bot-api-2.",
                               discussion: "Example: --dialect bot-api-2", valueName: "DIALECT"))
    var dialect: String = "auto"

    @Option(help: ArgumentHelp("environment.timezone written into the recordings.",
                               discussion: "Example: --timezone Europe/Moscow", valueName: "ZONE"))
    var timezone: String?

    @Flag(name: .customLong("no-bot-http"),
          help: ArgumentHelp("With --bot: the bot's $http calls fail unanswered instead of reaching the services they name.",
                             discussion: "Example: conform record --bot Recordings/bots/demo --no-bot-http"))
    var noBotHTTP = false

    @Flag(name: .shortAndLong,
          help: ArgumentHelp("No live status line; only recordings written and errors.",
                             discussion: "Example: conform record --bot Recordings/bots/demo --out Recordings/demo --quiet"))
    var quiet = false

    @OptionGroup var botModules: BotModuleOptions

    func run() async throws {
        if let script {
            guard let bot else {
                emitError("error: --script plays a conversation against a local bot: add --bot PATH")
                throw ExitCode(2)
            }
            try recordScript(script, bot: bot)
            return
        }
        try await proxy()
    }

    // MARK: Proxy mode

    func proxy() async throws {
        let signals = TerminationSignals()
        let (listenAddress, apiAddress) = try addresses()
        guard (bot == nil) != (upstream == nil) else {
            emitError("error: name the bot to record: --upstream URL (a deployed bot) or --bot PATH (conform's runtime), not both")
            throw ExitCode(2)
        }
        guard idle > 0, upstreamTimeout > 0 else {
            emitError("error: --idle and --upstream-timeout must be more than 0 seconds")
            throw ExitCode(2)
        }
        var webimAPI = self.webimAPI
        if webimAPI == nil { webimAPI = try account.account()?.baseURL }
        for (name, url) in [("--upstream", upstream), ("--webim-api", webimAPI)] {
            if let url, !Self.isHTTPURL(url) {
                emitError("error: \(name) expects an http(s) URL such as https://acct.webim.ru, got '\(Redactor().url(url))'")
                throw ExitCode(2)
            }
        }
        var channel = try WebimChannelConfiguration.fromOptions(channelType: channelType, dialect: dialect)
        try answers.apply(to: &channel)

        let upstreamSetting: RecorderSettings.Upstream
        let folder: String
        let environment = ProcessInfo.processInfo.environment
        let botToken = token ?? environment["WEBIM_TOKEN"]
        var revision: BotRevision?
        defer { revision?.remove() }
        if let bot {
            revision = try botRef.checkout(bot)
            let compiled = try botModules.compile(revision?.projectPath ?? bot, shownAs: bot)
            folder = out ?? "Recordings/\(suite ?? Self.slug(compiled.project.config.name ?? "local"))"
            let absoluteFolder = URL(fileURLWithPath: folder).standardizedFileURL.path
            let reference = Self.relativePath(from: absoluteFolder, to: URL(fileURLWithPath: bot).standardizedFileURL.path)
            upstreamSetting = .localBot(compiled, reference: reference)
        } else {
            folder = out ?? "Recordings/\(suite ?? "live")"
            upstreamSetting = .url(upstream!)
        }

        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let credentials = account.credentials
        let redactor = try redaction.redactor(for: folder, extra: [botToken, credentials.email, credentials.password,
                                                                   exposure.secret?.value])

        let live = !quiet && isatty(STDERR_FILENO) == 1
        let log = LineLog { line in
            let text = (live ? "\r\u{1B}[K" : "") + ServeCommand.timestamp() + " " + line + "\n"
            try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        }
        var runtime = RuntimeOptions()
        runtime.turnTimeLimit = 2
        // A deployed bot answers bot-api-2 chats from elsewhere: read what it said from Webim's history.
        var history: ChatHistorySource?
        if upstream != nil, let email = credentials.email, let password = credentials.password, !email.isEmpty, !password.isEmpty {
            guard let base = webimAPI, let historyAccount = try? WebimAccount(base) else {
                emitError("error: the Webim admin login is given but no account: add --domain (e.g. --domain examplecom)")
                throw ExitCode(2)
            }
            history = ChatHistorySource(account: historyAccount, login: WebimAdminLogin(email: email, password: password),
                                        pathTemplate: historyPath)
        }
        var settings = RecorderSettings(
            listen: listenAddress, upstream: upstreamSetting, webimAPI: webimAPI, apiListen: apiAddress,
            localBotToken: botToken, out: folder, idle: idle, upstreamTimeout: .milliseconds(Int(upstreamTimeout * 1000)),
            redactor: redactor, channel: channel, runtime: runtime, tool: "conform \(ConformVersion.current)",
            timezone: timezone, log: log, tls: try exposure.tls(), webhookSecret: exposure.secret, history: history)
        if noBotHTTP { settings.botHTTPTimeout = nil }
        let recorder: Recorder
        do {
            recorder = try await Recorder.start(settings)
        } catch {
            emitError("error: \(error)")
            throw ExitCode(1)
        }
        let botDescription = "conform's runtime (\(bot ?? "")" + (revision.map { " at \($0.ref), \($0.commit)" } ?? "") + ")"
        log("recording to \(folder)/ · webhooks: \(exposure.tlsCert == nil ? "http" : "https")://\(recorder.webhookAddress)/ → \(redactor.url(upstream ?? botDescription))")
        if let api = recorder.apiAddress, let webimAPI {
            log("bot API: http://\(api)/api/bot/v2/<method> → \(redactor.url(webimAPI)) (set it as the bot's Webim API base URL)")
        } else if bot != nil {
            log("no --webim-api: the bot's calls are answered in process ({\"result\": \"ok\"}) and recorded")
        }
        if let history {
            log("each finished chat's messages are read from \(history.account.baseURL)\(history.pathTemplate) as \(history.login)")
        }

        let status = recorder.status
        let ticker: Task<Void, Never>? = live ? Task {
            while !Task.isCancelled {
                try? FileHandle.standardError.write(contentsOf: Data(("\r\u{1B}[K" + status.line).utf8))
                try? await Task.sleep(for: .milliseconds(500))
            }
        } : nil
        await signals.wait()
        ticker?.cancel()
        if live { try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8)) }
        log("stopping: answering requests in flight, writing open chats")
        await recorder.stop()
        let counts = recorder.status.snapshot
        log("stopped · \(counts.turns) turns · \(counts.calls) calls · \(counts.recordingsWritten + recorder.recovered.count) recordings written"
            + (counts.failedExchanges > 0 ? " · \(counts.failedExchanges) exchanges NOT recorded" : ""))
        if counts.failedExchanges > 0 { throw ExitCode(1) }
    }

    private func addresses() throws -> (ListenAddress, ListenAddress) {
        guard let listenAddress = ListenAddress(listen) else {
            emitError("error: --listen expects HOST:PORT (e.g. 127.0.0.1:8090), got '\(listen)'")
            throw ExitCode(2)
        }
        guard let apiAddress = ListenAddress(apiListen) else {
            emitError("error: --api-listen expects HOST:PORT (e.g. 127.0.0.1:8091), got '\(apiListen)'")
            throw ExitCode(2)
        }
        return (listenAddress, apiAddress)
    }

    static func isHTTPURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return ["http", "https"].contains(scheme) && url.host != nil
    }

    /// `Shop Assistant` → `shop-assistant`.
    static func slug(_ name: String) -> String {
        let kept = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let joined = String(kept).split(separator: "-").joined(separator: "-")
        return joined.isEmpty ? "local" : joined
    }

    // MARK: Script mode

    func recordScript(_ script: String, bot: String) throws {
        let scriptText: String
        do {
            scriptText = try String(contentsOfFile: script, encoding: .utf8)
        } catch {
            emitError("error: \(script) cannot be read: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let conversation: ConversationScript
        do {
            conversation = try ConversationScript(json: YAMLConversion.parse(scriptText))
        } catch {
            emitError("error: \(script): \(error)")
            throw ExitCode(2)
        }
        let compiled = try botModules.compile(bot)
        let stem = ((script as NSString).lastPathComponent as NSString).deletingPathExtension
        let destination = out ?? "Recordings/\(stem).json"
        let outputFolder = URL(fileURLWithPath: destination).standardizedFileURL.deletingLastPathComponent()
        let reference = Self.relativePath(from: outputFolder.path, to: URL(fileURLWithPath: bot).standardizedFileURL.path)
        var channel = WebimChannelConfiguration()
        channel.channelType = channelType
        try answers.apply(to: &channel)
        let recorder = ScriptRecorder(bot: compiled, botReference: reference, channel: channel,
                                      tool: "conform \(ConformVersion.current)")
        do {
            let document = try recorder.record(conversation, engine: JSEngine())
            try RecordingWriter.write(document, to: destination)
            emit("recorded \(document["turns"]?.arrayValue?.count ?? 0) turns to \(destination)")
        } catch {
            emitError("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// `to` relative to the folder `from` (`../bots/demo`).
    static func relativePath(from folder: String, to target: String) -> String {
        let a = folder.split(separator: "/")
        let b = target.split(separator: "/")
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: a.count - common)
        let rest = b[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}

/// SIGINT and SIGTERM, caught from the moment this is made (so a signal during start-up is not
/// lost) until `wait()` sees one.
final class TerminationSignals: @unchecked Sendable {  // immutable after init
    private let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init() {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let queue = DispatchQueue(label: "conform.signals")
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        self.stream = stream
    }

    func wait() async {
        for await _ in stream { return }
    }
}
