import BotRuntime
import BotScript
import ConformJSON
import Foundation
import Testing
import WebimProtocol
import WebimServer

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demoBot = root.appendingPathComponent("Recordings/bots/demo").path

    static func bot() throws -> CompiledBot { CompiledBot(project: try ProjectLoader().load(at: demoBot)) }

    /// A script from Recordings/scripts, by file stem.
    static func script(_ stem: String) throws -> (name: String, script: ConversationScript) {
        let text = try String(contentsOfFile: root.appendingPathComponent("Recordings/scripts/\(stem).yaml").path, encoding: .utf8)
        return (stem, try ConversationScript(json: YAMLConversion.parse(text)))
    }

    static func json(_ text: String) -> JSONValue {
        do { return try JSONParser.parse(text) } catch { fatalError("fixture is not JSON: \(error)\n\(text)") }
    }
}

/// Any free port on loopback.
let ephemeral = ListenAddress(host: "127.0.0.1", port: 0)
/// Safe on a busy machine: a turn's replies usually arrive milliseconds apart, but with the whole suite
/// running on two cores a turn's last calls came more than 400 ms after the one before (a fresh-clone
/// CI run lost a chat's closing calls that way), so a step ends after 2 s without a call, as in
/// RecorderTests.
let fast = SimulationTiming(timeout: scaled(.seconds(10)), quietPeriod: scaled(.seconds(2)), waitScale: 0)
let v2Headers = [("x-bot-api-version", "2.0"), ("x-webim-version", "10.5.62")]

/// Starts `conform serve` with the demo bot on an ephemeral port, runs `body`, and stops it whatever happens.
func withServe<T>(destination: CallDestination = .log, log: LineLog = .discard,
                  _ body: (WebhookEndpoint) async throws -> T) async throws -> T {
    let endpoint = try await WebhookEndpoint.start(bot: Fixtures.bot(),
                                                   settings: ServeSettings(listen: ephemeral, destination: destination, log: log))
    do {
        let result = try await body(endpoint)
        await endpoint.stop()
        return result
    } catch {
        await endpoint.stop()
        throw error
    }
}

/// Starts the simulator's Webim API on an ephemeral port, runs `body`, and stops it whatever happens.
func withSimulation<T>(token: String? = nil, _ body: (Simulation) async throws -> T) async throws -> T {
    let simulation = try await Simulation.start(api: ephemeral, token: token)
    do {
        let result = try await body(simulation)
        await simulation.stop()
        return result
    } catch {
        await simulation.stop()
        throw error
    }
}

/// Sends raw requests (broken, huge, GET) and closes its connections afterwards.
func withClient<T>(_ body: (JSONHTTPClient) async throws -> T) async throws -> T {
    let client = JSONHTTPClient()
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}

/// Waits (up to `seconds`) until `condition` holds.
func eventually(_ seconds: Double = 10, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

extension JSONHTTPClient.Answer {
    var compact: String { json.map(JSONWriter.compact) ?? text }
}

/// Waits in timing-bound tests are multiplied by `CONFORM_TEST_TIME_SCALE` (default 1): the sanitizer
/// runs (scripts/sanitize) slow conform down several times, and a wait sized for a normal build
/// would fail there for no fault of the code.
let testTimeScale = max(1, Double(ProcessInfo.processInfo.environment["CONFORM_TEST_TIME_SCALE"] ?? "") ?? 1)

func scaled(_ duration: Duration) -> Duration { duration * testTimeScale }
