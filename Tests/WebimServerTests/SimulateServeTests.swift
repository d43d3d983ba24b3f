import ConformJSON
import Foundation
import Testing
import WebimProtocol
import WebimServer

/// `conform simulate` against `conform serve` with the shipped demo bot, over real HTTP on loopback.
@Suite struct SimulateServeTests {
    static let menu = #"{"kind":"keyboard","buttons":[[{"id":"track-an-order-737999db","text":"Track an order"}],[{"id":"delivery-48f38d75","text":"Delivery"}],[{"id":"talk-to-a-perso-feef4b88","text":"Talk to a person"}]]}"#

    @Test func botAPI2ScriptsRunConcurrentlyWithExactCallsAndTranscripts() async throws {
        let (log, logged) = LineLog.capturing()
        try await withSimulation(token: "t0ken") { simulation in
            let destination = CallDestination.webim(WebimAPIEndpoint(baseURL: simulation.apiURL, token: "t0ken"))
            try await withServe(destination: destination, log: log) { endpoint in
                let scripts = try ["greeting-and-menu", "prechat-order-status", "transfer-to-agent"].map(Fixtures.script)
                let results = await simulation.play(scripts, webhook: "http://\(endpoint.address)/", timing: fast)
                #expect(results.map(\.failure) == [nil, nil, nil])

                #expect(results[0].lines == [
                    "visitor opens the chat",
                    "bot: Hello, Anna! I am the shop assistant.",
                    "bot: What can I help you with?",
                    "bot: [Track an order] [Delivery] [Talk to a person]",
                    "visitor clicks [Delivery]",
                    "bot: Delivery takes 2 to 5 days anywhere in the country.",
                    "bot: Anything else?",
                    "… 20 s later",
                    "visitor: thanks, bye",
                    "bot: Goodbye!",
                    "bot sets category demo / bye",
                    "bot closes the chat",
                ])
                #expect(results[1].lines == [
                    #"visitor opens the chat, having written: "hello", "where is my order?""#,
                    "bot: Please tell me your order number.",
                    "visitor: it is 12347",
                    "bot: Order 12347 has been shipped.",
                    "visitor: track my order please",
                    "bot: Please tell me your order number.",
                    "visitor: 10042",
                    "bot: Order 10042 is being prepared.",
                ])
                #expect(results[2].lines == [
                    "visitor opens the chat",
                    "bot: Hello! I am the shop assistant.",
                    "bot: What can I help you with?",
                    "bot: [Track an order] [Delivery] [Talk to a person]",
                    "visitor: asdf qwerty",
                    "bot: Sorry, I did not understand. You can ask about an order or delivery.",
                    "visitor: zzzz",
                    "bot: Let me connect you to a person.",
                    "bot: Connecting you to an agent.",
                    "bot hands the chat to department support",
                ])
                #expect(results.map(\.steps) == [4, 4, 3])
                #expect(results.map(\.roundTrips.count) == [3, 4, 3])  // a `wait:` step has no round trip

                // Exactly the calls Webim would get, in order per chat, each with the bot's token.
                let calls = simulation.inbox.all
                func lines(_ chat: Int) -> [String] { calls.filter { $0.chatID == .integer(chat) }.map(\.line) }
                #expect(lines(101) == [
                    #"send_message {"chat_id":101,"message":{"kind":"operator","text":"Hello, Anna! I am the shop assistant."}}"#,
                    #"send_message {"chat_id":101,"message":{"kind":"operator","text":"What can I help you with?"}}"#,
                    #"send_message {"chat_id":101,"message":"# + Self.menu + "}",
                    #"send_message {"chat_id":101,"message":{"kind":"operator","text":"Delivery takes 2 to 5 days anywhere in the country."}}"#,
                    #"send_message {"chat_id":101,"message":{"kind":"operator","text":"Anything else?"}}"#,
                    #"send_message {"chat_id":101,"message":{"kind":"operator","text":"Goodbye!"}}"#,
                    #"set_category {"chat_id":101,"category":"demo","subcategory":"bye"}"#,
                    #"close_chat {"chat_id":101}"#,
                ])
                #expect(lines(102) == [
                    #"send_message {"chat_id":102,"message":{"kind":"operator","text":"Please tell me your order number."}}"#,
                    #"send_message {"chat_id":102,"message":{"kind":"operator","text":"Order 12347 has been shipped."}}"#,
                    #"send_message {"chat_id":102,"message":{"kind":"operator","text":"Please tell me your order number."}}"#,
                    #"send_message {"chat_id":102,"message":{"kind":"operator","text":"Order 10042 is being prepared."}}"#,
                ])
                #expect(lines(103) == [
                    #"send_message {"chat_id":103,"message":{"kind":"operator","text":"Hello! I am the shop assistant."}}"#,
                    #"send_message {"chat_id":103,"message":{"kind":"operator","text":"What can I help you with?"}}"#,
                    #"send_message {"chat_id":103,"message":"# + Self.menu + "}",
                    #"send_message {"chat_id":103,"message":{"kind":"operator","text":"Sorry, I did not understand. You can ask about an order or delivery."}}"#,
                    #"send_message {"chat_id":103,"message":{"kind":"operator","text":"Let me connect you to a person."}}"#,
                    #"send_message {"chat_id":103,"message":{"kind":"operator","text":"Connecting you to an agent."}}"#,
                    #"redirect_chat {"chat_id":103,"dep_key":"support"}"#,
                ])
                #expect(calls.count == 19)
                #expect(calls.allSatisfy { $0.authorization == "Token t0ken" && $0.status == 200 && $0.path.hasPrefix("/api/bot/v2/") })
                #expect(simulation.inbox.unattributed.isEmpty)

                // One log line per webhook; the simulator's headers decided the dialect.
                let chat101 = logged.lines.filter { $0.hasPrefix("POST / · chat 101 ") }
                #expect(chat101.count == 3)
                #expect(chat101.first?.hasPrefix("POST / · chat 101 · bot-api-2 (header) · new_chat → event newChatStarted → /Menu · 200 · 3 calls · ") == true)
                #expect(chat101.last?.hasPrefix(#"POST / · chat 101 · bot-api-2 (header) · new_message → "thanks, bye" → /Bye · 200 · 3 calls · "#) == true)
                #expect(logged.lines.filter { $0.hasPrefix("POST / ") }.count == 10)
                #expect(!logged.lines.contains { $0.hasPrefix("webim-api error") })

                // The closed chat was released; the redirected and the pre-chat ones stay open.
                try await withClient { client in
                    let health = try await client.send("GET", "http://\(endpoint.address)/health", timeout: .seconds(5))
                    #expect(health.status == 200)
                    #expect(health.compact == #"{"status":"ok","bot":"shop-assistant","chats":2}"#)
                }
            }
        }
    }

    @Test func botAPI1ScriptGetsItsRepliesInTheWebhookAnswer() async throws {
        let (log, logged) = LineLog.capturing()
        try await withSimulation { simulation in
            try await withServe(destination: .webim(WebimAPIEndpoint(baseURL: simulation.apiURL, token: nil)), log: log) { endpoint in
                let results = await simulation.play([try Fixtures.script("sync-dialect")], webhook: "http://\(endpoint.address)/v1",
                                                    timing: fast)
                #expect(results.first?.failure == nil)
                #expect(results.first?.lines == [
                    "visitor opens the chat",
                    "bot: Hello! I am the shop assistant.",
                    "bot: What can I help you with?",
                    "bot: [Track an order] [Delivery] [Talk to a person]",
                    "visitor clicks [Track an order]",
                    "bot: Please tell me your order number.",
                    "visitor: 55501",
                    "bot: Order 55501 has been shipped.",
                ])
                #expect(results.first?.roundTrips.count == 3)
                #expect(simulation.inbox.all.isEmpty)
                #expect(logged.lines.filter { $0.hasPrefix("POST /v1 ") } == logged.lines)
                #expect(logged.lines.count == 3)
                #expect(logged.lines.first?.hasPrefix("POST /v1 · chat 9401b039-ace3-4f5e-8d7c-000000000104 · bot-api-1 (header) · new_chat → event newChatStarted → /Menu · 200 · 3 messages · ") == true)
            }
        }
    }

    @Test func scriptStopsAtAButtonTheBotDidNotOffer() async throws {
        let script = try ConversationScript(json: Fixtures.json(#"{"dialect": "bot-api-1", "chat": "c-1", "steps": ["open", {"click": "Refunds"}, {"say": "hello"}]}"#))
        try await withSimulation { simulation in
            try await withServe { endpoint in
                let result = try #require(await simulation.play([("refunds", script)], webhook: "http://\(endpoint.address)/", timing: fast).first)
                #expect(result.failure == #"steps[1] click: the bot offered no button "Refunds" (it offered: Track an order, Delivery, Talk to a person)"#)
                #expect(result.steps == 2)
                #expect(result.lines.last == "✗ " + (result.failure ?? ""))
                #expect(result.summary.hasPrefix("✗ failed at step 2 of 3 after "))
            }
        }
    }

    @Test func scriptFailsWhenTheBotSendsNothingInTime() async throws {
        // serve without --webim-api only logs the bot's calls: the simulator never gets them.
        let script = try ConversationScript(json: Fixtures.json(#"{"dialect": "bot-api-2", "chat": 301, "steps": ["open"]}"#))
        try await withSimulation { simulation in
            try await withServe { endpoint in
                let timeout = scaled(.milliseconds(700))
                let timing = SimulationTiming(timeout: timeout, quietPeriod: scaled(.milliseconds(100)), waitScale: 0)
                let result = try #require(await simulation.play([("silent", script)], webhook: "http://\(endpoint.address)/", timing: timing).first)
                let shown = testTimeScale == 1 ? "700 ms" : String(format: "%.1f s", 0.7 * testTimeScale)
                #expect(result.failure == "steps[0] open: the bot sent nothing within \(shown) (bot-api-2 bots must send their calls to this simulator, \(simulation.apiURL))")
            }
        }
    }

    @Test func scriptFailsOnAnHTTPErrorFromTheWebhook() async throws {
        let script = try ConversationScript(json: Fixtures.json(#"{"dialect": "bot-api-2", "chat": 302, "steps": ["open"]}"#))
        try await withSimulation { simulation in
            try await withServe { endpoint in
                let result = try #require(await simulation.play([("lost", script)], webhook: "http://\(endpoint.address)/nowhere", timing: fast).first)
                #expect(result.failure == #"steps[0] open: the webhook answered HTTP 404 {"error":"not_found","desc":"nothing at /nowhere: Webim posts webhooks to /, /v1 or /v2; GET /health tells whether the server is up"}"#)
            }
        }
    }

    @Test func sharedChatIdsAreFound() throws {
        let a = try Fixtures.script("greeting-and-menu").script
        let b = try Fixtures.script("transfer-to-agent").script
        #expect(Simulation.sharedChats([a, b]).isEmpty)
        #expect(Simulation.sharedChats([a, b, a, a]) == [.integer(101)])
    }
}
