import AsyncHTTPClient
import ConformJSON
import Foundation
import Hummingbird
import HummingbirdTLS
import Recorder
import Recording
import Testing
import WebimServer

/// Real Webim reaches the recorder over HTTPS, with a shared secret on the webhook.
@Suite(.serialized) struct RecorderExposureTests {
    /// A self-signed certificate for 127.0.0.1, made with openssl in a scratch folder.
    static func certificate(in folder: String) throws -> TLSFiles {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RecorderTestFailure("openssl could not make a certificate") }
        return TLSFiles(certificate: folder + "/cert.pem", key: folder + "/key.pem")
    }

    @Test func httpsWithASharedSecretRecordsOnlyAdmittedWebhooksAndNeverTheSecret() async throws {
        let folder = try Fixtures.scratch()
        let out = folder + "/out"
        let tls = try Self.certificate(in: folder)
        let seen = SeenRequests()
        let bot = try await HTTPServer.start(listen: ephemeral) { request, _ in
            seen.add(request.uri.description + " auth=" + (request.headers[.authorization] ?? "-"))
            return HTTPMessages.json(200, ["result": "ok"])
        }
        var configuration = HTTPClient.Configuration()
        var clientTLS = TLSConfiguration.makeClientConfiguration()
        clientTLS.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(tls.certificate))
        configuration.tlsConfiguration = clientTLS
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let secret = "hook-S3cret"
        func post(_ url: String, authorization: String? = nil, chat: Int) async throws -> Int {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "content-type", value: "application/json")
            if let authorization { request.headers.add(name: "authorization", value: authorization) }
            request.body = .bytes(ByteBuffer(string: #"{"event":"new_chat","chat":{"id":\#(chat)},"visitor":{"id":"v"}}"#))
            let response = try await client.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
            return Int(response.status.code)
        }
        try await withRecorder(RecorderSettings(listen: ephemeral, upstream: .url("http://\(bot.address)"), out: out,
                                                redactor: Redactor(secrets: [secret]), log: .discard, tls: tls,
                                                webhookSecret: WebhookSecret(secret))) { recorder in
            let base = "https://127.0.0.1:\(recorder.webhookAddress.port)"
            let basic = "Basic " + Data("webim:\(secret)".utf8).base64EncodedString()
            let statuses = [try await post(base + "/", chat: 1), try await post(base + "/?secret=wrong", chat: 2),
                            try await post(base + "/?secret=\(secret)&x=1", chat: 3),
                            try await post(base + "/v2", authorization: basic, chat: 4)]
            #expect(statuses == [401, 401, 200, 200])
        }
        try await client.shutdown()
        await bot.stop()
        // Refused webhooks never reached the bot; admitted ones arrived without the secret.
        #expect(seen.all == ["/?x=1 auth=-", "/v2 auth=-"])
        let recordings = try Fixtures.recordings(in: out)
        #expect(recordings.compactMap(\.name).sorted() == ["chat 3", "chat 4"])
        for file in Fixtures.files(under: out) {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            #expect(!text.contains(secret), "\(file)")
        }
    }

    @Test func aMissingCertificateIsAClearError() async throws {
        let folder = try Fixtures.scratch()
        await #expect(throws: RecorderError.self) {
            try await Recorder.start(RecorderSettings(listen: ephemeral, upstream: .url("http://127.0.0.1:9"), out: folder,
                                                      log: .discard, tls: TLSFiles(certificate: folder + "/none.pem",
                                                                                   key: folder + "/none.key")))
        }
    }
}

final class SeenRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    var all: [String] { lock.withLock { storage } }
    func add(_ line: String) { lock.withLock { storage.append(line) } }
}
