import WebimProtocol

/// How the adapter behaves; one per suite (`conform.yaml`) or per `conform serve`.
///
/// ```swift
/// var configuration = WebimChannelConfiguration()
/// configuration.channelType = "webim2"      // a bot deployed on JAICP's External Bot API 2.0 channel
/// configuration.prechatSeparator = " "
/// ```
public struct WebimChannelConfiguration: Sendable {
    /// `$request.channelType`: `webim` for JAICP's Custom Channel API channel, `webim2` for its
    /// External Bot API 2.0 channel. A setting, never derived from the dialect.
    public var channelType = "webim"
    /// Joins the texts of pre-chat messages into the one query JAICP makes of them.
    public var prechatSeparator = "\n"
    /// Forces a dialect whatever the request says (nil: detect it per request).
    public var dialect: WebimDialect?
    /// The dialect of a request that says nothing decisive (a `new_chat` without the version header
    /// or a `/v1` `/v2` path) in a chat not seen before.
    public var defaultDialect: WebimDialect = .botAPI2
    /// Bodies larger than this are refused (413) unread.
    public var maxBodyBytes = 1 << 20
    /// What a bot-api-1 webhook answers when the bot has nothing to say. Not `{"has_answer": false}`
    /// by default: Webim reads that as "hand the chat to the queue", which a silent turn (a
    /// `newChatStarted` state that only sets variables) must not do.
    public var silentReplyBotAPI1: WebimSyncReply = .answer([])
    /// Send `redirect_chat` to the general queue even when `X-Webim-Version` says the account runs a
    /// Webim older than 10.4, which does not support it.
    public var forceQueueRedirect = false

    public init() {}
}
