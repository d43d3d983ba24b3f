import ConformJSON
import Testing
import WebimProtocol
import WebimServer

/// The simulator's Webim bot API: protocol checks and Webim-style answers, over real HTTP.
@Suite struct SimulatedWebimAPITests {
    @Test func answersAsWebimDoes() async throws {
        try await withSimulation(token: "tk") { simulation in
            simulation.inbox.open(.integer(1))
            try await withClient { client in
                func post(_ method: String, _ body: String, token: String? = "tk") async throws -> JSONHTTPClient.Answer {
                    try await client.send("POST", simulation.apiURL + "/api/bot/v2/" + method,
                                          headers: token.map { [("authorization", "Token \($0)")] } ?? [],
                                          body: Array(body.utf8), timeout: .seconds(5))
                }
                let ok = try await post("send_message", #"{"chat_id": 1, "message": {"kind": "operator", "text": "Hi"}}"#)
                #expect(ok.status == 200)
                #expect(ok.compact == #"{"result":"ok"}"#)

                let unknown = try await post("send_typing", #"{"chat_id": 1}"#)
                #expect(unknown.status == 404)
                #expect(unknown.compact == #"{"error":"unknown_method","desc":"send_typing is not a bot API method (close_chat, redirect_chat, send_message, set_category)"}"#)

                let noKind = try await post("send_message", #"{"chat_id": 1, "message": {"text": "Hi"}}"#)
                #expect(noKind.status == 400)
                #expect(noKind.json?["error"] == "bad_request")
                #expect(noKind.json?["desc"]?.stringValue?.hasPrefix("`message.kind` is missing") == true)

                let badCategory = try await post("set_category", #"{"chat_id": 1, "category": 5}"#)
                #expect(badCategory.status == 400)
                #expect(badCategory.json?["desc"]?.stringValue?.hasPrefix("`category` is a number") == true)

                let notJSON = try await post("close_chat", "chat_id=1")
                #expect(notJSON.status == 400)
                #expect(notJSON.json?["desc"]?.stringValue?.hasPrefix("the body is not valid JSON") == true)

                let anonymous = try await post("close_chat", #"{"chat_id": 1}"#, token: nil)
                #expect(anonymous.status == 401)
                #expect(anonymous.json?["error"] == "unauthorized")
            }
            // Every call is kept with its answer; the refused ones too, in the chat they name.
            let calls = simulation.inbox.take(.integer(1))
            #expect(calls.map(\.status) == [200, 404, 400, 400, 401])
            #expect(calls.first?.call == .sendMessage(chatID: .integer(1), message: .text("Hi")))
            #expect(calls.dropFirst().allSatisfy { $0.call == nil })
            #expect(simulation.inbox.unattributed.map(\.status) == [400])  // not JSON: no chat to put it in
            #expect(simulation.inbox.take(.integer(1)).isEmpty)
        }
    }

    @Test func callsForChatsNoScriptOpenedAreKeptApart() async throws {
        try await withSimulation { simulation in
            try await withClient { client in
                let answer = try await client.send("POST", simulation.apiURL + "/api/bot/v2/close_chat",
                                                   body: Array(#"{"chat_id": 99}"#.utf8), timeout: .seconds(5))
                #expect(answer.status == 200)
            }
            #expect(simulation.inbox.unattributed.map(\.line) == [#"close_chat {"chat_id":99}"#])
            #expect(simulation.inbox.take(.integer(99)).isEmpty)
        }
    }
}
