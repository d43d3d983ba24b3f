import ConformConcurrency
import ConformJSON
import Foundation
import Hummingbird
import Recorder
import Recording
import Testing
import WebimServer

/// `conform record` is a proxy: whatever Webim (or an attacker) posts is forwarded byte for byte and
/// recorded, except a body over the forwarding limit, which is refused with 413 before the bot sees it.
@Suite struct RecordHostileWebhookTests {
    @Test func garbageBodiesAreForwardedExactlyAndRecordedAndOnlyOversizedOnesAreRefused() async throws {
        let root = try Fixtures.scratch()
        let out = root + "/out"
        let received = Locked<[[UInt8]]>([])
        let bot = try await HTTPServer.start(listen: ephemeral) { request, _ in
            let body = (try? await request.body.collect(upTo: 32 << 20)).map { Array($0.readableBytesView) } ?? []
            received.withLock { $0.append(body) }
            return HTTPMessages.json(200, ["result": "ok"])
        }
        let bodies: [(name: String, bytes: [UInt8])] = [
            ("not JSON", Array(#"{"event": "new_chat", "chat": {"#.utf8)),
            ("invalid UTF-8", Array(#"{"event": "new_message", "chat_id": 5, "message": {"kind": "visitor", "text": ""#.utf8)
                + [0xC3, 0x28, 0xFF] + Array(#""}}"#.utf8)),
            ("deep nesting", Array(String(repeating: "[", count: 50_000).utf8) + Array(String(repeating: "]", count: 50_000).utf8)),
            ("wrong types", Array(#"{"event": ["new_chat"], "chat": {"id": {"nested": true}}, "visitor": 7}"#.utf8)),
            ("a real new_chat", Array(#"{"event": "new_chat", "chat": {"id": 9}, "visitor": {"id": "v-9"}}"#.utf8)),
        ]
        let huge = Array(repeating: UInt8(ascii: " "), count: (16 << 20) + 1)
        let client = JSONHTTPClient()
        var statuses: [String: Int] = [:]
        var hugeStatus = 0
        try await withRecorder(RecorderSettings(listen: ephemeral, upstream: .url("http://\(bot.address)"), out: out,
                                                log: .discard)) { recorder in
            let url = "http://\(recorder.webhookAddress)/"
            for body in bodies {
                statuses[body.name] = try await client.send("POST", url, headers: [("content-type", "application/json")],
                                                            body: body.bytes, timeout: .seconds(20)).status
            }
            hugeStatus = try await client.send("POST", url, body: huge, timeout: .seconds(30)).status
        }
        await client.shutdown()
        await bot.stop()

        #expect(hugeStatus == 413)
        for body in bodies { #expect(statuses[body.name] == 200, "\(body.name)") }
        // The bot got every admitted body exactly as sent, and never the oversized one.
        #expect(received.withLock { $0 } == bodies.map(\.bytes))
        // Every admitted exchange is in a valid recording, in the order it arrived.
        let recordings = try Fixtures.recordings(in: out)
        #expect(recordings.map(\.turns.count).reduce(0, +) == bodies.count)
        #expect(Fixtures.files(under: root).allSatisfy { $0.hasPrefix("out/") })
    }
}
