import ConformJSON
import Testing
import WebimProtocol

/// Outbound bodies carry exactly the documented fields (webim-protocol.md §3), in the documented order.
@Suite struct BotAPI2MethodTests {
    private func compact(_ method: WebimBotAPI2Method) -> String { JSONWriter.compact(method.body) }

    @Test func sendMessageText() {
        let method = WebimBotAPI2Method.sendMessage(chatID: .integer(1), message: .text("Hello"))
        #expect(method.name == "send_message")
        #expect(method.path == "/api/bot/v2/send_message")
        #expect(compact(method) == #"{"chat_id":1,"message":{"kind":"operator","text":"Hello"}}"#)
    }

    @Test func sendMessageKeyboardRows() {
        let method = WebimBotAPI2Method.sendMessage(chatID: .integer(1), message: .keyboard([
            [WebimButton(id: "b1", text: "Delivery"), WebimButton(id: "b2", text: "Returns")],
            [WebimButton(id: "b3", text: "Agent")],
        ]))
        #expect(method.body == WebimBodies.json(#"""
            {"chat_id": 1, "message": {"kind": "keyboard", "buttons": [[{"id": "b1", "text": "Delivery"}, {"id": "b2", "text": "Returns"}], [{"id": "b3", "text": "Agent"}]]}}
            """#))
    }

    @Test func sendMessageFile() {
        let method = WebimBotAPI2Method.sendMessage(
            chatID: .integer(1), message: .file(WebimFile(url: "https://cdn.example.com/x.png", name: "x.png", mediaType: "image/png")))
        #expect(compact(method) == #"{"chat_id":1,"message":{"kind":"file_operator","data":{"url":"https://cdn.example.com/x.png","name":"x.png","media_type":"image/png"}}}"#)
    }

    @Test func redirectChatToAnAgentADepartmentOrTheQueue() {
        #expect(compact(.redirectChat(chatID: .integer(1), target: .operator(.integer(240001)))) == #"{"chat_id":1,"operator_id":240001}"#)
        #expect(compact(.redirectChat(chatID: .integer(1), target: .department("sales"))) == #"{"chat_id":1,"dep_key":"sales"}"#)
        #expect(compact(.redirectChat(chatID: .integer(1), target: .queue)) == #"{"chat_id":1}"#)
        #expect(WebimBotAPI2Method.redirectChat(chatID: .integer(1), target: .queue).path == "/api/bot/v2/redirect_chat")
    }

    @Test func closeChatAndSetCategory() {
        #expect(compact(.closeChat(chatID: .integer(1))) == #"{"chat_id":1}"#)
        #expect(compact(.setCategory(chatID: .integer(1), category: "delivery", subcategory: "late"))
                == #"{"chat_id":1,"category":"delivery","subcategory":"late"}"#)
        #expect(compact(.setCategory(chatID: .integer(1), category: "delivery", subcategory: nil)) == #"{"chat_id":1,"category":"delivery"}"#)
    }

    @Test func chatIDKeepsTheTypeItArrivedWith() {
        #expect(compact(.closeChat(chatID: .string("9401b039-ace3"))) == #"{"chat_id":"9401b039-ace3"}"#)
    }

    @Test func documentedBodiesDecodeAndReencodeUnchanged() throws {
        let table: [(String, String)] = [
            ("send_message", #"{"chat_id": 1, "message": {"kind": "operator", "text": "Hello"}}"#),
            ("send_message", #"{"chat_id": 1, "message": {"kind": "keyboard", "buttons": [[{"id": "b1", "text": "Delivery"}, {"id": "b2", "text": "Returns"}], [{"id": "b3", "text": "Agent"}]]}}"#),
            ("send_message", #"{"chat_id": 1, "message": {"kind": "file_operator", "data": {"url": "https://x/x.png", "name": "x.png", "media_type": "image/png"}}}"#),
            ("redirect_chat", #"{"chat_id": 1, "operator_id": 240001}"#),
            ("redirect_chat", #"{"chat_id": 1, "dep_key": "sales"}"#),
            ("redirect_chat", #"{"chat_id": 1}"#),
            ("close_chat", #"{"chat_id": 1}"#),
            ("set_category", #"{"chat_id": 1, "category": "delivery", "subcategory": "late"}"#),
        ]
        for (name, text) in table {
            let body = WebimBodies.json(text)
            let method = try WebimBotAPI2Method.decode(name: name, body: body)
            #expect(method.name == name)
            #expect(method.body == body, "\(name) \(text)")
        }
    }

    @Test func malformedCallsAreNamedByPath() {
        func failure(_ name: String, _ text: String) -> WebimProtocolError? {
            do { _ = try WebimBotAPI2Method.decode(name: name, body: WebimBodies.json(text)); return nil } catch { return error }
        }
        #expect(failure("send_message", #"{"message": {"kind": "operator", "text": "x"}}"#)?.path == "chat_id")
        #expect(failure("send_message", #"{"chat_id": 1, "message": {"kind": "sticker"}}"#)
                == .invalidValue(path: "message.kind", expected: "\"operator\", \"keyboard\" or \"file_operator\"", found: "\"sticker\""))
        #expect(failure("send_message", #"{"chat_id": 1, "message": {"kind": "keyboard", "buttons": [{"id": "b"}]}}"#)?.path
                == "message.buttons[0]")
        #expect(failure("send_message", #"{"chat_id": 1, "message": {"kind": "keyboard", "buttons": [[{"id": "b"}]]}}"#)?.path
                == "message.buttons[0][0].text")
        #expect(failure("redirect_chat", #"{"chat_id": 1, "dep_key": 5}"#)?.path == "dep_key")
        #expect(failure("set_category", #"{"chat_id": 1}"#)?.path == "category")
        #expect(failure("send_file", #"{"chat_id": 1}"#)?.code == "invalid_value")
    }

    @Test func methodNameComesFromThePath() {
        #expect(WebimBotAPI2Method.methodName(fromPath: "/api/bot/v2/send_message") == "send_message")
        #expect(WebimBotAPI2Method.methodName(fromPath: "/api/bot/v2/close_chat?x=1") == "close_chat")
        #expect(WebimBotAPI2Method.methodName(fromPath: "/api/other") == nil)
    }

    @Test func webhookIsAcknowledgedWithResultOK() {
        #expect(JSONWriter.compact(WebimBotAPI2Method.webhookAcknowledgement) == #"{"result":"ok"}"#)
    }
}
