import Foundation
import Recording
import Replay
import Testing

/// Recording files an attacker or a broken tool could leave in `Recordings/`: each is an error of its
/// own naming the file and the problem, the good recording next to them still replays, nothing traps.
@Suite struct HostileRecordingTests {
    static let header = #"{"format": "conform-recording", "version": 1, "source": {"bot": "bot"}, "#

    @Test func wrongTypesHugeFilesDeepNestingAndInvalidUTF8AreErrorsAndTheRunGoesOn() throws {
        let scratch = try Scratch()
        try scratch.copy(Paths.demoRecordings + "/greeting-and-menu.json", to: "good.json")
        try scratch.write("turns-is-text.json", Self.header + #""turns": "many"}"#)
        try scratch.write("turn-is-number.json", Self.header + #""turns": [42]}"#)
        try scratch.write("draw-is-text.json", Self.header + #""turns": [{"webhook": {"request": {"method": "POST", "path": "/"}}, "random": ["one"]}]}"#)
        try scratch.write("deep.json", Self.header + #""turns": [], "initial": {"session": "# + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}}")
        var invalid = Array((Self.header + #""name": ""#).utf8)
        invalid += [0xC3, 0x28, 0xFF]
        invalid += Array(#"", "turns": []}"#.utf8)
        try Data(invalid).write(to: scratch.url.appendingPathComponent("invalid-utf8.json"))
        // Larger than a recording may be; sparse, so the test writes almost nothing.
        let huge = scratch.url.appendingPathComponent("huge.json")
        _ = FileManager.default.createFile(atPath: huge.path, contents: Data(Self.header.utf8))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: UInt64(RecordingLoader.maxFileBytes) + 1)
        try handle.close()

        let outcomes = try ReplayRun(paths: [scratch.path], settings: ReplaySettings(botOverride: Paths.demoBot), jobs: 2).run()
        let byName = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.caseName, $0.status) })
        #expect(byName["good"] == .passed)
        func error(_ name: String) -> String {
            guard case .error(let message)? = byName[name] else {
                Issue.record("\(name): expected an error, got \(String(describing: byName[name]))")
                return ""
            }
            #expect(message.contains("\(name).json"), "\(name): \(message)")
            return message
        }
        #expect(error("turns-is-text").contains("turns"))
        #expect(error("turn-is-number").contains("turns[0]"))
        #expect(error("draw-is-text").contains("random[0]"))
        #expect(error("deep").contains("nested more than 256 levels deep"))
        #expect(error("invalid-utf8").contains("not valid UTF-8"))
        #expect(error("huge").contains("more than the \(RecordingLoader.maxFileBytes) a recording may have"))
        #expect(outcomes.count == 7)
    }
}
