import ArgumentParser
import BotScript
import ConformJSON
import Foundation
import WebimProtocol
import WebimServer

/// `conform simulate --webhook URL --script FILE`: Webim's side, played from conversation scripts.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Play scripted Webim conversations against a bot's webhook and print the transcripts.",
        discussion: """
            A Webim simulator. Each conversation script (YAML: open, prechat, say,
            click, file, wait steps; dialect, chat and visitor at the top) is sent
            as the webhooks a real Webim sends, with its headers (X-Bot-API-Version,
            X-Webim-Version). The bot's bot-api-2 calls are served at --listen as
            POST /api/bot/v2/<method>, checked against the protocol and answered as
            Webim does: {"result": "ok"}, 404 unknown_method or 400 bad_request.
            A step's replies are complete when no call came for --quiet seconds
            (bot-api-1: the webhook's answer). `click:` presses the button with that
            text on the bot's last keyboard. Scripts play at once, each in its chat.

            Exit status: 0 when every script completed; 1 when a step failed (no such
            button, no reply within --timeout, an HTTP error, a call that breaks the
            protocol); 2 for usage errors.

            Examples:
              conform simulate --webhook http://127.0.0.1:8080/ \\
                --script Recordings/scripts/greeting-and-menu.yaml
              conform simulate --webhook http://127.0.0.1:8080/ --wait-scale 0 \\
                --script a.yaml --script b.yaml
              conform simulate --webhook https://bot.example.com/webim \\
                --listen 0.0.0.0:8081 --token secret --script chat.yaml
            """)

    @Option(help: ArgumentHelp("The bot's webhook URL.", discussion: "Example: --webhook http://127.0.0.1:8080/", valueName: "URL"))
    var webhook: String

    @Option(help: ArgumentHelp("A conversation script (YAML); repeat for several, played at once.",
                               discussion: "Example: --script chats/order.yaml --script chats/refund.yaml",
                               valueName: "FILE"))
    var script: [String] = []

    @Option(help: ArgumentHelp("Where the simulated Webim bot API listens (the bot's --webim-api).",
                               discussion: "Example: --listen 0.0.0.0:8081", valueName: "HOST:PORT"))
    var listen: String = "127.0.0.1:8081"

    @Option(help: ArgumentHelp("Seconds to wait for the bot's replies to a step.", discussion: "Example: --timeout 30",
                               valueName: "SECONDS"))
    var timeout: Double = 10

    @Option(help: ArgumentHelp("bot-api-2: a step's replies are complete after this many seconds without a call.",
                               discussion: "Example: --quiet 1.5", valueName: "SECONDS"))
    var quiet: Double = 0.5

    @Option(name: .customLong("wait-scale"),
            help: ArgumentHelp("Multiply `wait:` pauses by this (0: no pauses).", discussion: "Example: --wait-scale 0.1",
                               valueName: "FACTOR"))
    var waitScale: Double = 1

    @Option(help: ArgumentHelp("Require `Authorization: Token TOKEN` on the bot's calls.",
                               discussion: "Example: --token 5d41402abc4b2a76b9719d911017c592", valueName: "TOKEN"))
    var token: String?

    @Option(help: ArgumentHelp("The Webim account to play: its domain (examplecom for https://examplecom.webim.ru) or address; `file:` URLs given as a path are made absolute on it.",
                               discussion: "Example: --domain examplecom", valueName: "DOMAIN"))
    var domain: String?

    @Option(help: ArgumentHelp("Serve the chat history (GET /api/v2/chat?id=…) to this admin email (default: $WEBIM_EMAIL).",
                               discussion: "Example: --email admin@example.com", valueName: "EMAIL"))
    var email: String?

    @Option(help: ArgumentHelp("… and this admin password (default: $WEBIM_PASSWORD).",
                               discussion: "Example: --email admin@example.com --password hunter2", valueName: "PASSWORD"))
    var password: String?

    func run() async throws {
        let account = try WebimAccountOptions.account(domain)
        let environment = ProcessInfo.processInfo.environment
        var historyLogin: WebimAdminLogin?
        if let email = email ?? environment["WEBIM_EMAIL"], let password = password ?? environment["WEBIM_PASSWORD"] {
            historyLogin = WebimAdminLogin(email: email, password: password)
        }
        guard !script.isEmpty else { try usage("give at least one --script FILE") }
        guard let address = ListenAddress(listen) else { try usage("--listen expects HOST:PORT (e.g. 127.0.0.1:8081), got '\(listen)'") }
        guard let url = URL(string: webhook), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            try usage("--webhook expects an http(s) URL such as http://127.0.0.1:8080/, got '\(webhook)'")
        }
        guard timeout > 0, quiet > 0, waitScale >= 0 else { try usage("--timeout and --quiet must be more than 0, --wait-scale at least 0") }

        var scripts: [(name: String, script: ConversationScript)] = []
        for file in script {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                try usage("\(file) cannot be read: \(error.localizedDescription)")
            }
            do {
                var parsed = try ConversationScript(json: YAMLConversion.parse(text))
                if let account { parsed = parsed.locatingFiles(on: account) }
                let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                scripts.append((parsed.name ?? stem, parsed))
            } catch {
                try usage("\(file): \(error)")
            }
        }
        let shared = Simulation.sharedChats(scripts.map(\.script))
        guard shared.isEmpty else {
            try usage("several scripts use chat \(shared.map(\.text).joined(separator: ", ")): give each script its own `chat:` (calls are told apart by chat_id)")
        }

        let simulation: Simulation
        do {
            simulation = try await Simulation.start(api: address, token: token, historyLogin: historyLogin)
        } catch {
            emitError("error: \(error)")
            throw ExitCode(1)
        }
        emit("Webim bot API simulated at \(simulation.apiURL)/api/bot/v2/<method>" + (account.map { " as \($0.baseURL)" } ?? "")
             + " · webhook \(webhook)")
        let timing = SimulationTiming(timeout: .milliseconds(Int(timeout * 1000)), quietPeriod: .milliseconds(Int(quiet * 1000)),
                                      waitScale: waitScale)
        // One script: its lines as they happen. Several: each transcript whole, as it completes.
        let live = scripts.count == 1
        if live { emit("\n" + Self.header(scripts[0])) }
        let results = await simulation.play(
            scripts, webhook: webhook, timing: timing,
            onLine: { _, line in if live { emit("  " + line) } },
            onResult: { _, result in
                if live {
                    emit(result.summary)
                } else {
                    emit("\n" + ([result.header] + result.lines.map { "  " + $0 } + [result.summary]).joined(separator: "\n"))
                }
            })
        let strays = simulation.inbox.unattributed
        await simulation.stop()
        if !strays.isEmpty {
            emit("\n\(strays.count) call\(strays.count == 1 ? "" : "s") named no chat a script had open:")
            for call in strays.prefix(20) { emit("  \(call.status) \(call.line)") }
        }
        let failed = results.filter { !$0.completed }.count
        emit("\n\(results.count - failed) of \(results.count) script\(results.count == 1 ? "" : "s") completed")
        if failed > 0 { throw ExitCode(1) }
    }

    static func header(_ entry: (name: String, script: ConversationScript)) -> String {
        "── \(entry.name) · chat \(entry.script.chatID.text) · \(entry.script.dialect)"
    }

    private func usage(_ message: String) throws -> Never {
        emitError("error: \(message)")
        throw ExitCode(2)
    }
}
