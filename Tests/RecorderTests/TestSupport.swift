import BotRuntime
import BotScript
import ConformJSON
import Foundation
import Recorder
import Recording
import Testing
import WebimProtocol
import WebimServer

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demoBot = root.appendingPathComponent("Recordings/bots/demo").path
    static let scriptNames = ["greeting-and-menu", "prechat-order-status", "sync-dialect", "transfer-to-agent"]

    static func bot() throws -> CompiledBot { CompiledBot(project: try ProjectLoader().load(at: demoBot)) }

    static func script(_ stem: String) throws -> (name: String, script: ConversationScript) {
        let text = try String(contentsOfFile: root.appendingPathComponent("Recordings/scripts/\(stem).yaml").path, encoding: .utf8)
        return (stem, try ConversationScript(json: YAMLConversion.parse(text)))
    }

    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "conform-recorder-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every file under `folder` (hidden ones included), relative paths, sorted.
    static func files(under folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    static func recordings(in folder: String) throws -> [Recording] {
        try files(under: folder).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { name in
            switch RecordingLoader.load(file: folder + "/" + name) {
            case .success(.recording(let recording)): return recording
            case .success(.notARecording(let why)): throw RecorderTestFailure("\(name) is not a recording: \(why)")
            case .failure(let error): throw RecorderTestFailure("\(error)")
            }
        }
    }
}

struct RecorderTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

let ephemeral = ListenAddress(host: "127.0.0.1", port: 0)
// A step's replies are complete after two seconds without a call: generous, so a loaded machine does
// not split one turn's replies across steps. One second was not always enough in the whole suite: with
// two cores, tests that replay synchronously can hold both of Swift's cooperative threads for longer
// than that between two calls of one turn (seen twice in some ten runs). Since session 6 the simulator
// counts quiet only while it is watching (`QuietWatch`), so such a stall no longer ends a step early.
let fast = SimulationTiming(timeout: scaled(.seconds(10)), quietPeriod: scaled(.seconds(2)), waitScale: 0)

/// Runs `body` with a started recorder and stops it whatever happens.
func withRecorder<T>(_ settings: RecorderSettings, _ body: (Recorder) async throws -> T) async throws -> T {
    let recorder = try await Recorder.start(settings)
    do {
        let result = try await body(recorder)
        await recorder.stop()
        return result
    } catch {
        await recorder.stop()
        throw error
    }
}

/// Waits in timing-bound tests are multiplied by `CONFORM_TEST_TIME_SCALE` (default 1): the sanitizer
/// runs (scripts/sanitize) slow conform down several times, and a wait sized for a normal build
/// would fail there for no fault of the code.
let testTimeScale = max(1, Double(ProcessInfo.processInfo.environment["CONFORM_TEST_TIME_SCALE"] ?? "") ?? 1)

func scaled(_ duration: Duration) -> Duration { duration * testTimeScale }

/// What one run of the real `conform` binary did.
struct ConformRun {
    var status: Int32
    var output: String
    var errors: String
    /// Both streams, for messages that may go to either.
    var all: String { output + errors }
}

/// Runs the `conform` SwiftPM built next to these tests. Both streams go to files, so neither can
/// fill a pipe while the other is being read.
func runConform(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:]) throws -> ConformRun {
    let scratch = try Fixtures.scratch()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let out = URL(fileURLWithPath: scratch + "/stdout"), err = URL(fileURLWithPath: scratch + "/stderr")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: RecorderCrashTests.conformBinary)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    return ConformRun(status: process.terminationStatus, output: try String(contentsOf: out, encoding: .utf8),
                      errors: try String(contentsOf: err, encoding: .utf8))
}
