import ConformJSON
import Foundation
import Recorder
import Recording
import Testing
import WebimServer

/// `conform record` killed with SIGKILL in the middle of a multi-chat load loses no exchange it
/// acknowledged and leaves no half-written recording: the real binary, real loopback HTTP.
@Suite(.serialized) struct RecorderCrashTests {
    /// The `conform` executable SwiftPM built next to this test bundle.
    static var conformBinary: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var folder = bundle.deletingLastPathComponent()
        // The runner may be inside the .xctest bundle (Linux: the bundle is the executable itself).
        while !folder.path.isEmpty, folder.path != "/" {
            let candidate = folder.appendingPathComponent("conform").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return ".build/debug/conform"
    }

    /// Starts `conform record` and waits until it answers on `port`.
    static func startRecorder(port: Int, upstream: String, out: String) async throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: conformBinary)
        process.arguments = ["record", "--upstream", upstream, "--listen", "127.0.0.1:\(port)", "--out", out, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let client = JSONHTTPClient()
        defer { Task { await client.shutdown() } }
        for _ in 0..<200 {
            if (try? await client.send("GET", "http://127.0.0.1:\(port)/health", timeout: .milliseconds(200))) != nil {
                return process
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw RecorderTestFailure("conform record did not start listening on \(port) (binary: \(conformBinary))")
    }

    static func freePort() async throws -> Int {
        let server = try await HTTPServer.start(listen: ephemeral) { _, _ in HTTPMessages.json(200, [:]) }
        let port = server.address.port
        await server.stop()
        return port
    }

    @Test func sigkillMidLoadLosesNoAcknowledgedExchange() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.conformBinary), "build conform first: \(Self.conformBinary)")
        let out = try Fixtures.scratch()
        // The "bot": answers every webhook at once; the probe's GETs get a 200 too.
        let bot = try await HTTPServer.start(listen: ephemeral) { _, _ in HTTPMessages.json(200, ["result": "ok"]) }
        let acknowledged = AcknowledgedExchanges()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3 {
            let port = try await Self.freePort()
            let recorder = try await Self.startRecorder(port: port, upstream: "http://\(bot.address)", out: out)
            let client = JSONHTTPClient()
            // 12 chats send messages as fast as they can until the recorder dies.
            let load = Task {
                await withTaskGroup(of: Void.self) { group in
                    for chat in 0..<12 {
                        group.addTask {
                            for message in 0..<400 {
                                let id = "r\(round)-c\(chat)-m\(message)"
                                let body: JSONValue = message == 0
                                    ? ["event": "new_chat", "chat": ["id": .string("r\(round)-c\(chat)")], "visitor": ["id": "v"],
                                       "messages": [["id": .string(id), "kind": "visitor", "text": "hi"]]]
                                    : ["event": "new_message", "chat_id": .string("r\(round)-c\(chat)"),
                                       "message": ["id": .string(id), "kind": "visitor", "text": .string("message \(message)")]]
                                guard let answer = try? await client.post("http://127.0.0.1:\(port)/", headers: [("x-bot-api-version", "2.0")],
                                                                          body: body, timeout: .seconds(5)) else { return }
                                if answer.status == 200 { acknowledged.add(id) }
                            }
                        }
                    }
                }
            }
            try await Task.sleep(for: scaled(.milliseconds(Int.random(in: 150...700, using: &generator))))
            kill(recorder.processIdentifier, SIGKILL)
            recorder.waitUntilExit()
            await load.value
            await client.shutdown()
        }
        // A restart turns the journals the killed runs left into recordings.
        let port = try await Self.freePort()
        let restarted = try await Self.startRecorder(port: port, upstream: "http://\(bot.address)", out: out)
        restarted.terminate()   // SIGTERM: a clean stop
        restarted.waitUntilExit()
        await bot.stop()
        #expect(restarted.terminationStatus == 0)

        let ids = acknowledged.all
        #expect(ids.count > 50, "the load did run before each kill (\(ids.count) acknowledged)")
        var recorded = Set<String>()
        let files = Fixtures.files(under: out)
        for file in files where !file.hasPrefix(".journal/") {
            #expect(file.hasSuffix(".json") && !file.hasPrefix("."), "no temporary or stray file: \(file)")
            switch RecordingLoader.load(file: out + "/" + file) {
            case .success(.recording(let recording)):
                for turn in recording.turns where turn.webhook.response?.status == 200 {
                    let body = turn.webhook.request.body
                    if let id = body?["message"]?["id"]?.stringValue ?? body?["messages"]?[0]?["id"]?.stringValue { recorded.insert(id) }
                }
            default:
                Issue.record("\(file) is not a complete recording")
            }
        }
        let lost = ids.subtracting(recorded)
        #expect(lost.isEmpty, "acknowledged but not recorded: \(lost.sorted().prefix(10))")
        #expect(files.filter { $0.hasPrefix(".journal/") && $0.hasSuffix(".jsonl") }.isEmpty, "every journal was recovered")
        #expect(!files.contains { $0.contains("chat-unknown") }, "health probes are answered by the recorder, not recorded")
    }
}

final class AcknowledgedExchanges: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<String> = []
    func add(_ id: String) { lock.withLock { _ = ids.insert(id) } }
    var all: Set<String> { lock.withLock { ids } }
}

/// `conform redact`: the recorder's redaction applied to files that already exist.
@Suite struct RedactCommandTests {
    @Test func redactRewritesOnlyRecordingsThatHoldSecretsAndCheckReportsThem() throws {
        let folder = try Fixtures.scratch()
        let recording: JSONValue = [
            "format": "conform-recording", "version": 1, "channel": ["type": "webim", "dialect": "bot-api-2"],
            "recordedAt": "2026-11-25T10:00:00Z", "source": ["tool": "conform", "upstream": "https://admin:pw123@bot.example/hook"],
            "turns": [["at": "2026-11-25T10:00:00Z",
                       "webhook": ["request": ["method": "POST", "path": "/?token=t-1", "headers": ["cookie": "s=1"],
                                               "body": ["event": "new_message", "chat_id": 1,
                                                        "message": ["kind": "visitor", "text": "my pin is 98765"]]],
                                   "response": ["status": 200, "body": ["result": "ok"]]],
                       "calls": [], "random": [], "http": []]],
        ]
        try RecordingWriter.write(recording, to: folder + "/secret.json")
        try Data(#"{"format": "something-else", "pin": "98765"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/other.json"))
        func conform(_ arguments: [String]) throws -> (Int32, String) {
            let run = try runConform(arguments)
            return (run.status, run.output)
        }
        let check = try conform(["redact", folder, "--secret", "98765", "--check"])
        #expect(check.0 == 1)
        #expect(check.1 == "holds secrets: \(folder)/secret.json\n1 of 2 files hold secrets\n")
        let before = try String(contentsOfFile: folder + "/secret.json", encoding: .utf8)
        #expect(before.contains("98765"), "--check changes nothing")

        let redact = try conform(["redact", folder, "--secret", "98765"])
        #expect(redact.0 == 0)
        let after = try String(contentsOfFile: folder + "/secret.json", encoding: .utf8)
        for planted in ["98765", "pw123", "t-1", "s=1"] { #expect(!after.contains(planted), "\(planted)") }
        #expect(after.contains(#""text": "my pin is [redacted]""#))
        #expect(try String(contentsOfFile: folder + "/other.json", encoding: .utf8).contains("98765"), "other JSON is left alone")
        #expect(try conform(["redact", folder, "--secret", "98765", "--check"]).0 == 0)
    }
}

/// The seed's channel settings on the command line: bad values are usage errors that say what to write.
@Suite struct AccountOptionTests {
    static func conform(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let run = try runConform(arguments)
        return (run.status, run.errors)
    }

    @Test func anInvalidDomainIsAUsageErrorOnRecordServeAndSimulate() throws {
        let expected = "error: --domain expects the Webim account's domain (examplecom for https://examplecom.webim.ru) or its https:// address, got 'exa mple'\n"
        for arguments in [["record", "--upstream", "http://127.0.0.1:9", "--domain", "exa mple", "--out", try Fixtures.scratch()],
                          ["serve", "--bot", Fixtures.demoBot, "--domain", "exa mple", "--listen", "127.0.0.1:0"],
                          ["simulate", "--webhook", "http://127.0.0.1:9/", "--script", "x.yaml", "--domain", "exa mple"]] {
            let result = try Self.conform(arguments)
            #expect(result.status == 2, "\(arguments[0])")
            #expect(result.errors == expected, "\(arguments[0])")
        }
    }

    @Test func refOnAFolderOutsideGitIsAUsageError() throws {
        let folder = try Fixtures.scratch()
        try FileManager.default.copyItem(atPath: Fixtures.demoBot, toPath: folder + "/bot")
        let result = try Self.conform(["serve", "--bot", folder + "/bot", "--ref", "main", "--listen", "127.0.0.1:0"])
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("error: --ref needs the bot project to be in a git repository"))
    }
}
