import BotRuntime
import ConformJSON
import Foundation
import JSEngine
import OrderedCollections
import Recording
import WebimChannel
import WebimProtocol

/// Local-bot recording without a network: plays a `ConversationScript` as Webim would, through the
/// channel adapter and conform's runtime, in process, and writes down every exchange plus what the
/// wire cannot show (`expect`: state, session, client, replies; the random draws). The result can be
/// replayed strictly.
public struct ScriptRecorder {
    public var bot: CompiledBot
    /// `source.bot`: the project's path relative to where the recording will be written.
    public var botReference: String?
    public var channel: WebimChannelConfiguration
    public var options: RuntimeOptions
    public var tool: String

    public init(bot: CompiledBot, botReference: String?, channel: WebimChannelConfiguration = WebimChannelConfiguration(),
                options: RuntimeOptions = RuntimeOptions(), tool: String) {
        self.bot = bot
        self.botReference = botReference
        self.channel = channel
        self.options = options
        self.tool = tool
    }

    public enum Failure: Error, CustomStringConvertible {
        case script(ConversationScript.Problem)
        case noSuchButton(step: Int, text: String, offered: [String])
        case botFailed(step: Int, reason: String)

        public var description: String {
            switch self {
            case .script(let problem): "the conversation script is invalid: \(problem)"
            case .noSuchButton(let step, let text, let offered):
                "steps[\(step)]: the bot offered no button \"\(text)\"" + (offered.isEmpty ? " (no keyboard was shown)" : " (it offered: \(offered.joined(separator: ", ")))")
            case .botFailed(let step, let reason): "steps[\(step)]: the bot's turn failed: \(reason)"
            }
        }
    }

    public func record(_ script: ConversationScript, engine: JSEngine) throws(Failure) -> JSONValue {
        var chat = InProcessChat(bot: bot, engine: engine, channel: channel, options: options,
                                 dialect: script.dialect, chatID: script.chatID, visitorID: script.visitorID,
                                 visitorFields: script.visitorFields, location: script.location,
                                 start: script.start.flatMap(RecordingTime.milliseconds) ?? 1_764_064_800_000)
        for (index, step) in script.steps.enumerated() {
            let turn: InProcessChat.Turn?
            do {
                turn = try chat.send(step)
            } catch {
                throw .noSuchButton(step: index, text: error.text, offered: error.offered)
            }
            if let error = turn?.outcome.turn?.error { throw .botFailed(step: index, reason: error.description) }
        }
        return chat.document(name: script.name, tool: tool, botReference: botReference)
    }
}
