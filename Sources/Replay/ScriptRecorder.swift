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
        var builder = WebhookBuilder(dialect: script.dialect, chatID: script.chatID, visitorID: script.visitorID,
                                     visitorFields: script.visitorFields, location: script.location)
        var options = self.options
        options.seed = RecordingReplayer.seed(script.name ?? "recording")
        var adapter = WebimChannel(configuration: channel) { _ in try Conversation(bot: bot, engine: engine, options: options) }
        var clock = script.start.flatMap(RecordingTime.milliseconds) ?? 1_764_064_800_000
        var turns: [JSONValue] = []
        var keyboard: [(id: String, text: String)] = []
        var keyboardMessageID: String?

        for (index, step) in script.steps.enumerated() {
            let body: JSONValue
            switch step {
            case .wait(let seconds):
                clock += seconds * 1000
                continue
            case .open: body = builder.newChat()
            case .prechat(let texts): body = builder.newChat(messages: texts)
            case .say(let text): body = builder.text(text)
            case .file(let file): body = builder.file(file)
            case .click(let text):
                guard let button = keyboard.first(where: { $0.text == text }) else {
                    throw .noSuchButton(step: index, text: text, offered: keyboard.map(\.text))
                }
                body = builder.click(buttonID: button.id, text: button.text, keyboardMessageID: keyboardMessageID)
            }
            let request = HTTPRequestRecord(method: "POST", path: "/", headers: builder.headers, body: body)
            let outcome = adapter.handle(method: "POST", path: "/", headers: Dictionary(builder.headers, uniquingKeysWith: { $1 }),
                                         json: body, time: clock)
            if let error = outcome.turn?.error { throw .botFailed(step: index, reason: error.description) }
            let at = RecordingTime.string(milliseconds: clock)
            let webhook = RecordingWriter.exchange(
                request: request,
                response: HTTPResponseRecord(status: outcome.webhookResponse.status, headers: [("content-type", "application/json")],
                                             body: outcome.webhookResponse.body))
            let calls = outcome.calls.enumerated().map { offset, call in
                RecordingWriter.exchange(
                    at: RecordingTime.string(milliseconds: clock + Double(offset + 1) * 10),
                    request: HTTPRequestRecord(method: call.httpMethod, path: call.path,
                                               headers: [("content-type", "application/json")], body: call.body),
                    response: HTTPResponseRecord(status: 200, body: ["result": "ok"]))
            }
            let expect = adapter.expectation(for: outcome)
            turns.append(RecordingWriter.turn(at: at, webhook: webhook, calls: calls, expect: expect,
                                              random: outcome.turn?.randomDraws ?? []))
            // The last keyboard shown is what the next click answers.
            let keyboards = outcome.calls.map(\.body["message"]) + (outcome.webhookResponse.body["messages"]?.arrayValue ?? []).map { Optional($0) }
            for message in keyboards.compactMap({ $0 }) where message["kind"] == "keyboard" {
                keyboard = (message["buttons"]?.arrayValue ?? []).flatMap { $0.arrayValue ?? [] }.compactMap { button in
                    guard let id = button["id"]?.stringValue, let text = button["text"]?.stringValue else { return nil }
                    return (id, text)
                }
                keyboardMessageID = nil
            }
            clock += 5_000
        }
        return RecordingWriter.document(
            name: script.name, channelType: channel.channelType, dialect: script.dialect.rawValue,
            recordedAt: RecordingTime.string(milliseconds: script.start.flatMap(RecordingTime.milliseconds) ?? 1_764_064_800_000),
            tool: tool, upstream: "local bot (in process)", bot: botReference, timezone: nil, turns: turns)
    }
}
