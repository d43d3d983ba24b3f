import ConformJSON
import Testing
import WebimChannel
import WebimProtocol

@Suite struct OutboundMappingTests {
    private func render(_ replies: [JSONValue], response: JSONValue = [:], chat: WebimID = .integer(1),
                        dialect: WebimDialect = .botAPI2, webimVersion: String? = "10.5.62",
                        configuration: WebimChannelConfiguration = WebimChannelConfiguration()) -> WebimOutput {
        WebimOutbound.render(WebimOutboundPlan(replies: replies, response: response), chatID: chat, dialect: dialect,
                             webimVersion: webimVersion, configuration: configuration)
    }

    @Test func textIsAnOperatorMessage() {
        let output = render([["type": "text", "text": "Hello", "state": "/Start"]])
        #expect(output.webhookResponse == WebhookResponse(status: 200, body: ["result": "ok"]))
        #expect(output.calls.lines == [#"send_message {"chat_id":1,"message":{"kind":"operator","text":"Hello"}}"#])
        #expect(output.calls.first?.httpMethod == "POST")
        #expect(output.calls.first?.path == "/api/bot/v2/send_message")
        #expect(output.skipped.isEmpty)
    }

    @Test func eachReplyInOrderBecomesOneMessage() {
        let output = render([
            ["type": "text", "text": "One"],
            ["type": "text", "text": "Two"],
            ["type": "buttons", "buttons": [["text": "Yes"]]],
            ["type": "text", "text": "Three"],
        ])
        #expect(output.calls.map { $0.body["message"]?["kind"]?.stringValue } == ["operator", "operator", "keyboard", "operator"])
        #expect(output.calls.map { $0.body["message"]?["text"]?.stringValue } == ["One", "Two", nil, "Three"])
    }

    @Test func buttonsAreOneKeyboardWithOneButtonPerRow() {
        let output = render([["type": "buttons", "buttons": [
            ["text": "Track an order", "transition": "/Orders/AskNumber"],
            ["text": "Delivery", "transition": "/Delivery"],
            ["text": "Talk to a person", "transition": "/Operator"],
        ], "state": "/Menu"]])
        let ids = WebimButtonID.make(for: ["Track an order", "Delivery", "Talk to a person"])
        #expect(ids == ["track-an-order-737999db", "delivery-48f38d75", "talk-to-a-perso-feef4b88"])
        #expect(output.calls.lines == [
            #"send_message {"chat_id":1,"message":{"kind":"keyboard","buttons":[[{"id":"track-an-order-737999db","text":"Track an order"}],[{"id":"delivery-48f38d75","text":"Delivery"}],[{"id":"talk-to-a-perso-feef4b88","text":"Talk to a person"}]]}}"#,
        ])
    }

    @Test func inlineButtonsAreAKeyboardToo() {
        let output = render([["type": "inlineButtons", "buttons": [["text": "Open", "url": "https://x"], "Plain"]]])
        #expect(output.calls.first?.body["message"] == [
            "kind": "keyboard",
            "buttons": [[["id": .string(WebimButtonID.make("Open")), "text": "Open"]],
                        [["id": .string(WebimButtonID.make("Plain")), "text": "Plain"]]],
        ])
    }

    @Test func imageAudioVideoAndFileAreFileOperatorMessages() {
        let output = render([
            ["type": "image", "imageUrl": "https://cdn.example.com/img/cat.PNG?size=2"],
            ["type": "audio", "audioUrl": "https://cdn.example.com/a/hello.mp3"],
            ["type": "video", "videoUrl": "https://cdn.example.com/v/clip.mp4", "videoName": "Clip"],
            ["type": "file", "fileUrl": "https://cdn.example.com/files/price%20list.pdf", "fileName": "Prices.pdf"],
            ["type": "file", "fileUrl": "https://cdn.example.com/download?id=7"],
        ])
        #expect(output.calls.lines == [
            #"send_message {"chat_id":1,"message":{"kind":"file_operator","data":{"url":"https://cdn.example.com/img/cat.PNG?size=2","name":"cat.PNG","media_type":"image/png"}}}"#,
            #"send_message {"chat_id":1,"message":{"kind":"file_operator","data":{"url":"https://cdn.example.com/a/hello.mp3","name":"hello.mp3","media_type":"audio/mpeg"}}}"#,
            #"send_message {"chat_id":1,"message":{"kind":"file_operator","data":{"url":"https://cdn.example.com/v/clip.mp4","name":"Clip","media_type":"video/mp4"}}}"#,
            #"send_message {"chat_id":1,"message":{"kind":"file_operator","data":{"url":"https://cdn.example.com/files/price%20list.pdf","name":"Prices.pdf","media_type":"application/pdf"}}}"#,
            #"send_message {"chat_id":1,"message":{"kind":"file_operator","data":{"url":"https://cdn.example.com/download?id=7","name":"download","media_type":"application/octet-stream"}}}"#,
        ])
    }

    @Test func imageCaptionFollowsTheFileAsText() {
        let output = render([["type": "image", "imageUrl": "https://x/y.jpg", "text": "Our store"]])
        #expect(output.calls.map { $0.body["message"]?["kind"]?.stringValue } == ["file_operator", "operator"])
        #expect(output.calls.last?.body["message"]?["text"] == "Our store")
    }

    @Test func switchRedirectsToTheOperatorTheDepartmentOrTheQueue() {
        #expect(render([["type": "switch", "operatorId": "240001"]]).calls.lines == [#"redirect_chat {"chat_id":1,"operator_id":240001}"#])
        #expect(render([["type": "switch", "operator_id": 240001]]).calls.lines == [#"redirect_chat {"chat_id":1,"operator_id":240001}"#])
        #expect(render([["type": "switch", "operatorId": "anna"]]).calls.lines == [#"redirect_chat {"chat_id":1,"operator_id":"anna"}"#])
        #expect(render([["type": "switch", "departmentKey": "sales"]]).calls.lines == [#"redirect_chat {"chat_id":1,"dep_key":"sales"}"#])
        #expect(render([["type": "switch", "department_key": "sales"]]).calls.lines == [#"redirect_chat {"chat_id":1,"dep_key":"sales"}"#])
        #expect(render([["type": "switch", "destination": "support", "message": "Connecting"]]).calls.lines
                == [#"redirect_chat {"chat_id":1,"dep_key":"support"}"#])
        #expect(render([["type": "switch", "destination": "support", "operatorId": 5]]).calls.lines
                == [#"redirect_chat {"chat_id":1,"operator_id":5}"#])
        #expect(render([["type": "switch"]]).calls.lines == [#"redirect_chat {"chat_id":1}"#])
    }

    @Test func redirectToTheQueueIsSkippedOnWebimOlderThan10_4UnlessForced() {
        let old = render([["type": "switch"]], webimVersion: "10.3.7")
        #expect(old.calls.isEmpty)
        #expect(old.skipped == [SkippedOutput(source: "replies[0]", type: "redirect_chat",
                                              reason: "a redirect to the general queue needs Webim 10.4 or later and X-Webim-Version is 10.3.7; set forceQueueRedirect (conform.yaml) or --force-queue-redirect to send it anyway")])
        var forced = WebimChannelConfiguration()
        forced.forceQueueRedirect = true
        #expect(render([["type": "switch"]], webimVersion: "10.3.7", configuration: forced).calls.lines == [#"redirect_chat {"chat_id":1}"#])
        #expect(render([["type": "switch"]], webimVersion: "10.4").calls.count == 1)
        #expect(render([["type": "switch"]], webimVersion: nil).calls.count == 1)
        #expect(render([["type": "switch", "destination": "sales"]], webimVersion: "9.0").calls.count == 1)
    }

    @Test func messagesComeBeforeTheTransfer() {
        let output = render([
            ["type": "switch", "destination": "support"],
            ["type": "text", "text": "Connecting you to an agent."],
        ])
        #expect(output.calls.lines == [
            #"send_message {"chat_id":1,"message":{"kind":"operator","text":"Connecting you to an agent."}}"#,
            #"redirect_chat {"chat_id":1,"dep_key":"support"}"#,
        ])
    }

    @Test func actionsRedirectInEitherSpelling() {
        let response: JSONValue = ["actions": [
            ["type": "redirect_to_operator", "operator_id": "240001"],
            ["type": "redirect_to_operator", "operatorId": 7],
            ["type": "redirect_to_department", "department_key": "sales"],
            ["type": "redirect_to_department", "departmentKey": "returns"],
        ]]
        #expect(render([], response: response).calls.lines == [
            #"redirect_chat {"chat_id":1,"operator_id":240001}"#,
            #"redirect_chat {"chat_id":1,"operator_id":7}"#,
            #"redirect_chat {"chat_id":1,"dep_key":"sales"}"#,
            #"redirect_chat {"chat_id":1,"dep_key":"returns"}"#,
        ])
    }

    @Test func closeChatWithACategorySetsTheCategoryFirst() {
        let output = render([["type": "text", "text": "Goodbye!"]],
                            response: ["actions": [["type": "close_chat", "category": "demo", "sub_category": "bye"]]])
        #expect(output.calls.lines == [
            #"send_message {"chat_id":1,"message":{"kind":"operator","text":"Goodbye!"}}"#,
            #"set_category {"chat_id":1,"category":"demo","subcategory":"bye"}"#,
            #"close_chat {"chat_id":1}"#,
        ])
        #expect(render([], response: ["actions": [["type": "close_chat", "category": "demo", "subCategory": "late"]]]).calls.lines == [
            #"set_category {"chat_id":1,"category":"demo","subcategory":"late"}"#,
            #"close_chat {"chat_id":1}"#,
        ])
        #expect(render([], response: ["actions": [["type": "close_chat", "category": "demo"]]]).calls.lines == [
            #"set_category {"chat_id":1,"category":"demo"}"#,
            #"close_chat {"chat_id":1}"#,
        ])
        #expect(render([], response: ["actions": [["type": "close_chat"]]]).calls.lines == [#"close_chat {"chat_id":1}"#])
    }

    @Test func unusableActionsAreListedAsSkipped() {
        let output = render([], response: ["actions": [
            ["type": "redirect_to_operator"],
            ["type": "redirect_to_department", "department_key": ""],
            ["type": "close_chat", "sub_category": "bye"],
            ["type": "send_survey"],
            "close",
        ]])
        #expect(output.calls.lines == [#"close_chat {"chat_id":1}"#])
        #expect(output.skipped == [
            SkippedOutput(source: "actions[0]", type: "redirect_to_operator", reason: "no `operator_id` (or `operatorId`)"),
            SkippedOutput(source: "actions[1]", type: "redirect_to_department", reason: "no `department_key` (or `departmentKey`)"),
            SkippedOutput(source: "actions[2]", type: "set_category", reason: "a sub_category without a category: set_category needs a category"),
            SkippedOutput(source: "actions[3]", type: "send_survey",
                          reason: "action 'send_survey' is not one of redirect_to_operator, redirect_to_department, close_chat"),
            SkippedOutput(source: "actions[4]", type: "string", reason: "an action without a `type`"),
        ])
        #expect(render([], response: ["actions": ["type": "close_chat"]]).skipped.map(\.source) == ["actions"])
    }

    @Test func timeoutAndUnknownRepliesAreSkippedWithTheReason() {
        let output = render([
            ["type": "timeout", "interval": 30, "targetState": "/Remind"],
            ["type": "location", "lat": 55.7, "lon": 37.6],
            ["type": "text", "text": "Hi"],
            ["type": "image"],
        ])
        #expect(output.calls.count == 1)
        #expect(output.skipped == [
            SkippedOutput(source: "replies[0]", type: "timeout",
                          reason: "Webim has no timer the bot can set; JAICP's timeout reply is not sent on this channel"),
            SkippedOutput(source: "replies[1]", type: "location", reason: "reply type 'location' has no Webim form"),
            SkippedOutput(source: "replies[3]", type: "image", reason: "a image reply without `imageUrl`"),
        ])
    }

    @Test func stringChatIDIsSentAsAString() {
        #expect(render([["type": "text", "text": "Hi"]], chat: .string("9401b039-ace3")).calls.lines
                == [#"send_message {"chat_id":"9401b039-ace3","message":{"kind":"operator","text":"Hi"}}"#])
    }

    @Test func botAPI1AnswersInTheWebhookResponse() {
        let output = render([
            ["type": "text", "text": "Hi!"],
            ["type": "buttons", "buttons": [["text": "Say hi"]]],
        ], dialect: .botAPI1)
        #expect(output.calls.isEmpty)
        #expect(output.webhookResponse.status == 200)
        #expect(JSONWriter.compact(output.webhookResponse.body)
                == #"{"has_answer":true,"messages":[{"kind":"operator","text":"Hi!"},{"kind":"keyboard","buttons":[[{"id":"say-hi-87525363","text":"Say hi"}]]}]}"#)
    }

    @Test func botAPI1WithNothingToSayKeepsTheChatByDefault() {
        #expect(JSONWriter.compact(render([], dialect: .botAPI1).webhookResponse.body) == #"{"has_answer":true,"messages":[]}"#)
        var configuration = WebimChannelConfiguration()
        configuration.silentReplyBotAPI1 = .noAnswer
        #expect(JSONWriter.compact(render([], dialect: .botAPI1, configuration: configuration).webhookResponse.body) == #"{"has_answer":false}"#)
    }

    @Test func botAPI1TransfersWithHasAnswerFalse() {
        let output = render([
            ["type": "switch", "destination": "support"],
            ["type": "text", "text": "Connecting you to an agent."],
        ], dialect: .botAPI1)
        #expect(JSONWriter.compact(output.webhookResponse.body) == #"{"has_answer":false}"#)
        #expect(output.calls.isEmpty)
        #expect(output.skipped == [SkippedOutput(source: "replies[1]", type: "operator",
                                                 reason: "bot-api-1 transfers with {\"has_answer\": false}, which carries no messages")])
        #expect(output.notes == ["bot-api-1 can only hand the chat to the queue: the transfer to department 'support' (replies[0]) goes to the queue"])
    }

    @Test func botAPI1CannotCloseOrSetACategory() {
        let output = render([["type": "text", "text": "Goodbye!"]],
                            response: ["actions": [["type": "close_chat", "category": "demo", "sub_category": "bye"]]], dialect: .botAPI1)
        #expect(JSONWriter.compact(output.webhookResponse.body) == #"{"has_answer":true,"messages":[{"kind":"operator","text":"Goodbye!"}]}"#)
        #expect(output.skipped == [
            SkippedOutput(source: "actions[0]", type: "set_category", reason: "bot-api-1 has no documented way to set a chat's category"),
            SkippedOutput(source: "actions[0]", type: "close_chat", reason: "bot-api-1 has no documented way to close a chat"),
        ])
    }
}
