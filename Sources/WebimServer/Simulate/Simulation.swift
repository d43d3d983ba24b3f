import Foundation
import WebimProtocol

/// `conform simulate`: Webim's side of a bot integration. It serves the bot API the bot calls
/// (`SimulatedWebimAPI`) and plays conversation scripts against a webhook, several at once (each
/// in its own chat), each producing a transcript.
///
/// ```swift
/// let simulation = try await Simulation.start(api: ListenAddress(host: "127.0.0.1", port: 8081))
/// let results = await simulation.play([(name: "greeting", script: script)], webhook: "http://127.0.0.1:8080/")
/// results[0].lines   // ["visitor opens the chat", "bot: Hello! …", …]
/// await simulation.stop()
/// ```
public final class Simulation: Sendable {
    public let inbox: CallInbox
    private let server: HTTPServer
    private let client = JSONHTTPClient()

    /// Where the simulated bot API listens (the bot's `--webim-api`), with the real port.
    public var apiAddress: ListenAddress { server.address }
    public var apiURL: String { "http://\(server.address)" }

    private init(inbox: CallInbox, server: HTTPServer) {
        self.inbox = inbox
        self.server = server
    }

    /// Starts the simulated bot API.
    /// - Parameter token: when set, calls must carry `Authorization: Token <token>`.
    /// - Parameter historyLogin: serve the chat history (Webim's stored-data `GET /api/v2/chat`) to this admin login.
    public static func start(api listen: ListenAddress, token: String? = nil,
                             historyLogin: WebimAdminLogin? = nil) async throws(HTTPServerError) -> Simulation {
        let inbox = CallInbox()
        let server = try await SimulatedWebimAPI(inbox: inbox, token: token, historyLogin: historyLogin).start(listen: listen)
        return Simulation(inbox: inbox, server: server)
    }

    /// Plays the scripts concurrently against `webhook`; results in the order given. Chat ids must
    /// differ (calls are attributed by `chat_id`): see `sharedChats`.
    /// - Parameter onLine: each transcript line as it happens, with the index of its script.
    public func play(_ scripts: [(name: String, script: ConversationScript)], webhook: String,
                     timing: SimulationTiming = SimulationTiming(),
                     onLine: @escaping @Sendable (Int, String) -> Void = { _, _ in },
                     onResult: @escaping @Sendable (Int, ScriptResult) -> Void = { _, _ in }) async -> [ScriptResult] {
        let client = self.client
        let inbox = self.inbox
        let apiURL = self.apiURL
        return await withTaskGroup(of: (Int, ScriptResult).self) { group in
            for (index, entry) in scripts.enumerated() {
                group.addTask {
                    let player = ScriptPlayer(script: entry.script, name: entry.name, webhook: webhook, timing: timing,
                                              client: client, inbox: inbox, apiURL: apiURL, onLine: { onLine(index, $0) })
                    let result = await player.play()
                    onResult(index, result)
                    return (index, result)
                }
            }
            var results: [ScriptResult?] = Array(repeating: nil, count: scripts.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }

    /// Chat ids used by more than one script.
    public static func sharedChats(_ scripts: [ConversationScript]) -> [WebimID] {
        var seen: Set<WebimID> = []
        var shared: [WebimID] = []
        for script in scripts where !seen.insert(script.chatID).inserted && !shared.contains(script.chatID) {
            shared.append(script.chatID)
        }
        return shared
    }

    public func stop() async {
        await server.stop()
        await client.shutdown()
    }
}
