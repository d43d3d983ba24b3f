import ConformJSON
import OrderedCollections

/// One request to the bot, as a channel hands it over: a text (`query`) or an `event`, with the
/// channel's fields. It becomes the script-visible `$request`.
public struct BotRequest: Sendable {
    public var query: String?
    public var event: String?
    /// `$request.data` (`chatId`, `eventData`, button data, …).
    public var data: JSONValue
    /// The channel's request exactly as received (`$request.rawRequest`).
    public var rawRequest: JSONValue?
    public var channelType: String
    public var channelUserId: String
    public var botId: String?
    public var accountId: String?
    public var questionId: String?
    public var userFrom: JSONValue?
    /// An intent decided outside (a recording's `nlu`, an XML test), for `intent:` triggers.
    public var intent: String?
    /// The time the bot's clock reads during this turn, in epoch milliseconds.
    public var time: Double
    /// A state to enter without matching (a fired `timeout`, whose `targetState` the platform enters
    /// when the user stays silent). `preMatch` handlers still run first and may redirect.
    public var targetState: String?

    public init(query: String? = nil, event: String? = nil, data: JSONValue = [:], rawRequest: JSONValue? = nil,
                channelType: String = "webim", channelUserId: String = "user", botId: String? = nil,
                accountId: String? = nil, questionId: String? = nil, userFrom: JSONValue? = nil,
                intent: String? = nil, time: Double = 0, targetState: String? = nil) {
        self.query = query
        self.event = event
        self.data = data
        self.rawRequest = rawRequest
        self.channelType = channelType
        self.channelUserId = channelUserId
        self.botId = botId
        self.accountId = accountId
        self.questionId = questionId
        self.userFrom = userFrom
        self.intent = intent
        self.time = time
        self.targetState = targetState
    }

    /// `$request` as scripts see it: `query` XOR `event`.
    public var scriptValue: JSONValue {
        var members = OrderedDictionary<String, JSONValue>()
        if let query { members["query"] = .string(query) }
        if let event { members["event"] = .string(event) }
        members["channelType"] = .string(channelType)
        members["channelUserId"] = .string(channelUserId)
        if let botId { members["botId"] = .string(botId) }
        if let accountId { members["accountId"] = .string(accountId) }
        if let questionId { members["questionId"] = .string(questionId) }
        members["data"] = data
        if let rawRequest { members["rawRequest"] = rawRequest }
        if let userFrom { members["userFrom"] = userFrom }
        members["version"] = 1
        return .object(members)
    }
}
