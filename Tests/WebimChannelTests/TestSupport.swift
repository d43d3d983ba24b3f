import BotRuntime
import BotScript
import ConformJSON
import Foundation
import JSEngine
import WebimChannel
import WebimProtocol

enum Demo {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Recordings/bots/demo").path

    static func bot() throws -> CompiledBot { CompiledBot(project: try ProjectLoader().load(at: path)) }

    /// A channel over the demo bot; every conversation gets its own engine (a conversation resets its engine).
    static func channel(_ configuration: WebimChannelConfiguration = WebimChannelConfiguration()) throws -> WebimChannel {
        let bot = try bot()
        return WebimChannel(configuration: configuration) { _ in try Conversation(bot: bot, engine: JSEngine()) }
    }
}

/// Bodies in the shapes webim-protocol.md documents.
enum Bodies {
    static let newChatWithMessages = #"""
        {"event": "new_chat", "chat": {"id": 1},
         "visitor": {"id": "00000000-0000-0000-0000-000000000000", "fields": {"name": "John", "phone": "+71234567890"}},
         "location": {"address": "https://shop.example.com/delivery"},
         "messages": [{"id": "m1", "kind": "visitor", "text": "hello"},
                      {"id": "m2", "kind": "visitor", "text": "where is my order?"}]}
        """#
    static let newChatWithoutMessages = #"""
        {"event": "new_chat", "chat": {"id": 1},
         "visitor": {"id": "00000000-0000-0000-0000-000000000000", "fields": {"name": "John", "phone": "+71234567890"}},
         "location": {"address": "https://shop.example.com/delivery"}}
        """#
    static let visitorMessage = #"{"event": "new_message", "chat_id": 1, "message": {"id": "m3", "kind": "visitor", "text": "track 123"}}"#
    static let keyboardResponse = #"""
        {"event": "new_message", "chat_id": 1, "message": {"id": "m4", "kind": "keyboard_response",
          "data": {"button": {"id": "b1", "text": "Delivery"}, "request": {"messageId": "m0"}}}}
        """#
    static let fileVisitor = #"""
        {"event": "new_message", "chat_id": 1, "message": {"id": "m5", "kind": "file_visitor",
          "data": {"url": "https://acct.webim.ru/api/bot/v2/file/c06?hash=a01", "media_type": "text/plain", "name": "t.txt", "size": 24}}}
        """#
    static let keyboardResponseBotAPI1 = #"""
        {"event": "new_message", "chat": {"id": "9401b039-ace3"}, "kind": "keyboard_response", "response": {"button": {"id": "say_hi", "text": "Say hi"}}}
        """#

    static func json(_ text: String) -> JSONValue {
        do { return try JSONParser.parse(text) } catch { fatalError("fixture is not JSON: \(error)\n\(text)") }
    }

    static func webhook(_ text: String, _ dialect: WebimDialect = .botAPI2) throws -> WebimWebhook {
        try WebimWebhook.decode(json(text), dialect: dialect)
    }

    /// A visitor text in bot-api-2 shape.
    static func visitor(_ text: String, chat: Int = 1, id: String = "m") -> String {
        JSONWriter.compact(["event": "new_message", "chat_id": .number(JSONNumber(chat)),
                            "message": ["id": .string(id), "kind": "visitor", "text": .string(text)]])
    }

    /// A button click in bot-api-2 shape.
    static func click(_ button: WebimButton, chat: Int = 1) -> String {
        JSONWriter.compact(["event": "new_message", "chat_id": .number(JSONNumber(chat)),
                            "message": ["id": "k", "kind": "keyboard_response",
                                        "data": ["button": button.json, "request": ["messageId": "kb"]]]])
    }
}

extension Array where Element == WebimAPICall {
    /// `name body` lines, compact JSON: easy to compare exactly.
    var lines: [String] { map { "\($0.name) \(JSONWriter.compact($0.body))" } }
}

extension TurnResult {
    var texts: [String] { replies.compactMap { $0["type"] == "text" ? $0["text"]?.stringValue : nil } }
}

/// 2026-11-25 10:00:00 UTC.
let noon: Double = 1_764_064_800_000
let v2: [String: String] = ["content-type": "application/json", "x-bot-api-version": "2.0", "x-webim-version": "10.5.62"]
let v1: [String: String] = ["content-type": "application/json", "x-bot-api-version": "1.0"]
