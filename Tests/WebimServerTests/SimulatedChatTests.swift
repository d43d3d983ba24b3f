import ConformJSON
import Testing
import WebimProtocol
import WebimServer

/// The simulator's view of one chat, without sockets: transcript lines and the keyboard a click answers.
@Suite struct SimulatedChatTests {
    @Test func clickAnswersTheLastKeyboard() {
        var chat = SimulatedChat()
        #expect(chat.button("Delivery") == nil)
        chat.bot(.sendMessage(chatID: .integer(1), message: .keyboard([[WebimButton(id: "a", text: "Delivery")]])))
        chat.bot(.sendMessage(chatID: .integer(1), message: .text("or")))
        chat.bot(.sendMessage(chatID: .integer(1), message: .keyboard([[WebimButton(id: "b", text: "Yes"), WebimButton(id: "c", text: "No")],
                                                                         [WebimButton(id: "d", text: "Agent")]])))
        #expect(chat.button("Delivery") == nil)
        #expect(chat.button("Agent") == WebimButton(id: "d", text: "Agent"))
        #expect(chat.keyboardMessageID == "bot-3")
        #expect(chat.lines == ["bot: [Delivery]", "bot: or", "bot: [Yes] [No] | [Agent]"])
    }

    @Test func everyStepAndReplyHasALine() {
        var chat = SimulatedChat()
        chat.visitor(.prechat(["hi", "where is \"it\""]))
        chat.visitor(.file(["url": "https://x/t.txt", "name": "t.txt", "media_type": "text/plain", "size": 24]))
        chat.visitor(.wait(2.5))
        chat.bot(.sendMessage(chatID: .integer(1), message: .file(WebimFile(url: "https://x/a.png", name: "a.png", mediaType: "image/png"))))
        chat.bot(.redirectChat(chatID: .integer(1), target: .operator(.integer(240001))))
        chat.bot(.redirectChat(chatID: .integer(1), target: .queue))
        chat.bot(.setCategory(chatID: .integer(1), category: "demo", subcategory: nil))
        chat.bot(WebimSyncReply.noAnswer)
        chat.bot(WebimSyncReply.answer([]))
        #expect(chat.lines == [
            #"visitor opens the chat, having written: "hi", "where is \"it\"""#,
            "visitor sends a file t.txt (text/plain, 24 bytes)",
            "… 2.5 s later",
            "bot sends a file a.png (image/png): https://x/a.png",
            "bot hands the chat to agent 240001",
            "bot hands the chat to the queue",
            "bot sets category demo",
            "bot hands the chat to the queue (has_answer: false)",
            "bot says nothing",
        ])
    }
}
