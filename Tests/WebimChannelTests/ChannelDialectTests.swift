import BotRuntime
import ConformJSON
import Testing
import WebimChannel
import WebimProtocol

/// How the channel picks a request's dialect, and settings that reach the bot.
@Suite struct ChannelDialectTests {
    @Test func aNewChatThatSaysNothingUsesTheDefaultAndSaysSo() throws {
        var channel = try Demo.channel()
        let outcome = channel.handle(path: "/", headers: [:], body: Array(Bodies.newChatWithoutMessages.utf8), time: noon)
        #expect(outcome.dialect == DialectDetection(dialect: .botAPI2, source: .default,
                                                    evidence: "no version header, /v1 /v2 path or telling body shape: the default"))
        #expect(outcome.webhookResponse == .acknowledged)
        var configuration = WebimChannelConfiguration()
        configuration.defaultDialect = .botAPI1
        var other = try Demo.channel(configuration)
        #expect(other.handle(path: "/", headers: [:], body: Array(Bodies.newChatWithoutMessages.utf8), time: noon)
            .webhookResponse.body["has_answer"] == true)
    }

    @Test func aForcedDialectWinsOverTheHeader() throws {
        var configuration = WebimChannelConfiguration()
        configuration.dialect = .botAPI1
        var channel = try Demo.channel(configuration)
        let outcome = channel.handle(path: "/", headers: v2, body: Array(Bodies.newChatWithoutMessages.utf8), time: noon)
        #expect(outcome.dialect?.source == .configuration)
        #expect(outcome.calls.isEmpty)
        #expect(outcome.webhookResponse.body["messages"]?.arrayValue?.count == 3)
    }

    @Test func channelTypeAndSeparatorReachTheBot() throws {
        var configuration = WebimChannelConfiguration()
        configuration.channelType = "webim2"
        configuration.prechatSeparator = " "
        var channel = try Demo.channel(configuration)
        let outcome = channel.handle(path: "/", headers: v2, body: Array(Bodies.newChatWithMessages.utf8), time: noon)
        #expect(outcome.request?.channelType == "webim2")
        #expect(outcome.request?.query == "hello where is my order?")
        #expect(outcome.request?.time == noon)
    }

    @Test func integerAndStringChatIDsAreDifferentChats() throws {
        var channel = try Demo.channel()
        _ = channel.handle(path: "/", headers: v2, body: Array(#"{"event": "new_chat", "chat": {"id": 1}, "visitor": {"id": "a"}}"#.utf8), time: noon)
        _ = channel.handle(path: "/", headers: v2, body: Array(#"{"event": "new_chat", "chat": {"id": "1"}, "visitor": {"id": "b"}}"#.utf8), time: noon)
        #expect(channel.sessions.count == 2)
        #expect(channel.sessions[.integer(1)]?.visitorID == "a")
        #expect(channel.sessions[.string("1")]?.visitorID == "b")
        channel.endSession(.integer(1))
        #expect(channel.sessions.keys.map(\.description) == ["\"1\""])
    }
}
