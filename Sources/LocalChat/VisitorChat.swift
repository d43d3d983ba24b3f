import BotRuntime
import ConformJSON
import JSEngine
import Replay
import WebimChannel
import WebimProtocol

/// A person talking to a local bot as a Webim visitor, one typed line at a time: each line becomes
/// the webhook Webim would send (through the channel adapter and conform's runtime, in process) and
/// comes back as transcript lines — the bot's messages, events, the state and the `$session`
/// changes. Everything is recorded as a strict recording (`recording`), the same document
/// `conform record --script` writes. `conform chat` is a thin terminal loop around it.
///
/// ```swift
/// var chat = VisitorChat(bot: bot, engine: JSEngine(), settings: .init(name: "chat"))
/// chat.enter("hello")   // visitor opens the chat, having written: "hello" / bot: Hello! … / [1] Track an order …
/// chat.enter("2")       // visitor clicks [2] Delivery / bot: …
/// chat.recording        // {"format": "conform-recording", …}
/// ```
public struct VisitorChat {
    public struct Settings: Sendable {
        /// The recording's `name`.
        public var name: String
        public var dialect: WebimDialect
        public var channel: WebimChannelConfiguration
        public var runtime: RuntimeOptions
        public var chatID: WebimID
        public var visitorID: String
        /// `visitor.fields` of `new_chat` (what a pre-chat form collected: `name`, `phone`, …).
        public var visitorFields: JSONValue?
        /// The page the chat was opened on (`location.address`).
        public var location: String?
        /// The first webhook's time, epoch milliseconds; later ones are 5 s apart unless `clock` says.
        public var start: Double
        /// `source.tool` and `source.bot` of the recording.
        public var tool: String
        public var botReference: String?
        /// Answers the bot's `$http` calls (`conform chat` makes them for real); none by default.
        public var http: any HTTPMockProvider = NoHTTPMocks()

        public init(name: String, dialect: WebimDialect = .botAPI2, channel: WebimChannelConfiguration = WebimChannelConfiguration(),
                    runtime: RuntimeOptions = RuntimeOptions(), chatID: WebimID = .integer(1), visitorID: String = "visitor-1",
                    visitorFields: JSONValue? = nil, location: String? = nil, start: Double = 1_764_064_800_000,
                    tool: String = "conform", botReference: String? = nil) {
            self.name = name
            self.dialect = dialect
            self.channel = channel
            self.runtime = runtime
            self.chatID = chatID
            self.visitorID = visitorID
            self.visitorFields = visitorFields
            self.location = location
            self.start = start
            self.tool = tool
            self.botReference = botReference
        }
    }

    public let settings: Settings
    /// The time of each webhook (epoch milliseconds): the wall clock in a terminal; nil keeps the
    /// recording's own clock (5 s a turn), which tests use.
    public var clock: (() -> Double)?
    /// The visitor left or the bot closed the chat: nothing more can be sent.
    public private(set) var isOver = false
    /// The chat was opened (`new_chat` sent).
    public private(set) var isOpen = false
    /// Webhooks sent.
    public var turnCount: Int { chat.turns.count }
    /// Turns whose bot turn failed (they stay in the recording: replay reports them the same way).
    public private(set) var failedTurns = 0
    private var chat: InProcessChat
    private var state: String?
    private var session: JSONValue?
    private var client: JSONValue?

    public init(bot: CompiledBot, engine: JSEngine, settings: Settings) {
        self.settings = settings
        chat = InProcessChat(bot: bot, engine: engine, channel: settings.channel, options: settings.runtime,
                             dialect: settings.dialect, chatID: settings.chatID, visitorID: settings.visitorID,
                             visitorFields: settings.visitorFields, location: settings.location, start: settings.start,
                             http: settings.http)
    }

    /// The buttons of the last keyboard, in the order they are numbered.
    public var keyboard: [String] { chat.keyboard.map(\.text) }

    /// The conversation so far as a strict recording.
    public var recording: JSONValue {
        chat.document(name: settings.name, tool: settings.tool, botReference: settings.botReference)
    }

    /// One typed line.
    public mutating func enter(_ line: String) -> [ChatLine] {
        handle(ChatInput(line))
    }

    public mutating func handle(_ input: ChatInput) -> [ChatLine] {
        switch input {
        case .nothing: return []
        case .invalid(let why): return [ChatLine(.error, "✗ \(why)")]
        case .help: return ChatInput.helpLines.map { ChatLine(.info, $0) }
        case .showState: return [ChatLine(.info, state.map { "state: \($0)" } ?? "no turn has run yet")]
        case .showSession:
            guard let session else { return [ChatLine(.info, "no turn has run yet")] }
            return JSONWriter.pretty(session).split(separator: "\n").map { ChatLine(.info, String($0)) }
        case .close:
            guard !isOver else { return [] }
            isOver = true
            return [ChatLine(.visitor, "visitor leaves the chat")]
        default: break
        }
        if isOver { return [ChatLine(.error, "✗ the chat is closed")] }

        let step: ConversationScript.Step
        let said: String
        switch input {
        case .open:
            step = .open
            said = "visitor opens the chat"
        case .prechat(let texts):
            step = .prechat(texts)
            said = "visitor opens the chat, having written: " + texts.map { JSONWriter.compact(.string($0)) }.joined(separator: ", ")
        case .say(let text) where isOpen:
            if let number = Int(text), (1...max(1, keyboard.count)).contains(number), !keyboard.isEmpty {
                step = .click(keyboard[number - 1])
                said = "visitor clicks [\(number)] \(keyboard[number - 1])"
            } else {
                step = .say(text)
                said = "visitor: \(text)"
            }
        case .say(let text), .sayText(let text):
            // Webim hands a chat to the bot with what the visitor wrote first as a pre-chat message.
            if !isOpen { return handle(.prechat([text])) }
            step = .say(text)
            said = "visitor: \(text)"
        case .file(let url, let name):
            guard isOpen else { return [ChatLine(.error, "✗ open the chat first: /open, or write a message")] }
            let data = ChatInput.fileData(url: url, name: name)
            step = .file(data)
            said = "visitor sends a file \(data["name"]?.stringValue ?? url) (\(data["media_type"]?.stringValue ?? ""))"
        case .wait(let seconds):
            chat.clock += seconds * 1000
            return [ChatLine(.visitor, "… \(seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)) s later")]
        default: return []
        }
        return [ChatLine(.visitor, said)] + send(step)
    }

    private mutating func send(_ step: ConversationScript.Step) -> [ChatLine] {
        if let clock { chat.clock = max(clock(), chat.clock) }
        let turn: InProcessChat.Turn
        do {
            guard let sent = try chat.send(step) else { return [] }
            turn = sent
        } catch {
            return [ChatLine(.error, "✗ no button \"\(error.text)\" on the last keyboard")]
        }
        if case .open = step { isOpen = true }
        if case .prechat = step { isOpen = true }
        var lines = TurnRenderer.lines(for: turn.outcome)
        if turn.outcome.turn?.error != nil { failedTurns += 1 }
        if let expect = turn.expect {
            let newState = expect["state"]?.stringValue
            lines.append(ChatLine(.state, "  state: \(newState ?? "(none)")"))
            lines += SessionChanges.lines(from: session, to: expect["session"], hiding: SessionChanges.bookkeeping).map { ChatLine(.state, "  " + $0) }
            lines += SessionChanges.lines(from: client, to: expect["client"], name: "$client").map { ChatLine(.state, "  " + $0) }
            state = newState
            session = expect["session"]
            client = expect["client"]
        }
        if turn.outcome.calls.contains(where: { $0.name == "close_chat" }) {
            isOver = true
            lines.append(ChatLine(.info, "the chat is closed"))
        }
        return lines
    }
}
