import BotRuntime
import ConformJSON
import Testing
import WebimChannel
import WebimProtocol

/// Garbage never reaches the bot: a 4xx with a JSON error body naming the field, and no turn.
@Suite struct BadInputTests {
    struct NoBot: Error {}

    /// A channel whose factory must never be called.
    private func guarded(_ configuration: WebimChannelConfiguration = WebimChannelConfiguration()) -> WebimChannel {
        WebimChannel(configuration: configuration) { chat in
            Issue.record("a conversation was started for chat \(chat) on bad input")
            throw NoBot()
        }
    }

    private func refused(_ body: String, headers: [String: String] = v2, path: String = "/",
                         configuration: WebimChannelConfiguration = WebimChannelConfiguration()) -> WebhookOutcome {
        var channel = guarded(configuration)
        let outcome = channel.handle(path: path, headers: headers, body: Array(body.utf8), time: noon)
        #expect(outcome.turn == nil)
        #expect(outcome.calls.isEmpty)
        #expect(channel.sessions.isEmpty)
        return outcome
    }

    @Test func malformedJSONIs400WithWhere() {
        let outcome = refused(#"{"event": "new_chat", "chat": {"id": 1"#)
        #expect(outcome.webhookResponse.status == 400)
        #expect(outcome.webhookResponse.body["error"] == "malformed_json")
        #expect(outcome.webhookResponse.body["desc"] == "the body is not valid JSON: line 1, column 39: the text ends in the middle of a value (truncated file?)")
        #expect(outcome.webhookResponse.body["path"] == nil)
    }

    @Test func wrongTypesAre400NamingTheField() {
        let outcome = refused(#"{"event": "new_message", "chat_id": 1, "message": {"kind": "visitor", "text": 42}}"#)
        #expect(outcome.webhookResponse == WebhookResponse(status: 400, body: [
            "error": "wrong_type",
            "desc": "`message.text` is a number: expected the message text (a string)",
            "path": "message.text",
        ]))
        #expect(outcome.error == .badRequest(.wrongType(path: "message.text", expected: "the message text (a string)", found: "number")))
        #expect(refused(#"{"event": "new_message", "chat_id": {"id": 1}, "message": {"kind": "visitor"}}"#).webhookResponse.body["path"] == "chat_id")
        #expect(refused(#""new_chat""#).webhookResponse.body["desc"] == "the body is a string: expected a JSON object {\"event\": …}")
    }

    @Test func missingChatIDIs400NamingIt() {
        let newChat = refused(#"{"event": "new_chat", "visitor": {"id": "v"}}"#)
        #expect(newChat.webhookResponse.status == 400)
        #expect(newChat.webhookResponse.body["path"] == "chat.id")
        #expect(newChat.webhookResponse.body["error"] == "missing_field")
        let message = refused(#"{"event": "new_message", "message": {"kind": "visitor", "text": "hi"}}"#)
        #expect(message.webhookResponse.body["desc"] == "`chat_id` is missing: expected the chat id (an integer or a string)")
    }

    @Test func unknownDialectIs400NamingIt() {
        let outcome = refused(Bodies.visitorMessage, headers: ["x-bot-api-version": "3.0"])
        #expect(outcome.webhookResponse.status == 400)
        #expect(outcome.webhookResponse.body["error"] == "unknown_dialect")
        #expect(outcome.webhookResponse.body["desc"] == "unknown Webim dialect 'bot-api-3' (from x-bot-api-version: 3.0); conform speaks bot-api-1, bot-api-2 — send X-Bot-API-Version 1.0 or 2.0, or force a dialect in the configuration")
        #expect(outcome.dialect?.dialect.rawValue == "bot-api-3")
        var forced = WebimChannelConfiguration()
        forced.dialect = WebimDialect("custom-channel")
        #expect(refused(Bodies.visitorMessage, configuration: forced).webhookResponse.body["error"] == "unknown_dialect")
    }

    @Test func hugeBodyIs413AndNotRead() {
        var small = WebimChannelConfiguration()
        small.maxBodyBytes = 1024
        let text = "{\"event\": \"new_message\", \"chat_id\": 1, \"message\": {\"kind\": \"visitor\", \"text\": \"" + String(repeating: "a", count: 5000) + "\"}}"
        let outcome = refused(text, configuration: small)
        #expect(outcome.webhookResponse.status == 413)
        #expect(outcome.webhookResponse.body["error"] == "body_too_large")
        #expect(outcome.error == .badRequest(.bodyTooLarge(bytes: text.utf8.count, limit: 1024)))
        #expect(WebimChannelConfiguration().maxBodyBytes == 1 << 20)
    }

    @Test func onlyPostIsAWebhook() {
        var channel = guarded()
        let outcome = channel.handle(method: "GET", path: "/", headers: [:], body: [], time: noon)
        #expect(outcome.webhookResponse.status == 405)
        #expect(outcome.webhookResponse.body["error"] == "method_not_allowed")
    }

    @Test func unknownEventsAreAnswered200WithoutATurn() {
        var channel = guarded()
        let outcome = channel.handle(path: "/", headers: v2, body: Array(#"{"event": "chat_closed", "chat": {"id": 1}}"#.utf8), time: noon)
        #expect(outcome.webhookResponse == .acknowledged)
        #expect(outcome.error == nil)
        #expect(outcome.turn == nil)
        #expect(outcome.webhook?.event == .other(name: "chat_closed"))
        #expect(outcome.note == "event 'chat_closed' is not passed to the bot (conform handles new_chat and new_message); answered 200 and kept")
    }

    @Test func unknownMessageKindsAreAnswered200WithoutATurn() {
        var channel = guarded()
        let body = #"{"event": "new_message", "chat_id": 1, "message": {"kind": "operator_busy"}}"#
        let outcome = channel.handle(path: "/", headers: v2, body: Array(body.utf8), time: noon)
        #expect(outcome.webhookResponse == .acknowledged)
        #expect(outcome.turn == nil)
        #expect(outcome.note == "message kind 'operator_busy' is not passed to the bot; answered 200 and kept")
    }

    @Test func messageForAChatNeverOpenedStartsASessionAndSaysSo() throws {
        var channel = try Demo.channel()
        let outcome = channel.handle(path: "/", headers: v2, body: Array(Bodies.visitorMessage.utf8), time: noon)
        #expect(outcome.session == .unopenedChat)
        #expect(outcome.turn != nil)
        #expect(outcome.notes.contains("new_message for chat 1, which was never opened (no new_chat seen): a new session is started"))
        #expect(channel.sessions[.integer(1)]?.start == .unopenedChat)
    }

    @Test func aBotThatCannotStartIs500() {
        var channel = WebimChannel { _ in throw NoBot() }
        let outcome = channel.handle(path: "/", headers: v2, body: Array(Bodies.newChatWithoutMessages.utf8), time: noon)
        #expect(outcome.webhookResponse.status == 500)
        #expect(outcome.webhookResponse.body["error"] == "bot_unavailable")
        #expect(outcome.turn == nil)
        #expect(channel.sessions.isEmpty)
    }
}
