import BotRuntime
import BotScript
import Foundation
import JSEngine
import Testing
import WebimChannel
import WebimProtocol
import WebimServer

/// Where bot turns run, and the small values the commands parse.
@Suite struct BotHostTests {
    @Test func turnsRunOnTheDedicatedThreadInOrder() async throws {
        let threads = CapturedNames()
        let thread = TurnThread(name: "conform-turns")
        #expect(!thread.isCurrent)
        let host = BotHost(bot: try Fixtures.bot(), channel: WebimChannelConfiguration(), thread: thread) { served in
            threads.append("\(thread.isCurrent ? "turn thread" : "elsewhere") \(served.chatID?.text ?? "-")")
        }
        // Chats opened at once: each gets its own engine, all on the one thread.
        await withTaskGroup(of: Void.self) { group in
            for chat in 1...4 {
                group.addTask {
                    let body = Array(#"{"event": "new_chat", "chat": {"id": \#(chat)}, "visitor": {"id": "v"}}"#.utf8)
                    let served = await host.handle(WebhookRequest(method: "POST", path: "/", headers: ["x-bot-api-version": "2.0"], body: body))
                    #expect(served.calls.count == 3)
                }
            }
        }
        #expect(await host.chatCount == 4)
        #expect(threads.names.count == 4)
        #expect(threads.names.sorted() == ["turn thread 1", "turn thread 2", "turn thread 3", "turn thread 4"])
        await host.shutdown()
    }

    /// webim-protocol.md: a queue redirect is skipped for a Webim older than 10.4 — and logged.
    @Test func aSkippedQueueRedirectIsInTheLogLine() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-host-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Data("name: q\nentryPoint: main.sc\n".utf8).write(to: root.appendingPathComponent("chatbot.yaml"))
        try Data("theme: /\n    state: Op\n        q!: *\n        script: $reactions.transferToOperator({});\n".utf8)
            .write(to: root.appendingPathComponent("src/main.sc"))
        let bot = CompiledBot(project: try ProjectLoader().load(at: root.path))
        let host = BotHost(bot: bot, channel: WebimChannelConfiguration())
        let body = Array(#"{"event": "new_message", "chat_id": 5, "message": {"id": "m", "kind": "visitor", "text": "human"}}"#.utf8)
        let served = await host.handle(WebhookRequest(method: "POST", path: "/", headers: ["x-bot-api-version": "2.0", "x-webim-version": "10.3.7"],
                                                      body: body))
        #expect(served.calls.allSatisfy { !$0.path.hasSuffix("redirect_chat") })
        #expect(served.logLine.contains("replies[0] (redirect_chat) not sent: a redirect to the general queue needs Webim 10.4 or later"),
                "\(served.logLine)")
        await host.shutdown()
    }

    @Test func listenAddresses() {
        #expect(ListenAddress("127.0.0.1:8080") == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(ListenAddress(":9000") == ListenAddress(host: "127.0.0.1", port: 9000))
        #expect(ListenAddress("[::1]:0") == ListenAddress(host: "::1", port: 0))
        #expect(ListenAddress("[::1]:0")?.description == "[::1]:0")
        #expect(ListenAddress("localhost") == nil)
        #expect(ListenAddress("host:70000") == nil)
    }

    @Test func webimEndpointsAcceptTheAPIPathOrATrailingSlash() {
        for base in ["https://acct.webim.ru", "https://acct.webim.ru/", "https://acct.webim.ru/api/bot/v2", "https://acct.webim.ru/api/bot/v2/"] {
            let endpoint = WebimAPIEndpoint(baseURL: base, token: nil)
            #expect(endpoint.url(for: WebimAPICall(.closeChat(chatID: .integer(1)))) == "https://acct.webim.ru/api/bot/v2/close_chat")
        }
    }
}

final class CapturedNames: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    var names: [String] { lock.withLock { storage } }
    func append(_ name: String) { lock.withLock { storage.append(name) } }
}

/// `serve` gives every chat its own engine (a JavaScriptCore VM, about 1.3 MB): a chat that closes must
/// take it along, or a long-running server grows by a VM per chat.
@Suite struct BotHostEngineReleaseTests {
    /// Keeps a weak reference to each chat's engine.
    final class EngineWatcher: TurnDirector, @unchecked Sendable {
        private let lock = NSLock()
        private var engines: [() -> JSEngine?] = []

        var alive: Int { lock.withLock { engines.filter { $0() != nil }.count } }
        var started: Int { lock.withLock { engines.count } }

        func options(forNewChat chat: WebimID, default options: RuntimeOptions) -> RuntimeOptions { options }
        func conversationStarted(_ conversation: Conversation, chat: WebimID) {
            weak var engine = conversation.engine
            lock.withLock { engines.append { engine } }
        }
        func turn(for request: WebhookRequest) -> DirectedTurn? { nil }
    }

    @Test func aClosedChatsEngineIsReleased() async throws {
        let watcher = EngineWatcher()
        let host = BotHost(bot: try Fixtures.bot(), channel: WebimChannelConfiguration(), director: watcher)
        let headers = ["x-bot-api-version": "2.0"]
        for chat in 1...3 {
            let open = Array(#"{"event": "new_chat", "chat": {"id": \#(chat)}, "visitor": {"id": "v"}}"#.utf8)
            _ = await host.handle(WebhookRequest(method: "POST", path: "/", headers: headers, body: open))
        }
        #expect(watcher.started == 3)
        #expect(watcher.alive == 3)
        for chat in 1...2 {
            let bye = Array(#"{"event": "new_message", "chat_id": \#(chat), "message": {"kind": "visitor", "text": "thanks, bye"}}"#.utf8)
            let served = await host.handle(WebhookRequest(method: "POST", path: "/", headers: headers, body: bye))
            #expect(served.calls.last?.name == "close_chat")
        }
        #expect(await host.chatCount == 1)
        #expect(watcher.alive == 1)
        await host.shutdown()
    }
}
