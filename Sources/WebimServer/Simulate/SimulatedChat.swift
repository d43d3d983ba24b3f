import ConformJSON
import WebimProtocol

/// What the simulator knows about one chat while a script plays: the transcript so far and the
/// last keyboard the bot showed (a `click:` step answers it). Pure: the player feeds it what was
/// sent and received; tests feed it directly.
///
/// ```swift
/// var chat = SimulatedChat()
/// chat.visitor(.say("hello"))
/// chat.bot(.sendMessage(chatID: .integer(1), message: .text("Hi!")))
/// chat.lines   // ["visitor: hello", "bot: Hi!"]
/// ```
public struct SimulatedChat: Sendable {
    public private(set) var lines: [String] = []
    /// The buttons of the last keyboard the bot sent, row by row.
    public private(set) var keyboard: [[WebimButton]] = []
    /// The simulator's id of that keyboard message (a click's `request.messageId`).
    public private(set) var keyboardMessageID: String?
    /// Messages the bot sent; their simulator ids are `bot-1`, `bot-2`, …
    public private(set) var botMessages = 0

    public init() {}

    /// The button a `click:` step means: the last keyboard's button with exactly this text.
    public func button(_ text: String) -> WebimButton? {
        keyboard.joined().first { $0.text == text }
    }

    /// A visitor's step, as the transcript shows it.
    public mutating func visitor(_ step: ConversationScript.Step) {
        switch step {
        case .open: lines.append("visitor opens the chat")
        case .prechat(let texts):
            lines.append("visitor opens the chat, having written: " + texts.map { JSONWriter.compact(.string($0)) }.joined(separator: ", "))
        case .say(let text): lines.append("visitor: \(text)")
        case .click(let text): lines.append("visitor clicks [\(text)]")
        case .file(let file):
            var details: [String] = []
            if let type = file["media_type"]?.stringValue { details.append(type) }
            if let size = file["size"]?.intValue { details.append("\(size) bytes") }
            let name = file["name"]?.stringValue ?? file["url"]?.stringValue ?? "a file"
            lines.append("visitor sends a file \(name)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"))
        case .wait(let seconds):
            lines.append("… \(Self.number(seconds)) s later")
        }
    }

    /// A bot-api-2 call the simulator accepted.
    public mutating func bot(_ call: WebimBotAPI2Method) {
        switch call {
        case .sendMessage(_, let message): bot(message)
        case .redirectChat(_, let target):
            switch target {
            case .operator(let id): lines.append("bot hands the chat to agent \(id.text)")
            case .department(let key): lines.append("bot hands the chat to department \(key)")
            case .queue: lines.append("bot hands the chat to the queue")
            }
        case .closeChat: lines.append("bot closes the chat")
        case .setCategory(_, let category, let subcategory):
            lines.append("bot sets category \(category)" + (subcategory.map { " / \($0)" } ?? ""))
        }
    }

    /// A message the bot sent (a `send_message` call, or one of a bot-api-1 reply's messages).
    public mutating func bot(_ message: WebimOutboundMessage) {
        botMessages += 1
        switch message {
        case .text(let text):
            lines.append("bot: \(text)")
        case .keyboard(let rows):
            keyboard = rows
            keyboardMessageID = "bot-\(botMessages)"
            let multiButtonRows = rows.contains { $0.count > 1 }
            let shown = rows.map { row in row.map { "[\($0.text)]" }.joined(separator: " ") }
            lines.append("bot: " + shown.joined(separator: multiButtonRows ? " | " : " "))
        case .file(let file):
            lines.append("bot sends a file \(file.name) (\(file.mediaType)): \(file.url)")
        }
    }

    /// A bot-api-1 webhook answer.
    public mutating func bot(_ reply: WebimSyncReply) {
        switch reply {
        case .answer(let messages):
            if messages.isEmpty { lines.append("bot says nothing") }
            for message in messages { bot(message) }
        case .noAnswer: lines.append("bot hands the chat to the queue (has_answer: false)")
        case .empty: lines.append("bot says nothing ({})")
        }
    }

    /// A call the simulator refused: the bot broke the protocol.
    public mutating func refused(_ call: ReceivedCall) {
        let code = call.answer["error"]?.stringValue ?? "error"
        let desc = call.answer["desc"]?.stringValue.map { ": \($0)" } ?? ""
        lines.append("✗ bot called \(call.path) → \(call.status) \(code)\(desc)")
    }

    public mutating func note(_ line: String) {
        lines.append(line)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
