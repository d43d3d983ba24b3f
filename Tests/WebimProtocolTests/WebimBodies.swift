import ConformJSON

/// Bodies in the shapes webim-protocol.md documents (copied from its examples).
enum WebimBodies {
    static let newChatWithMessages = #"""
        {"event": "new_chat", "chat": {"id": 1},
         "visitor": {"id": "00000000-0000-0000-0000-000000000000", "fields": {"name": "John", "phone": "+71234567890"}},
         "location": {"address": "https://shop.example.com/delivery"},
         "messages": [{"id": "m1", "kind": "visitor", "text": "hello"},
                      {"id": "m2", "kind": "visitor", "text": "where is my order?"}]}
        """#
    static let newChatBotAPI1 = #"{"event": "new_chat", "chat": {"id": "9401b039-ace3"}, "visitor": {"id": "v-7"}}"#
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
}
