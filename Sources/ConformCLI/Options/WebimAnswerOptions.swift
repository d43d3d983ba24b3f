import ArgumentParser
import Recording
import WebimChannel
import WebimProtocol

/// How the channel adapter answers where the protocol leaves a choice (docs/webim-mapping.md): the
/// same settings `conform.yaml` gives replay (`forceQueueRedirect`, `silentReply`).
struct WebimAnswerOptions: ParsableArguments {
    @Flag(name: .customLong("force-queue-redirect"),
          help: ArgumentHelp("Send a redirect to the general queue even when X-Webim-Version says the account's Webim is older than 10.4.",
                             discussion: "Example: --force-queue-redirect"))
    var forceQueueRedirect = false

    @Option(name: .customLong("silent-reply"),
            help: ArgumentHelp("What a bot-api-1 webhook answers when the bot says nothing: messages ({\"has_answer\": true, \"messages\": []}), no-answer ({\"has_answer\": false}: Webim queues the chat) or empty ({}).",
                               discussion: "Example: --silent-reply empty", valueName: "ANSWER"))
    var silentReply = "messages"

    func apply(to channel: inout WebimChannelConfiguration) throws {
        channel.forceQueueRedirect = forceQueueRedirect
        guard let reply = WebimSyncReply(setting: silentReply) else {
            emitError("error: --silent-reply must be one of \(SuiteConfig.silentReplies.joined(separator: ", ")), got '\(silentReply)'")
            throw ExitCode(2)
        }
        channel.silentReplyBotAPI1 = reply
    }
}
