import BotRuntime
import ConformJSON
import Foundation
import Recording
import WebimChannel
import WebimServer

/// `conform record --bot PATH`: conform's own runtime as the upstream. Each answer also carries
/// the turn's `expect` and random draws, so the recording replays strictly. The bot's bot-api-2
/// calls either go through the recorder's API proxy to the real Webim (when one is named), or are
/// answered in process as Webim answers them (`{"result": "ok"}`) and recorded with the turn.
final class LocalBot: Sendable {
    let host: BotHost
    let delivery: CallDelivery?
    /// Makes the bot's `$http` calls for real (unless the run turned that off).
    let http: LiveHTTP?

    init(bot: CompiledBot, settings: RecorderSettings, apiProxyURL: String?) {
        let delivery = apiProxyURL.map {
            CallDelivery(destination: .webim(WebimAPIEndpoint(baseURL: $0, token: settings.localBotToken)), log: settings.log)
        }
        let http = settings.botHTTPTimeout.map { LiveHTTP(defaultTimeout: $0) }
        self.http = http
        host = BotHost(bot: bot, channel: settings.channel, options: settings.runtime, idleTimeout: settings.idle,
                       captureExpectations: true, http: http ?? RefusedHTTP()) { served in
            if let delivery, let chatID = served.chatID { delivery.deliver(served.calls, chat: chatID) }
        }
        self.delivery = delivery
    }

    struct Answer {
        var status: Int
        var body: JSONValue
        var expect: JSONValue?
        var random: [Int]
        /// Calls answered in process (no Webim API named), as recorded exchanges.
        var calls: [JSONValue]
        /// The bot's `$http` exchanges (`turns[].http`): URL as `path`, no headers.
        var http: [JSONValue]
        var logLine: String
    }

    func answer(method: String, path: String, headers: [(String, String)], body: [UInt8], at: Date) async -> Answer {
        let served = await host.handle(WebhookRequest(method: method, path: path,
                                                      headers: Dictionary(headers, uniquingKeysWith: { $0 + ", " + $1 }),
                                                      body: body, receivedAt: at))
        var calls: [JSONValue] = []
        if delivery == nil {
            let time = at.timeIntervalSince1970 * 1000
            calls = served.calls.enumerated().map { offset, call in
                RecordingWriter.exchange(
                    at: RecordingTime.string(milliseconds: time + Double(offset + 1)),
                    request: HTTPRequestRecord(method: call.httpMethod, path: call.path,
                                               headers: [("content-type", "application/json")], body: call.body),
                    response: HTTPResponseRecord(status: 200, body: ["result": "ok"]))
            }
        }
        return Answer(status: served.response.status, body: served.response.body, expect: served.expectation,
                      random: served.randomDraws, calls: calls, http: served.http.map(Self.record), logLine: served.logLine)
    }

    static func record(_ exchange: HTTPExchange) -> JSONValue {
        RecordingWriter.httpExchange(method: exchange.method, url: exchange.url, requestBody: exchange.requestBody,
                                     status: exchange.status, responseBody: exchange.responseBody, error: exchange.error)
    }

    func shutdown() async {
        await delivery?.drain()
        await host.shutdown()
        await http?.shutdown()
    }
}
