import ConformJSON
import Foundation
import Hummingbird
import Testing
import WebimServer

/// `conform simulate` against a bot whose bot-api-2 calls arrive slowly.
@Suite struct SimulateSlowBotTests {
    /// The menu keyboard reaches the simulator after the quiet period that ends a step (serve's calls go
    /// through a relay that holds each one): the click on it waits for it instead of failing.
    @Test func aClickWaitsForAKeyboardThatArrivesAfterTheQuietPeriod() async throws {
        let simulation = try await Simulation.start(api: ephemeral)
        let timing = SimulationTiming(timeout: scaled(.seconds(10)), quietPeriod: scaled(.milliseconds(300)), waitScale: 0)
        let hold = scaled(.milliseconds(900))
        let relayClient = JSONHTTPClient()
        let relay = try await HTTPServer.start(listen: ephemeral) { request, _ in
            let bytes = (try? await request.body.collect(upTo: 1 << 20)).map { Array($0.readableBytesView) } ?? []
            try? await Task.sleep(for: hold)
            let body = (try? JSONParser.parse(bytes: bytes)) ?? .null
            guard let answer = try? await relayClient.post(simulation.apiURL + request.uri.path, body: body, timeout: .seconds(10)) else {
                return HTTPMessages.json(502, ["error": "relay"])
            }
            return HTTPMessages.json(answer.status, answer.json ?? [:])
        }
        let endpoint = try await WebhookEndpoint.start(bot: Fixtures.bot(), settings: ServeSettings(
            listen: ephemeral, destination: .webim(WebimAPIEndpoint(baseURL: "http://\(relay.address)", token: nil)), log: .discard))
        let results = await simulation.play([try Fixtures.script("greeting-and-menu")], webhook: "http://\(endpoint.address)/",
                                            timing: timing)
        await endpoint.stop()
        await relay.stop()
        await relayClient.shutdown()
        await simulation.stop()

        let result = try #require(results.first)
        #expect(result.failure == nil)
        #expect(result.steps == result.totalSteps)
        // The keyboard is shown before the click, as the visitor saw it.
        let keyboard = try #require(result.lines.firstIndex(of: "bot: [Track an order] [Delivery] [Talk to a person]"))
        let click = try #require(result.lines.firstIndex(of: "visitor clicks [Delivery]"))
        #expect(keyboard < click)
        #expect(result.lines[click + 1] == "bot: Delivery takes 2 to 5 days anywhere in the country.")
    }
}
