import BotRuntime
import BotScript
import ConformJSON
import Foundation
import JSEngine
import LocalChat
import Recording
import Replay
import Testing

enum Demo {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var bot: String { repository.appendingPathComponent("Recordings/bots/demo").path }
    static func compiled() throws -> CompiledBot { CompiledBot(project: try ProjectLoader().load(at: bot)) }

    /// The transcript of typing `lines` one after another.
    static func transcript(_ chat: inout VisitorChat, _ lines: [String]) -> [String] {
        lines.flatMap { chat.enter($0).map(\.text) }
    }
}

@Suite struct VisitorChatTests {
    @Test func firstMessageOpensTheChatAndNumbersPressButtons() throws {
        var chat = VisitorChat(bot: try Demo.compiled(), engine: JSEngine(), settings: .init(name: "chat"))
        #expect(Demo.transcript(&chat, ["hello", "2", "/state", "bye", "anyone there?"]) == [
            #"visitor opens the chat, having written: "hello""#,
            "bot: Hello! I am the shop assistant.",
            "bot: What can I help you with?",
            "  [1] Track an order",
            "  [2] Delivery",
            "  [3] Talk to a person",
            "  state: /Menu",
            "  $session.greeted = true",
            "  $session.turns = 1",
            "visitor clicks [2] Delivery",
            "bot: Delivery takes 2 to 5 days anywhere in the country.",
            "bot: Anything else?",
            "  state: /Delivery",
            "  $session.turns = 2 (was 1)",
            "state: /Delivery",
            "visitor: bye",
            "bot: Goodbye!",
            "→ bot sets category demo / bye",
            "→ bot closes the chat",
            "  state: /Bye",
            "  $session.turns = 3 (was 2)",
            "the chat is closed",
            "✗ the chat is closed",
        ])
        #expect(chat.isOver)
        #expect(chat.turnCount == 3)
    }

    @Test func openWithoutMessagesGreetsByNameAndTransfersAreEvents() throws {
        var settings = VisitorChat.Settings(name: "transfer")
        settings.visitorFields = ["name": "Anna"]
        var chat = VisitorChat(bot: try Demo.compiled(), engine: JSEngine(), settings: settings)
        #expect(Demo.transcript(&chat, ["/file https://x.example/a.pdf", "/open", "3"]) == [
            "✗ open the chat first: /open, or write a message",
            "visitor opens the chat",
            "bot: Hello, Anna! I am the shop assistant.",
            "bot: What can I help you with?",
            "  [1] Track an order",
            "  [2] Delivery",
            "  [3] Talk to a person",
            "  state: /Menu",
            "  $session.greeted = true",
            "  $session.turns = 1",
            "  $session.startPage = null",
            #"  $session.visitorName = "Anna""#,
            "visitor clicks [3] Talk to a person",
            "bot: Connecting you to an agent.",
            "→ bot hands the chat to department support",
            "  state: /Operator",
            "  $session.turns = 2 (was 1)",
        ])
        #expect(!chat.isOver)
    }

    @Test func numbersOutsideTheKeyboardAreTextAndFilesAreSent() throws {
        var chat = VisitorChat(bot: try Demo.compiled(), engine: JSEngine(), settings: .init(name: "order"))
        let lines = Demo.transcript(&chat, ["/prechat hi | where is my order?", "12347", "/file https://x.example/files/receipt.pdf"])
        #expect(lines.contains("visitor: 12347"))
        #expect(lines.contains("bot: Order 12347 has been shipped."))
        #expect(lines.contains("visitor sends a file receipt.pdf (application/pdf)"))
        #expect(lines.contains("bot: Thank you, I received receipt.pdf. An agent will look at it."))
    }

    @Test func recordingOfTheChatReplaysClean() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conform-chat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = VisitorChat.Settings(name: "a chat typed by hand", botReference: Demo.bot)
        settings.visitorFields = ["name": "Anna"]
        var chat = VisitorChat(bot: try Demo.compiled(), engine: JSEngine(), settings: settings)
        _ = Demo.transcript(&chat, ["/open", "2", "/wait 40", "what?", "1", "12347", "thanks, bye"])
        let file = folder.appendingPathComponent("typed.json").path
        try RecordingWriter.write(chat.recording, to: file)

        let outcomes = try ReplayRun(paths: [folder.path], settings: ReplaySettings(), jobs: 1).run()
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.status == .passed, "\(outcomes.first?.differences.map(\.difference) ?? [])")
        let turns = chat.recording["turns"]?.arrayValue ?? []
        #expect(turns.count == 6)
        // The Delivery state's `random:` draw is in the recording, so replay does not depend on luck.
        #expect(turns[1]["random"] == [1])
        // /wait moved the clock: 40 s after the click plus the usual 5 s between turns.
        #expect(turns[2]["at"]?.stringValue == "2025-11-25T10:00:50.000Z")
    }

    @Test func theBotsHTTPCallsGoToTheGivenProviderAndAreRecordedForReplay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conform-chat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("bot/src"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("name: rate\nentryPoint: main.sc\n".utf8).write(to: folder.appendingPathComponent("bot/chatbot.yaml"))
        try Data("""
            theme: /
                state: Rate
                    q!: * rate *
                    script:
                        var r = $http.get("https://api.example.com/rate?c=USD", {headers: {"X-Api-Key": "k-1"}});
                        $reactions.answer(r.isOk ? "USD is " + r.data.value : "no rate");
            """.utf8).write(to: folder.appendingPathComponent("bot/src/main.sc"))
        let bot = CompiledBot(project: try ProjectLoader().load(at: folder.appendingPathComponent("bot").path))
        // `conform chat` gives the bot a LiveHTTP (tested on loopback in RecordBotHTTPTests); here a
        // stand-in service answers.
        var settings = VisitorChat.Settings(name: "rate", botReference: "bot")
        settings.http = QueuedHTTPMocks([.init(method: "GET", url: "https://api.example.com/rate?c=USD",
                                               response: HTTPMockResponse(status: 200, body: ["value": 91.5]))])
        var chat = VisitorChat(bot: bot, engine: JSEngine(), settings: settings)
        #expect(Demo.transcript(&chat, ["what is the rate"]).contains("bot: USD is 91.5"))
        let http = chat.recording["turns"]?[0]?["http"]
        #expect(http == [["request": ["method": "GET", "path": "https://api.example.com/rate?c=USD"],
                          "response": ["status": 200, "body": ["value": 91.5]]]])
        try RecordingWriter.write(chat.recording, to: folder.appendingPathComponent("rate.json").path)
        let outcomes = try ReplayRun(paths: [folder.appendingPathComponent("rate.json").path], settings: ReplaySettings(), jobs: 1).run()
        #expect(outcomes.first?.status == .passed, "\(outcomes.first?.status as Any) \(outcomes.first?.differences.map(\.difference) ?? [])")
    }
}

@Suite struct ChatInputTests {
    @Test func linesAreReadAsVisitorActionsAndCommands() {
        #expect(ChatInput("  where is my order ") == .say("where is my order"))
        #expect(ChatInput("") == .nothing)
        #expect(ChatInput("/open") == .open)
        #expect(ChatInput("/prechat hello |  where is my order? ") == .prechat(["hello", "where is my order?"]))
        #expect(ChatInput("/say 2") == .sayText("2"))
        #expect(ChatInput("/file https://x.example/a.pdf my receipt.pdf") == .file(url: "https://x.example/a.pdf", name: "my receipt.pdf"))
        #expect(ChatInput("/wait 2.5") == .wait(2.5))
        #expect(ChatInput("/QUIT") == .close)
        #expect(ChatInput("/session") == .showSession)
        #expect(ChatInput("/wait soon") == .invalid("/wait needs a number of seconds: /wait 30"))
        #expect(ChatInput("/start") == .sayText("/start"))
        #expect(ChatInput("/frobnicate now") == .sayText("/frobnicate now"))
    }
}

@Suite struct SessionChangesTests {
    @Test func addedChangedAndDeletedKeysEachGetALine() throws {
        let before: JSONValue = ["a": 1, "b": "x", "gone": true, "contextPath": "/"]
        let after: JSONValue = ["a": 2, "b": "x", "new": ["n": 1], "contextPath": "/Menu"]
        #expect(SessionChanges.lines(from: before, to: after, hiding: SessionChanges.bookkeeping) == [
            "$session.a = 2 (was 1)",
            #"$session.new = {"n":1}"#,
            "$session.gone deleted",
        ])
    }

    /// `Math.random` is seeded from the chat, not from where the file is or what it is called: a
    /// recording made by `conform chat --record` replays from any folder, under any name.
    @Test func mathRandomRepliesReplayWhereverTheRecordingIsKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conform-chat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("bot/src"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("deep/er"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("name: dice\nentryPoint: main.sc\n".utf8).write(to: folder.appendingPathComponent("bot/chatbot.yaml"))
        try Data("""
            theme: /
                state: Roll
                    q!: * roll *
                    script: $reactions.answer("dice " + Math.floor(Math.random() * 1000) + " " + _.sample(["a", "b", "c", "d"]));
            """.utf8).write(to: folder.appendingPathComponent("bot/src/main.sc"))
        let bot = CompiledBot(project: try ProjectLoader().load(at: folder.appendingPathComponent("bot").path))
        var chat = VisitorChat(bot: bot, engine: JSEngine(), settings: VisitorChat.Settings(name: "dice", botReference: "../../bot"))
        let said = Demo.transcript(&chat, ["roll", "roll again"]).filter { $0.hasPrefix("bot: dice") }
        #expect(said.count == 2)
        try RecordingWriter.write(chat.recording, to: folder.appendingPathComponent("deep/er/renamed.json").path)
        for path in [folder.path, folder.appendingPathComponent("deep").path, folder.appendingPathComponent("deep/er/renamed.json").path] {
            let outcomes = try ReplayRun(paths: [path], settings: ReplaySettings(), jobs: 1).run()
            #expect(outcomes.first?.status == .passed, "\(path): \(outcomes.first?.differences.map(\.difference) ?? [])")
        }
    }
}
