// conform-bench-recorder: the recorder's added latency and throughput under a multi-chat load.
//
// A fast upstream (answers {"result":"ok"} at once) and `conform record`'s proxy run in this
// process on loopback. CHATS chats each send one webhook through the recorder and one straight
// to the upstream per tick, paced so the recorder sees RATE requests per second for SECONDS.
// Prints throughput, p50/p99 latency direct and through the recorder, the added latency, and
// checks that every acknowledged exchange was written to a recording.
//
//   swift run -c release conform-bench-recorder [CHATS] [RATE] [SECONDS]     (defaults: 200 500 10)
import ConformJSON
import Foundation
import Recorder
import Recording
import WebimServer

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let chats = arguments.count > 0 ? arguments[0] : 200
let rate = arguments.count > 1 ? arguments[1] : 500
let seconds = arguments.count > 2 ? arguments[2] : 10

final class Samples: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var direct: [Double] = []
    private(set) var recorded: [Double] = []
    private(set) var acknowledged = 0
    private(set) var failed = 0
    func add(direct d: Double?, recorded r: Double?) {
        lock.withLock {
            if let d { direct.append(d) }
            if let r { recorded.append(r); acknowledged += 1 } else { failed += 1 }
        }
    }
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
}

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

let out = NSTemporaryDirectory() + "conform-bench-recorder-" + UUID().uuidString
let upstream = try await HTTPServer.start(listen: ListenAddress(host: "127.0.0.1", port: 0)) { _, _ in
    HTTPMessages.json(200, ["result": "ok"])
}
let recorder = try await Recorder.start(RecorderSettings(
    listen: ListenAddress(host: "127.0.0.1", port: 0), upstream: .url("http://\(upstream.address)"), out: out, log: .discard))
let client = JSONHTTPClient()
let samples = Samples()
let interval = Duration.milliseconds(1000 * chats / max(1, rate))
let ticks = max(1, seconds * rate / chats)
let started = ContinuousClock.now
print("conform-bench-recorder: \(chats) chats, \(rate) requests/s through the recorder for \(seconds) s (\(ticks * chats) webhooks)")

await withTaskGroup(of: Void.self) { group in
    for chat in 0..<chats {
        group.addTask {
            // Spread the chats over the interval so the load is even.
            let offset = interval * Double(chat) / Double(chats)
            var next = started + offset
            for tick in 0..<ticks {
                try? await Task.sleep(until: next, clock: .continuous)
                next += interval
                let body: JSONValue = tick == 0
                    ? ["event": "new_chat", "chat": ["id": .number(JSONNumber(chat))], "visitor": ["id": "v"]]
                    : ["event": "new_message", "chat_id": .number(JSONNumber(chat)),
                       "message": ["id": .string("m\(tick)"), "kind": "visitor", "text": "hello"]]
                let headers = [("x-bot-api-version", "2.0")]
                let viaRecorder = try? await client.post("http://\(recorder.webhookAddress)/", headers: headers, body: body,
                                                         timeout: .seconds(10))
                let direct = try? await client.post("http://\(upstream.address)/", headers: headers, body: body, timeout: .seconds(10))
                samples.add(direct: direct.map { milliseconds($0.elapsed) },
                            recorded: viaRecorder.flatMap { $0.status == 200 ? milliseconds($0.elapsed) : nil })
            }
        }
    }
}
let elapsed = milliseconds(ContinuousClock.now - started) / 1000
await recorder.stop()
await client.shutdown()
await upstream.stop()

// Every acknowledged exchange must be in a recording.
var written = 0
for name in (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [] where name.hasSuffix(".json") {
    if case .success(.recording(let recording)) = RecordingLoader.load(file: out + "/" + name) {
        written += recording.turns.filter { $0.webhook.response?.status == 200 }.count
    }
}
try? FileManager.default.removeItem(atPath: out)

let p50d = percentile(samples.direct, 0.5), p99d = percentile(samples.direct, 0.99)
let p50r = percentile(samples.recorded, 0.5), p99r = percentile(samples.recorded, 0.99)
print(String(format: "throughput: %.0f webhooks/s through the recorder (%d in %.1f s)", Double(samples.acknowledged) / elapsed,
             samples.acknowledged, elapsed))
print(String(format: "latency direct:        p50 %.2f ms  p99 %.2f ms", p50d, p99d))
print(String(format: "latency via recorder:  p50 %.2f ms  p99 %.2f ms", p50r, p99r))
print(String(format: "added by the recorder: p50 %.2f ms  p99 %.2f ms", p50r - p50d, p99r - p99d))
print("acknowledged \(samples.acknowledged), failed \(samples.failed), written to recordings \(written)"
      + (written == samples.acknowledged ? " — none lost" : " — LOST \(samples.acknowledged - written)"))
if written != samples.acknowledged { exit(1) }
