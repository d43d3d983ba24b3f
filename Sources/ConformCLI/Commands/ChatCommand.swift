import ArgumentParser
import BotRuntime
import BotScript
import ConformJSON
import Foundation
import JSEngine
import LocalChat
import Recorder
import Recording
import WebimChannel
import WebimProtocol

/// `conform chat`: talk to a local bot in the terminal as a Webim visitor. The conversation logic is
/// `LocalChat.VisitorChat`; this is the terminal loop around it.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to a local bot as a Webim visitor, in the terminal.",
        discussion: """
            Each line you type becomes the webhook Webim would send, run through
            conform's Webim channel adapter and the bot's scripts in process. The
            bot's messages come back with buttons numbered (type the number to
            press one), transfers and closes as events, then the state and the
            $session changes. The first message opens the chat (as a pre-chat
            message). Commands: /open, /prechat A | B, /say TEXT, /file URL
            [NAME], /wait SECONDS, /state, /session, /help, /close (or Ctrl-D).
            When stdin is not a terminal, each line of input is one visitor
            action and the output is plain lines, without prompts or colour.
            The bot's $http calls reach the services they name, as on JAICP
            (--no-bot-http keeps it offline); with --record they are recorded
            and replay serves them back.

            Examples:
              conform chat --bot Recordings/bots/demo
              conform chat --bot BOT --prechat hello --prechat "where is my order"
              conform chat --bot Recordings/bots/demo --record Recordings/demo/my-chat.json
              printf 'hello\\n2\\nbye\\n' | conform chat --bot Recordings/bots/demo
            """)

    @Option(help: ArgumentHelp("The JAICP project to talk to (conform's runtime).",
                               discussion: "Example: --bot Recordings/bots/demo", valueName: "PATH"))
    var bot: String

    @Option(help: ArgumentHelp("Open the chat with this pre-chat message (repeatable; they arrive together).",
                               discussion: "Example: --prechat hello --prechat \"where is my order\"", valueName: "TEXT"))
    var prechat: [String] = []

    @Option(help: ArgumentHelp("Save the conversation as a strict recording (rewritten after every turn).",
                               discussion: "Example: --record Recordings/demo/my-chat.json", valueName: "FILE"))
    var record: String?

    @Option(help: ArgumentHelp("The recording's name (default: the --record file's name).",
                               discussion: "Example: --name \"asks for delivery\"", valueName: "NAME"))
    var name: String?

    @Option(help: ArgumentHelp("The Webim dialect the chat speaks: bot-api-1 or bot-api-2.",
                               discussion: "Example: --dialect bot-api-1", valueName: "DIALECT"))
    var dialect: String = "bot-api-2"

    @Option(name: .customLong("channel-type"),
            help: ArgumentHelp("$request.channelType the bot sees: webim or webim2.", discussion: "Example: --channel-type webim2",
                               valueName: "TYPE"))
    var channelType: String = "webim"

    @Option(name: .customLong("visitor-field"),
            help: ArgumentHelp("A field of the visitor's pre-chat form, sent in new_chat (repeatable).",
                               discussion: "Example: --visitor-field name=Anna", valueName: "KEY=VALUE"))
    var visitorFields: [String] = []

    @Option(help: ArgumentHelp("The page the visitor opened the chat on (location.address).",
                               discussion: "Example: --location https://shop.example.com/delivery", valueName: "URL"))
    var location: String?

    @Flag(name: .customLong("no-color"),
          help: ArgumentHelp("Print without ANSI colours (also automatic when stdin or stdout is not a terminal).",
                             discussion: "Example: conform chat --bot Recordings/bots/demo --no-color"))
    var noColor = false

    @Flag(name: .customLong("no-bot-http"),
          help: ArgumentHelp("The bot's $http calls fail unanswered instead of reaching the services they name.",
                             discussion: "Example: conform chat --bot Recordings/bots/demo --no-bot-http"))
    var noBotHTTP = false

    @OptionGroup var botRef: BotRefOption

    @OptionGroup var botModules: BotModuleOptions

    @OptionGroup var turnTimeout: TurnTimeoutOption

    func run() throws {
        var settings = try chatSettings()
        // As on JAICP, the bot's $http calls are made (and recorded with --record); replay serves them back.
        let http = noBotHTTP ? nil : LiveHTTP()
        defer { http?.shutdownNow() }
        settings.http = http ?? RefusedHTTP()
        var revision: BotRevision?
        defer { revision?.remove() }
        revision = try botRef.checkout(bot)
        let compiled = try botModules.compile(revision?.projectPath ?? bot, shownAs: bot)
        let terminal = TerminalChat(interactive: isatty(STDIN_FILENO) == 1,
                                    color: !noColor && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
                                        && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        var chat = VisitorChat(bot: compiled, engine: JSEngine(), settings: settings)
        chat.clock = { Date().timeIntervalSince1970 * 1000 }

        terminal.show([ChatLine(.info, "chatting with \(compiled.project.config.name ?? bot) as a Webim visitor (\(settings.dialect))"
                                + (terminal.interactive ? " · /help lists the commands" : ""))])
        if !prechat.isEmpty { deliver(chat.handle(ChatInput.prechat(prechat)), typed: nil, chat: chat, terminal: terminal) }
        while !chat.isOver {
            guard let line = terminal.read() else {
                terminal.show(chat.handle(ChatInput.close))
                break
            }
            deliver(chat.enter(line), typed: line, chat: chat, terminal: terminal)
        }
        if let record {
            if chat.turnCount == 0 {
                emitError("nothing recorded: no message was sent")
            } else {
                emit("recorded \(chat.turnCount) turn\(chat.turnCount == 1 ? "" : "s") to \(record)"
                     + (chat.failedTurns > 0 ? " (\(chat.failedTurns) failed: replay will report them)" : ""))
            }
        }
    }

    /// Shows a turn and saves the recording so far, so an interrupted chat loses nothing.
    private func deliver(_ lines: [ChatLine], typed: String?, chat: VisitorChat, terminal: TerminalChat) {
        terminal.show(lines, typed: typed)
        guard let record, chat.turnCount > 0 else { return }
        do {
            try RecordingWriter.write(chat.recording, to: record)
        } catch {
            emitError("error: the recording cannot be written to \(record): \(error)")
        }
    }

    private func chatSettings() throws -> VisitorChat.Settings {
        let dialect = WebimDialect(dialect)
        guard dialect == .botAPI1 || dialect == .botAPI2 else {
            throw ValidationError("--dialect must be bot-api-1 or bot-api-2, got '\(self.dialect)'")
        }
        var fields = JSONValue.object([:])
        for field in visitorFields {
            guard let equals = field.firstIndex(of: "="), equals != field.startIndex else {
                throw ValidationError("--visitor-field expects KEY=VALUE (e.g. name=Anna), got '\(field)'")
            }
            fields[String(field[..<equals])] = .string(String(field[field.index(after: equals)...]))
        }
        var channel = WebimChannelConfiguration()
        channel.channelType = channelType
        var runtime = RuntimeOptions()
        runtime.turnTimeLimit = turnTimeout.seconds
        let recordingName = name ?? record.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? "chat"
        var reference: String?
        if let record {
            let folder = URL(fileURLWithPath: record).standardizedFileURL.deletingLastPathComponent().path
            reference = RecordCommand.relativePath(from: folder, to: URL(fileURLWithPath: bot).standardizedFileURL.path)
        }
        return VisitorChat.Settings(name: recordingName, dialect: dialect, channel: channel, runtime: runtime,
                                    visitorFields: visitorFields.isEmpty ? nil : fields, location: location,
                                    start: Date().timeIntervalSince1970 * 1000, tool: "conform \(ConformVersion.current)",
                                    botReference: reference)
    }
}
