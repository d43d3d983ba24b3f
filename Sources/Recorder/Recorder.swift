import ConformConcurrency
import Foundation
import Hummingbird
import Recording
import WebimServer

/// `conform record`: a recording proxy between Webim and a bot.
///
/// - The webhook listener (`listen`) receives Webim's webhooks and forwards each to the upstream —
///   a deployed bot's URL, or conform's own runtime — returning its answer unchanged.
/// - The API listener (`apiListen`, only with `webimAPI`) is the bot's Webim API base URL: each call
///   is forwarded to the real Webim and recorded with the chat and turn it belongs to.
/// - Every exchange goes to its chat's journal before it is answered; a chat's recording is
///   written when the bot closes it, after `idle` seconds without traffic, and at `stop()`.
///   Journals a crashed run left are turned into recordings when the recorder starts.
///
/// ```swift
/// let recorder = try await Recorder.start(RecorderSettings(listen: ListenAddress(host: "127.0.0.1", port: 0),
///                                                          upstream: .url("http://127.0.0.1:8080"), out: "Recordings/live"))
/// // point Webim (or `conform simulate`) at http://\(recorder.webhookAddress)/
/// await recorder.stop()   // every open chat's recording is written
/// ```
public final class Recorder: Sendable {
    public let status: RecorderStatus
    public let webhookAddress: ListenAddress
    public let apiAddress: ListenAddress?
    /// Recordings written from journals a previous run left behind.
    public let recovered: [JournalStore.Finalized]
    private let proxy: RecordingProxy
    private let servers: [HTTPServer]
    private let localBot: LocalBot?
    private let sweeper: Task<Void, Never>
    private let stopped = Locked(false)

    private init(status: RecorderStatus, webhookAddress: ListenAddress, apiAddress: ListenAddress?,
                 recovered: [JournalStore.Finalized], proxy: RecordingProxy, servers: [HTTPServer], localBot: LocalBot?,
                 sweeper: Task<Void, Never>) {
        self.status = status
        self.webhookAddress = webhookAddress
        self.apiAddress = apiAddress
        self.recovered = recovered
        self.proxy = proxy
        self.servers = servers
        self.localBot = localBot
        self.sweeper = sweeper
    }

    public static func start(_ settings: RecorderSettings) async throws(RecorderError) -> Recorder {
        let store = try JournalStore(folder: settings.out)
        let status = RecorderStatus()
        let proxy = RecordingProxy(settings: settings, store: store, status: status)

        store.removeStaleTemporaryFiles()
        var recovered: [JournalStore.Finalized] = []
        for stem in store.leftoverJournals() {
            if let written = await proxy.recover(stem) { recovered.append(written) }
        }

        var servers: [HTTPServer] = []
        var apiAddress: ListenAddress?
        var localBot: LocalBot?
        do {
            if settings.webimAPI != nil {
                let api = try await HTTPServer.start(listen: settings.apiListen) { request, _ in await proxy.call(request) }
                servers.append(api)
                apiAddress = api.address
            }
            if case .localBot(let bot, _) = settings.upstream {
                localBot = LocalBot(bot: bot, settings: settings, apiProxyURL: apiAddress.map { "http://\($0)" })
            }
            let bot = localBot
            let webhook = try await HTTPServer.start(listen: settings.listen, tls: settings.tls) { request, _ in
                await proxy.webhook(request, localBot: bot)
            }
            servers.append(webhook)
            let interval = settings.sweepInterval
            let sweeper = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    if Task.isCancelled { break }
                    await proxy.sweep()
                }
            }
            return Recorder(status: status, webhookAddress: webhook.address, apiAddress: apiAddress, recovered: recovered,
                            proxy: proxy, servers: servers, localBot: localBot, sweeper: sweeper)
        } catch {
            for server in servers { await server.stop() }
            await localBot?.shutdown()
            await proxy.finalizeAll()
            throw .invalidSetting("\(error)")
        }
    }

    /// Stops listening (requests in flight are answered and recorded first), delivers a local bot's
    /// queued calls, then writes every open chat's recording. Safe to call twice.
    public func stop() async {
        guard stopped.withLock({ was in defer { was = true }; return !was }) else { return }
        sweeper.cancel()
        // The webhook listener first: a local bot's calls still need the API listener.
        await servers.last?.stop()
        await localBot?.shutdown()
        for server in servers.dropLast() { await server.stop() }
        await proxy.finalizeAll()
    }

    public var outputFolder: String { proxy.store.folder }
}
