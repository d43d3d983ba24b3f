import ConformJSON
import Foundation
import JSEngine
import Recording
import Replay
import WebimChannel
import WebimServer

/// `conform replay --over-http`: every recording through a real `conform serve` endpoint on
/// loopback. Each webhook is posted over HTTP as Webim would; the bot's bot-api-2 calls go over HTTP
/// to a local Webim API (the simulator's) that captures them. What is compared from the wire comes
/// from the wire; what the wire cannot show (the turn's replies and state, the variables `expect`
/// checks) is read on the server's turn thread by a `TurnDirector`, which also gives the turn the
/// recording's clock, draws and `$http` answers.
///
/// Drivers wait on replay's worker threads for HTTP work that runs on Swift concurrency's pool, so
/// call `ReplayRun.run()` from a thread outside that pool (`conform replay` calls it from main).
public struct HTTPReplayDriverFactory: ReplayDriverFactory {
    /// How long the bot's calls of one turn may take to reach the Webim API.
    public var callTimeout: Duration

    public init(callTimeout: Duration = .seconds(10)) { self.callTimeout = callTimeout }

    public func driver(for context: ReplayContext, engine: JSEngine) throws(ReplayDriverFailure) -> any ReplayDriver {
        try HTTPReplayDriver.start(context: context, callTimeout: callTimeout)
    }
}

/// One recording's endpoint, Webim API and client, started fresh so recordings never share chats.
final class HTTPReplayDriver: ReplayDriver {
    private let director: ReplayDirector
    private let endpoint: WebhookEndpoint
    private let api: HTTPServer
    private let inbox: CallInbox
    private let client: JSONHTTPClient
    private let callTimeout: Duration
    /// Calls already handed out: the inbox's later ones belong to the next turn.
    private var consumed = 0

    private init(director: ReplayDirector, endpoint: WebhookEndpoint, api: HTTPServer, inbox: CallInbox,
                 client: JSONHTTPClient, callTimeout: Duration) {
        self.director = director
        self.endpoint = endpoint
        self.api = api
        self.inbox = inbox
        self.client = client
        self.callTimeout = callTimeout
    }

    static func start(context: ReplayContext, callTimeout: Duration) throws(ReplayDriverFailure) -> HTTPReplayDriver {
        let director = ReplayDirector(context: context)
        let inbox = CallInbox()
        let loopback = ListenAddress(host: "127.0.0.1", port: 0)
        let started: Result<(HTTPServer, WebhookEndpoint), HTTPServerError> = blocking {
            do throws(HTTPServerError) {
                let api = try await SimulatedWebimAPI(inbox: inbox).start(listen: loopback)
                let settings = ServeSettings(listen: loopback, channel: context.channel, runtime: context.options,
                                             destination: .webim(WebimAPIEndpoint(baseURL: "http://\(api.address)", token: nil)),
                                             idleTimeout: nil, log: .discard, director: director)
                do throws(HTTPServerError) {
                    return .success((api, try await WebhookEndpoint.start(bot: context.bot, settings: settings)))
                } catch {
                    await api.stop()
                    throw error
                }
            } catch {
                return .failure(error)
            }
        }
        switch started {
        case .success(let (api, endpoint)):
            return HTTPReplayDriver(director: director, endpoint: endpoint, api: api, inbox: inbox, client: JSONHTTPClient(),
                                    callTimeout: callTimeout)
        case .failure(let error):
            throw ReplayDriverFailure("over HTTP: \(error)")
        }
    }

    func feed(_ request: HTTPRequestRecord, directions: TurnDirections) throws(ReplayDriverFailure) -> DrivenTurn {
        director.expect(directions)
        let url = "http://\(endpoint.address)\(request.path)"
        let body = request.body.map { Array(JSONWriter.compact($0).utf8) }
        let client = self.client
        let answered = blocking {
            do throws(JSONHTTPClient.Failure) {
                return Result<JSONHTTPClient.Answer, JSONHTTPClient.Failure>.success(
                    try await client.send(request.method, url, headers: request.headers, body: body, timeout: .seconds(30)))
            } catch {
                return .failure(error)
            }
        }
        let answer: JSONHTTPClient.Answer
        switch answered {
        case .success(let a): answer = a
        case .failure(let error): throw ReplayDriverFailure("over HTTP: the webhook got no answer: \(error)")
        }
        // A webhook refused before it reached the bot (a path `serve` does not serve) has no turn.
        var driven = director.takeObserved() ?? DrivenTurn(response: WebhookResponse(status: answer.status, body: .null))
        driven.response = WebhookResponse(status: answer.status, body: answer.json ?? .string(answer.text))
        driven.calls = try receiveCalls(driven.calls.count).map {
            DrivenCall(method: $0.httpMethod, path: $0.path, body: $0.body ?? .null)
        }
        return driven
    }

    /// Waits until the turn's calls (sent after the webhook was answered) reached the Webim API.
    private func receiveCalls(_ count: Int) throws(ReplayDriverFailure) -> [ReceivedCall] {
        let deadline = ContinuousClock.now + callTimeout
        while true {
            let all = inbox.all
            if all.count >= consumed + count {
                defer { consumed += count }
                return Array(all[consumed..<consumed + count])
            }
            guard ContinuousClock.now < deadline else {
                throw ReplayDriverFailure("over HTTP: the bot made \(count) Webim API call\(count == 1 ? "" : "s") but only "
                                          + "\(all.count - consumed) reached the API within \(callTimeout)")
            }
            Thread.sleep(forTimeInterval: 0.001)
        }
    }

    func restart() {
        let host = endpoint.host
        blocking { await host.endAllSessions() }
        director.restart()
    }

    func close() {
        let (endpoint, api, client) = (self.endpoint, self.api, self.client)
        blocking {
            await endpoint.stop()
            await api.stop()
            await client.shutdown()
        }
    }
}
