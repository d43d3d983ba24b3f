import ConformJSON
import Foundation
import Testing
import WebimProtocol
import WebimServer

/// `conform serve` over real HTTP: bad input, health, and the calls it forwards to Webim.
@Suite struct ServeTests {
    static let newChat = #"{"event": "new_chat", "chat": {"id": 7}, "visitor": {"id": "v-7"}}"#

    /// A webhook URL written with userinfo (`http://webim:SECRET@host/`, as `simulate --webhook` takes
    /// it) is sent as HTTP Basic auth, which `serve --webhook-secret` admits.
    @Test func userinfoInTheWebhookURLIsSentAsBasicAuth() async throws {
        let endpoint = try await WebhookEndpoint.start(bot: Fixtures.bot(),
                                                       settings: ServeSettings(listen: ephemeral, log: .discard,
                                                                               webhookSecret: WebhookSecret("s3cret-value")))
        try await withClient { client in
            let bare = try await client.post("http://\(endpoint.address)/", headers: v2Headers,
                                             body: try JSONParser.parse(Self.newChat), timeout: .seconds(10))
            #expect(bare.status == 401)
            let withSecret = try await client.post("http://webim:s3cret-value@\(endpoint.address)/", headers: v2Headers,
                                                   body: try JSONParser.parse(Self.newChat), timeout: .seconds(10))
            #expect(withSecret.status == 200)
        }
        await endpoint.stop()
        // A second stop does nothing (it once sent a job to the ended turn thread).
        await endpoint.stop()
    }

    @Test func badInputGetsA4xxNamingTheFieldAndALogLine() async throws {
        let (log, logged) = LineLog.capturing()
        try await withServe(log: log) { endpoint in
            try await withClient { client in
                let url = "http://\(endpoint.address)/"

                let huge = Array(repeating: UInt8(ascii: " "), count: 2 << 20)
                let tooLarge = try await client.send("POST", url, headers: v2Headers, body: huge, timeout: .seconds(10))
                #expect(tooLarge.status == 413)
                #expect(tooLarge.json?["error"] == "body_too_large")

                let noChat = try await client.send("POST", url, headers: v2Headers,
                                                   body: Array(#"{"event": "new_message", "message": {"kind": "visitor", "text": "hi"}}"#.utf8),
                                                   timeout: .seconds(5))
                #expect(noChat.status == 400)
                #expect(noChat.json?["error"] == "missing_field")
                #expect(noChat.json?["path"] == "chat_id")

                let notJSON = try await client.send("POST", url, headers: v2Headers, body: Array("{\"event\": ".utf8), timeout: .seconds(5))
                #expect(notJSON.status == 400)
                #expect(notJSON.json?["error"] == "malformed_json")

                let get = try await client.send("GET", url, timeout: .seconds(5))
                #expect(get.status == 405)
                #expect(get.compact == #"{"error":"method_not_allowed","desc":"GET is not a webhook: Webim posts webhooks with POST"}"#)

                let elsewhere = try await client.send("POST", "http://\(endpoint.address)/hook", body: Array(Self.newChat.utf8),
                                                      timeout: .seconds(5))
                #expect(elsewhere.status == 404)
                #expect(elsewhere.json?["error"] == "not_found")

                // A version conform does not speak is refused by name, not as a path with nothing there.
                let v3 = try await client.send("POST", "http://\(endpoint.address)/v3", body: Array(Self.newChat.utf8),
                                               timeout: .seconds(5))
                #expect(v3.status == 400)
                #expect(v3.json?["error"] == "unknown_dialect")

                // Still serving after all that, and no chat was opened by garbage.
                let health = try await client.send("GET", "http://\(endpoint.address)/health", timeout: .seconds(5))
                #expect(health.status == 200)
                #expect(health.compact == #"{"status":"ok","bot":"shop-assistant","chats":0}"#)
            }
        }
        #expect(logged.lines.count == 5)
        #expect(logged.lines.last?.hasPrefix("POST /v3 · 400 unknown_dialect") == true, "\(logged.lines)")
        #expect(logged.lines[0] == "POST / · 413 body_too_large: the body is \(2 << 20) bytes, more than the 1048576-byte limit; it was not read (raise the limit if Webim really sends such bodies)")
        #expect(logged.lines[1].hasPrefix("POST / · 400 missing_field at chat_id: "))
        #expect(logged.lines[2].hasPrefix("POST / · 400 malformed_json: "))
        #expect(logged.lines[3] == "GET / · 405 method_not_allowed: GET is not a webhook: Webim posts webhooks with POST")
    }

    @Test func deepNestingInvalidUTF8AndWrongTypesAre400AndTheNextChatIsStillServed() async throws {
        let (log, logged) = LineLog.capturing()
        try await withServe(log: log) { endpoint in
            try await withClient { client in
                let url = "http://\(endpoint.address)/"
                let deep = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
                let tooDeep = try await client.send("POST", url, headers: v2Headers, body: deep, timeout: .seconds(10))
                #expect(tooDeep.status == 400)
                #expect(tooDeep.json?["error"] == "malformed_json")
                #expect(tooDeep.json?["desc"]?.stringValue?.contains("nested more than 64 levels deep") == true)

                let invalid = Array(#"{"event": "new_message", "chat_id": 7, "message": {"kind": "visitor", "text": ""#.utf8)
                    + [0xC3, 0x28, 0xFF] + Array(#""}}"#.utf8)
                let notUTF8 = try await client.send("POST", url, headers: v2Headers, body: invalid, timeout: .seconds(5))
                #expect(notUTF8.status == 400)
                #expect(notUTF8.json?["error"] == "malformed_json")
                #expect(notUTF8.json?["desc"]?.stringValue?.contains("not valid UTF-8") == true)

                let wrong = Array(#"{"event": "new_chat", "chat": {"id": [1]}, "visitor": {"id": "v-7"}}"#.utf8)
                let wrongType = try await client.send("POST", url, headers: v2Headers, body: wrong, timeout: .seconds(5))
                #expect(wrongType.status == 400)
                #expect(wrongType.json?["error"] == "wrong_type")
                #expect(wrongType.json?["path"] == "chat.id")

                // Nothing above opened a chat; the next real one is answered as usual.
                let real = try await client.send("POST", url, headers: v2Headers, body: Array(Self.newChat.utf8), timeout: .seconds(10))
                #expect(real.status == 200)
                let health = try await client.send("GET", "http://\(endpoint.address)/health", timeout: .seconds(5))
                #expect(health.json?["chats"] == 1)
            }
        }
        #expect(logged.lines.filter { $0.contains(" · 400 ") }.count == 3)
    }

    @Test func healthCountsOpenChats() async throws {
        try await withServe { endpoint in
            try await withClient { client in
                let hook = "http://\(endpoint.address)/v2"
                for chat in [1, 2] {
                    let body = Array(#"{"event": "new_chat", "chat": {"id": \#(chat)}, "visitor": {"id": "v"}}"#.utf8)
                    let answer = try await client.send("POST", hook, body: body, timeout: .seconds(10))
                    #expect(answer.compact == #"{"result":"ok"}"#)
                }
                let health = try await client.send("GET", "http://\(endpoint.address)/health", timeout: .seconds(5))
                #expect(health.compact == #"{"status":"ok","bot":"shop-assistant","chats":2}"#)
                let post = try await client.send("POST", "http://\(endpoint.address)/health", body: [], timeout: .seconds(5))
                #expect(post.status == 405)
            }
        }
    }

    @Test func callsGoToWebimWithTheTokenAndRefusalsAreLogged() async throws {
        try await withSimulation(token: "right") { simulation in
            // The right token: Webim accepts every call, and each carries it.
            try await withServe(destination: .webim(WebimAPIEndpoint(baseURL: simulation.apiURL + "/api/bot/v2", token: "right"))) { endpoint in
                try await withClient { client in
                    let answer = try await client.send("POST", "http://\(endpoint.address)/", headers: v2Headers,
                                                       body: Array(Self.newChat.utf8), timeout: .seconds(10))
                    #expect(answer.compact == #"{"result":"ok"}"#)
                }
                #expect(await eventually { simulation.inbox.all.count == 3 })
            }
            let calls = simulation.inbox.all
            #expect(calls.map(\.method) == ["send_message", "send_message", "send_message"])
            #expect(calls.map(\.authorization) == ["Token right", "Token right", "Token right"])
            #expect(calls.map(\.status) == [200, 200, 200])
            #expect(calls.first?.line == #"send_message {"chat_id":7,"message":{"kind":"operator","text":"Hello! I am the shop assistant."}}"#)

            // A wrong token: Webim answers {"error", "desc"}; serve says so, once per call.
            let (log, logged) = LineLog.capturing()
            let wrong = CallDestination.webim(WebimAPIEndpoint(baseURL: simulation.apiURL + "/", token: "wrong"))
            try await withServe(destination: wrong, log: log) { endpoint in
                try await withClient { client in
                    _ = try await client.send("POST", "http://\(endpoint.address)/", headers: v2Headers,
                                              body: Array(Self.newChat.utf8), timeout: .seconds(10))
                }
                #expect(await eventually { logged.lines.filter { $0.hasPrefix("webim-api error") }.count == 3 })
            }
            let errors = logged.lines.filter { $0.hasPrefix("webim-api error") }
            #expect(errors.first == "webim-api error: POST \(simulation.apiURL)/api/bot/v2/send_message (chat 7) → HTTP 401 unauthorized: the token is not the bot's (`Authorization: Token <token>`)")
            #expect(simulation.inbox.all.suffix(3).map(\.status) == [401, 401, 401])
        }
    }

    @Test func anUnreachableWebimIsLogged() async throws {
        // A port nothing listens on: the simulator's, after it stopped.
        let gone = try await withSimulation { $0.apiURL }
        let (log, logged) = LineLog.capturing()
        let destination = CallDestination.webim(WebimAPIEndpoint(baseURL: gone, token: "t", timeout: .milliseconds(500)))
        try await withServe(destination: destination, log: log) { endpoint in
            try await withClient { client in
                let answer = try await client.send("POST", "http://\(endpoint.address)/", headers: v2Headers,
                                                   body: Array(Self.newChat.utf8), timeout: .seconds(10))
                // The webhook is answered at once; the calls fail afterwards.
                #expect(answer.compact == #"{"result":"ok"}"#)
            }
            #expect(await eventually { logged.lines.filter { $0.hasPrefix("webim-api error") }.count == 3 })
        }
        let error = try #require(logged.lines.first { $0.hasPrefix("webim-api error") })
        #expect(error.hasPrefix("webim-api error: POST \(gone)/api/bot/v2/send_message (chat 7) → \(gone)/api/bot/v2/send_message could not be reached: "))
    }

    @Test func withoutWebimTheCallsAreLogged() async throws {
        let (log, logged) = LineLog.capturing()
        try await withServe(log: log) { endpoint in
            try await withClient { client in
                _ = try await client.send("POST", "http://\(endpoint.address)/", headers: v2Headers,
                                          body: Array(Self.newChat.utf8), timeout: .seconds(10))
            }
        }
        #expect(logged.lines.count == 4)
        #expect(logged.lines[0].hasPrefix("POST / · chat 7 · bot-api-2 (header) · new_chat → event newChatStarted → /Menu · 200 · 3 calls · "))
        #expect(logged.lines[1] == #"  → POST /api/bot/v2/send_message {"chat_id":7,"message":{"kind":"operator","text":"Hello! I am the shop assistant."}}"#)
    }
}
