import Foundation
import Replay
import Testing

/// `--watch` re-runs when a bot file or a recording changes, once per burst of writes.
@Suite struct ChangeWatcherTests {
    @Test func addedModifiedAndRemovedFilesAreReportedHiddenOnesAndReportsAreNot() throws {
        let scratch = try Scratch()
        try scratch.write("bot/src/main.sc", "theme: /\n")
        try scratch.write("rec/a.json", "{}")
        var watcher = ChangeWatcher(roots: [scratch.path + "/bot", scratch.path + "/rec"])
        #expect(watcher.poll() == [])
        try scratch.write("bot/src/main.sc", "theme: /\n    state: A\n")
        try scratch.write("rec/b.json", "{}")
        try FileManager.default.removeItem(atPath: scratch.path + "/rec/a.json")
        try scratch.write("rec/.journal/x.jsonl", "{}")
        try scratch.write("rec/Reports/junit.xml", "<x/>")
        #expect(watcher.poll() == [scratch.path + "/bot/src/main.sc", scratch.path + "/rec/a.json", scratch.path + "/rec/b.json"])
        #expect(watcher.poll() == [])
    }

    @Test func aBurstOfWritesIsOneChange() async throws {
        let scratch = try Scratch()
        try scratch.write("bot/src/main.sc", "theme: /\n")
        var watcher = ChangeWatcher(roots: [scratch.path + "/bot"])
        let writer = Task {
            for i in 0..<3 {
                try? await Task.sleep(for: .milliseconds(60))
                try? scratch.write("bot/src/part\(i).sc", "theme: /\n")
            }
        }
        let changed = await watcher.next(interval: .milliseconds(50), debounce: .seconds(1))
        await writer.value
        #expect(changed?.count == 3)
        #expect(watcher.poll() == [])
    }
}
