import ArgumentParser
import BotRuntime
import BotScript
import ConformJSON
import Foundation
import JSEngine
import Recording
import Replay
import WebimChannel
import WebimProtocol

/// `conform record --bot PATH --script FILE`: make a strict recording by playing a scripted Webim
/// conversation against a local bot, in process.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a Webim conversation with a local JAICP bot into a replayable recording.",
        discussion: """
            Plays a conversation script (YAML: open, prechat, say, click, file, wait steps) as Webim would send
            it, through conform's Webim channel adapter and JAICP runtime, and writes every exchange plus each
            turn's expectations (state, session, client, replies, random draws) to a recording.
            (The live recording proxy between a real Webim and a deployed bot is not part of this build.)

            Examples:
              conform record --bot Recordings/bots/demo --script chats/order.yaml --out Recordings/demo/order.json
            """)

    @Option(help: ArgumentHelp("The JAICP project (the folder holding chatbot.yaml).", valueName: "PATH"))
    var bot: String

    @Option(help: ArgumentHelp("The conversation script (YAML).", valueName: "FILE"))
    var script: String

    @Option(help: ArgumentHelp("Where to write the recording (default: Recordings/<script name>.json).", valueName: "FILE"))
    var out: String?

    @Option(name: .customLong("channel-type"), help: ArgumentHelp("$request.channelType the bot sees: webim or webim2.",
                                                                 valueName: "TYPE"))
    var channelType: String = "webim"

    @OptionGroup var botModules: BotModuleOptions

    func run() throws {
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
        let project: BotProject
        do {
            project = try ProjectLoader(modules: botModules.modules()).load(at: bot)
        } catch {
            emitError("error: \(error)")
            throw ExitCode(2)
        }
        let compiled = CompiledBot(project: project)
        let errors = compiled.allDiagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            emitError("error: the bot has errors (run `conform check \(bot)`):\n" + errors.prefix(5).map(\.description).joined(separator: "\n"))
            throw ExitCode(2)
        }
        let stem = ((script as NSString).lastPathComponent as NSString).deletingPathExtension
        let destination = out ?? "Recordings/\(stem).json"
        let outputFolder = URL(fileURLWithPath: destination).standardizedFileURL.deletingLastPathComponent()
        let reference = Self.relativePath(from: outputFolder.path, to: URL(fileURLWithPath: bot).standardizedFileURL.path)
        var channel = WebimChannelConfiguration()
        channel.channelType = channelType
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
