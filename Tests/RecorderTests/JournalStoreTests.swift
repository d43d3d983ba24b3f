import ConformJSON
import Foundation
import Recorder
import Recording
import Testing

/// Journals on disk: written line by line, finalized atomically, recovered after a crash.
@Suite struct JournalStoreTests {
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "conform-journal-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let header = RecordingAssemblerTests.header

    @Test func finalizingWritesTheRecordingAndRemovesTheJournal() async throws {
        let folder = try Self.scratch()
        let store = try JournalStore(folder: folder)
        let stem = Self.header.stem
        try await store.append(.chat(Self.header), stem: stem)
        try await store.append(.webhook(turn: 0, at: "2026-11-25T10:00:00Z",
                                        request: RecordingAssemblerTests.request(["event": "new_chat", "chat": ["id": 5]])), stem: stem)
        try await store.append(.answer(.init(turn: 0, response: ["status": 200, "body": ["result": "ok"]])), stem: stem)
        #expect(FileManager.default.fileExists(atPath: store.journalPath(stem)))
        #expect(!store.isFree(stem))
        let written = try #require(try await store.finalize(stem: stem, redactor: Redactor()))
        #expect(written.path == folder + "/" + stem + ".json")
        #expect(written.turns == 1 && written.skippedLines == 0)
        #expect(!FileManager.default.fileExists(atPath: store.journalPath(stem)))
        guard case .success(.recording(let recording)) = RecordingLoader.load(file: written.path) else {
            Issue.record("the recording does not load")
            return
        }
        #expect(recording.turns.count == 1)
        let text = try String(contentsOfFile: written.path, encoding: .utf8)
        #expect(text.hasSuffix("}\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".journal", stem + ".json"])
    }

    @Test func aTornLastLineFromACrashIsSkippedAndKeptAside() async throws {
        let folder = try Self.scratch()
        let store = try JournalStore(folder: folder)
        let stem = Self.header.stem
        let lines = [JournalEntry.chat(Self.header).line,
                     JournalEntry.webhook(turn: 0, at: "2026-11-25T10:00:00Z",
                                          request: RecordingAssemblerTests.request(["event": "new_chat", "chat": ["id": 5]])).line,
                     JournalEntry.answer(.init(turn: 0, response: ["status": 200])).line,
                     #"{"kind":"webhook","turn":1,"at":"2026-11-25T1"#]
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: store.journalPath(stem)))
        // A new run finds it and writes the recording.
        let restarted = try JournalStore(folder: folder)
        #expect(restarted.leftoverJournals() == [stem])
        let written = try #require(try await restarted.finalize(stem: stem, redactor: Redactor()))
        #expect(written.turns == 1)
        #expect(written.skippedLines == 1)
        #expect(FileManager.default.fileExists(atPath: store.journalPath(stem) + ".unreadable"))
        #expect(restarted.leftoverJournals() == [])
    }

    @Test func aStemIsTakenByRecordingsAndJournalsFoundAtStartAndByJournalsItStarts() async throws {
        let folder = try Self.scratch()
        try FileManager.default.createDirectory(atPath: folder + "/.journal", withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/chat-1-20261125-100000.json"))
        try Data("".utf8).write(to: URL(fileURLWithPath: folder + "/.journal/chat-2-20261125-100000.jsonl"))
        let store = try JournalStore(folder: folder)
        #expect(!store.isFree("chat-1-20261125-100000"))
        #expect(!store.isFree("chat-2-20261125-100000"))
        #expect(store.isFree("chat-3-20261125-100000"))
        try await store.append(.chat(Self.header), stem: "chat-3-20261125-100000")
        #expect(!store.isFree("chat-3-20261125-100000"))
        #expect(store.isFree("chat-1-20261125-100000.json"), "a stem, not a file name")
    }

    @Test func anEmptyJournalWritesNothing() async throws {
        let folder = try Self.scratch()
        let store = try JournalStore(folder: folder)
        try await store.append(.chat(Self.header), stem: "empty")
        #expect(try await store.finalize(stem: "empty", redactor: Redactor()) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [".journal"])
    }

    @Test func anUnwritableFolderIsAClearError() throws {
        #expect(throws: RecorderError.self) { try JournalStore(folder: "/proc/conform-cannot-write-here") }
    }
}
