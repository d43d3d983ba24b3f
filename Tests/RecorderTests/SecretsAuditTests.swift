import ConformJSON
import Foundation
import Recording
import Testing
import WebimProtocol
import WebimServer

/// The secrets audit: every kind of secret planted in every place it can appear, through the real
/// `conform record` and `conform replay`, then every file they wrote (recordings, journals, reports,
/// logs) searched for them.
@Suite(.serialized) struct SecretsAuditTests {
    static func run(_ arguments: [String], in folder: String, log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RecorderCrashTests.conformBinary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    @Test func noPlantedSecretAppearsInAnyFileConformWrote() async throws {
        let root = try Fixtures.scratch()
        let planted = (email: "ops.admin@shop.example", password: "Adm1n-Pa55-xyz", botPassword: "B0t-userinfo-pw",
                       botToken: "tok-9f8e7d6c5b", cookie: "sess-abcdef123456", card: "4111-2222-3333-4444",
                       webhookSecret: "wh-S3cret-77")
        let simulation = try await Simulation.start(api: ephemeral, token: planted.botToken,
                                                    historyLogin: WebimAdminLogin(email: planted.email, password: planted.password))
        let bot = try await HTTPServer.start(listen: ephemeral) { _, _ in
            HTTPMessages.json(200, ["result": "ok", "note": .string("card \(planted.card) saved")])
        }
        let webhookPort = try await RecorderCrashTests.freePort()
        let apiPort = try await RecorderCrashTests.freePort()
        let recorder = try Self.run([
            "record", "--upstream", "http://bot:\(planted.botPassword)@\(bot.address)/hook?token=\(planted.botToken)",
            "--domain", simulation.apiURL, "--email", planted.email, "--password", planted.password,
            "--secret", planted.card, "--webhook-secret", planted.webhookSecret,
            "--listen", "127.0.0.1:\(webhookPort)", "--api-listen", "127.0.0.1:\(apiPort)", "--out", "Recordings/live",
        ], in: root, log: root + "/record.log")
        let client = JSONHTTPClient()
        var ready = false
        for _ in 0..<200 where !ready {
            ready = (try? await client.send("GET", "http://127.0.0.1:\(webhookPort)/health", timeout: .milliseconds(200))) != nil
            if !ready { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(ready)
        let webhook = try await client.post(
            "http://127.0.0.1:\(webhookPort)/?secret=\(planted.webhookSecret)",
            headers: [("x-bot-api-version", "2.0"), ("cookie", "session=\(planted.cookie)")],
            body: ["event": "new_chat", "chat": ["id": 5], "visitor": ["id": "v", "fields": ["email": .string(planted.email)]],
                   "messages": [["id": "m1", "kind": "visitor", "text": .string("my card is \(planted.card)")]]],
            timeout: .seconds(10))
        #expect(webhook.status == 200)
        let call = try await client.post(
            "http://127.0.0.1:\(apiPort)/api/bot/v2/send_message", headers: [("authorization", "Token \(planted.botToken)")],
            body: ["chat_id": 5, "message": ["kind": "operator", "text": .string("noted \(planted.card)")]], timeout: .seconds(10))
        #expect(call.status == 200)
        await client.shutdown()
        recorder.terminate()
        recorder.waitUntilExit()
        await bot.stop()
        await simulation.stop()
        #expect(recorder.terminationStatus == 0)
        #expect(try Fixtures.recordings(in: root + "/Recordings/live").count == 1)

        let replay = try Self.run(["replay", "Recordings/live", "--bot", Fixtures.demoBot, "--verbose"], in: root,
                                  log: root + "/replay.log")
        replay.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: root + "/Reports/junit.xml"))

        let files = Fixtures.files(under: root)
        #expect(files.contains("record.log") && files.contains("Reports/junit.xml"))
        for file in files {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: root + "/" + file)), as: UTF8.self)
            for secret in [planted.email, planted.password, planted.botPassword, planted.botToken, planted.cookie, planted.card,
                           planted.webhookSecret] {
                #expect(!text.contains(secret), "\(secret) found in \(file)")
            }
        }
    }
}
