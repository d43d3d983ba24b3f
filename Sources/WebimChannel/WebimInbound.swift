import BotRuntime
import ConformJSON
import WebimProtocol

/// Webim request → bot request, as JAICP's "Webim (Custom Channel API)" channel does it. Pure: the
/// caller says whether the chat is open and which visitor it belongs to.
///
/// | Webim request | bot request |
/// |---|---|
/// | every request | `channelType` from the configuration (`webim`), `channelUserId` = visitor id, `data.chatId` = chat id as received, `rawRequest` = the body as received |
/// | `new_chat` with `messages` | new session; `query` = the texts joined by `prechatSeparator` (`visitor` text, `keyboard_response` button text; messages without text skipped) |
/// | `new_chat` without `messages` (or none with text) | new session; `event: newChatStarted`, `data.eventData` = the body |
/// | `new_message` `visitor` | `query` = `text` |
/// | `new_message` `keyboard_response` | `query` = the button text (the id when it has none), `data.button` = the button as received |
/// | `new_message` `file_visitor` | `event: fileEvent`, `data.eventData` = `[the file object as received]` |
/// | `new_message` in a chat never opened | as above, in a new session, with a note |
/// | `new_message` of another kind, a visitor message without text | no turn, answered 200, reason given |
/// | any other event | no turn, answered 200, reason given |
///
/// ```swift
/// let turn = WebimInbound.map(hook, chatIsOpen: false, knownVisitorID: nil,
///                             configuration: WebimChannelConfiguration(), time: 1_764_064_800_000)
/// turn.request?.event   // "newChatStarted"
/// ```
public enum WebimInbound {
    public static let newChatStarted = "newChatStarted"
    public static let fileEvent = "fileEvent"

    public static func map(_ webhook: WebimWebhook, chatIsOpen: Bool, knownVisitorID: String?,
                           configuration: WebimChannelConfiguration, time: Double) -> InboundTurn {
        switch webhook.event {
        case .newChat(let chat):
            return newChat(chat, body: webhook.body, reopened: chatIsOpen, configuration: configuration, time: time)
        case .newMessage(let message):
            return newMessage(message, body: webhook.body, chatIsOpen: chatIsOpen, knownVisitorID: knownVisitorID,
                              configuration: configuration, time: time)
        case .other(let name):
            return InboundTurn(request: nil, session: .continued,
                               reason: "event '\(name)' is not passed to the bot (conform handles new_chat and new_message); answered 200 and kept")
        }
    }

    private static func newChat(_ chat: WebimNewChat, body: JSONValue, reopened: Bool,
                                configuration: WebimChannelConfiguration, time: Double) -> InboundTurn {
        var notes: [String] = []
        if reopened { notes.append("chat \(chat.chatID) was already open: its conversation is replaced by a new session") }
        var request = BotRequest(data: ["chatId": chat.chatID.json], rawRequest: body, channelType: configuration.channelType,
                                 channelUserId: chat.visitor.id, time: time)
        var texts: [String] = []
        for (index, message) in (chat.messages ?? []).enumerated() {
            if let text = prechatText(message) {
                texts.append(text)
            } else {
                notes.append("pre-chat message messages[\(index)] (kind '\(message.kind)') has no text and is skipped")
            }
        }
        if texts.isEmpty {
            if chat.messages?.isEmpty == false { notes.append("no pre-chat message has text: the chat starts with newChatStarted") }
            request.event = newChatStarted
            request.data["eventData"] = body
        } else {
            request.query = texts.joined(separator: configuration.prechatSeparator)
        }
        return InboundTurn(request: request, session: .newChat, notes: notes)
    }

    /// What a pre-chat message contributes to the combined query: what the visitor typed or clicked.
    static func prechatText(_ message: WebimMessage) -> String? {
        let text: String?
        switch message.content {
        case .visitor: text = message.text
        case .keyboardResponse(let click): text = click.buttonText ?? message.text
        case .fileVisitor, .other: text = nil
        }
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private static func newMessage(_ event: WebimNewMessage, body: JSONValue, chatIsOpen: Bool, knownVisitorID: String?,
                                   configuration: WebimChannelConfiguration, time: Double) -> InboundTurn {
        var notes: [String] = []
        let session: ChatSessionStart = chatIsOpen ? .continued : .unopenedChat
        // 2.0 bodies name no visitor: the chat's, from its new_chat; failing that, the chat id stands in.
        let visitorID = event.visitor?.id ?? knownVisitorID ?? event.chatID.text
        var request = BotRequest(data: ["chatId": event.chatID.json], rawRequest: body, channelType: configuration.channelType,
                                 channelUserId: visitorID, time: time)
        let message = event.message
        switch message.content {
        case .visitor:
            guard let text = message.text, !text.isEmpty else {
                return InboundTurn(request: nil, session: .continued, reason: "visitor message without text: nothing to ask the bot",
                                   notes: notes)
            }
            request.query = text
        case .keyboardResponse(let click):
            if let text = click.buttonText, !text.isEmpty {
                request.query = text
            } else {
                request.query = click.buttonID
                notes.append("button '\(click.buttonID)' has no text: the query is its id")
            }
            request.data["button"] = click.button
        case .fileVisitor(let file):
            request.event = fileEvent
            request.data["eventData"] = [file.json]
        case .other:
            return InboundTurn(request: nil, session: .continued,
                               reason: "message kind '\(message.kind)' is not passed to the bot; answered 200 and kept", notes: notes)
        }
        if event.visitor == nil && knownVisitorID == nil {
            notes.append("the visitor of chat \(event.chatID) is unknown: channelUserId is the chat id")
        }
        if !chatIsOpen {
            notes.append("new_message for chat \(event.chatID), which was never opened (no new_chat seen): a new session is started")
        }
        return InboundTurn(request: request, session: session, notes: notes)
    }
}
