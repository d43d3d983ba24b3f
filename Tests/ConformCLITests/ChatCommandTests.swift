import Foundation
import Testing

/// `conform chat` as a user runs it: plain lines from a pipe, a prompt and colours on a terminal,
/// and `--record` files that `conform replay` passes.
@Suite struct ChatCommandTests {
    static let demoBot = "Recordings/bots/demo"

    @Test func pipedInputGivesAPlainTranscript() throws {
        let result = try runConform(["chat", "--bot", Self.demoBot, "--prechat", "hello", "--prechat", "where is my order?"],
                                    input: "12347\n/session\n3\ndelivery\n/file https://files.example.com/receipt.pdf\n")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.split(separator: "\n", omittingEmptySubsequences: false) == [
            "chatting with shop-assistant as a Webim visitor (bot-api-2)",
            #"visitor opens the chat, having written: "hello", "where is my order?""#,
            "bot: Please tell me your order number.",
            "  state: /Orders/AskNumber",
            "  $session.greeted = true",
            "  $session.turns = 1",
            "visitor: 12347",
            "bot: Order 12347 has been shipped.",
            "  state: /Orders/AskNumber/Number",
            "  $session.turns = 2 (was 1)",
            #"  $session.orderNumber = "12347""#,
            #"  $session.orderStatus = "shipped""#,
            "{",
            #"  "contextPath": "/Menu","#,
            #"  "transitions": [],"#,
            #"  "greeted": true,"#,
            #"  "turns": 2,"#,
            #"  "orderNumber": "12347","#,
            #"  "orderStatus": "shipped","#,
            #"  "transitionsHistory": ["#,
            "    {",
            #"      "state": "/Menu","#,
            #"      "deferred": true"#,
            "    }",
            "  ]",
            "}",
            // No keyboard was shown, so 3 is a message, not a button.
            "visitor: 3",
            "bot: Sorry, I did not understand. You can ask about an order or delivery.",
            "  state: /NoMatch",
            "  $session.turns = 3 (was 2)",
            "  $session.misses = 1",
            "visitor: delivery",
            "bot: Delivery takes 2 to 5 days anywhere in the country.",
            "bot: Anything else?",
            "  state: /Delivery",
            "  $session.turns = 4 (was 3)",
            "visitor sends a file receipt.pdf (application/pdf)",
            "bot: Thank you, I received receipt.pdf. An agent will look at it.",
            "  state: /File",
            "  $session.turns = 5 (was 4)",
            // End of input is the visitor leaving.
            "visitor leaves the chat",
            "",
        ])
    }

    @Test func recordedChatReplaysClean() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conform-chat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("delivery.json").path
        let chat = try runConform(["chat", "--bot", Repository.path(Self.demoBot), "--visitor-field", "name=Anna", "--record", file],
                                  input: "/open\n1\n12345\n/wait 30\nthanks, bye\n")
        #expect(chat.status == 0, "\(chat.stderr)")
        #expect(chat.stdout.hasSuffix("recorded 4 turns to \(file)\n"))
        let replay = try runConform(["replay", file, "--junit", folder.appendingPathComponent("junit.xml").path,
                                     "--coverage", folder.appendingPathComponent("coverage.json").path, "--no-color"])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout.contains("1 passed"))
    }

    @Test func terminalShowsPromptsColoursAndEndsOnControlD() throws {
        let terminal = try PseudoTerminal(["chat", "--bot", Self.demoBot])
        #expect(terminal.read(until: "/help lists the commands"))
        #expect(terminal.read(until: "\u{1B}[1myou› \u{1B}[0m"))
        var mark = terminal.mark
        terminal.type("hello\n")
        #expect(terminal.read(until: "\u{1B}[1m  [2] Delivery\u{1B}[0m", after: mark))
        #expect(terminal.read(until: "you› ", after: mark))
        // What was typed is on the screen already (the terminal echoes it): not repeated as a line.
        #expect(terminal.output(after: mark).contains("\u{1B}[36mvisitor opens the chat, having written: \"hello\"\u{1B}[0m"))
        mark = terminal.mark
        terminal.type("2\n")
        #expect(terminal.read(until: "\u{1B}[36mvisitor clicks [2] Delivery\u{1B}[0m", after: mark))
        #expect(terminal.read(until: "\u{1B}[2m  state: /Delivery\u{1B}[0m", after: mark))
        #expect(terminal.read(until: "you› ", after: mark))
        mark = terminal.mark
        terminal.type("\u{04}")  // Ctrl-D: end of input
        #expect(terminal.read(until: "visitor leaves the chat", after: mark))
        #expect(terminal.waitForExit() == 0)
    }
}
