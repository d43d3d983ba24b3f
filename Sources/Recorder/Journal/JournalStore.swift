import ConformConcurrency
import ConformJSON
import Foundation
import Recording

/// The recorder's files: each open chat's append-only journal under `<out>/.journal/`, and the
/// finished recordings in `<out>/`. All file work happens on one serial queue, never on an HTTP
/// event loop, and in the order it was asked for — so a chat's answer line is on disk before its
/// finalization reads the journal. `append` returns once the line has been written (write(2)
/// returned: it survives the process being killed), which is when the proxy may acknowledge the
/// exchange.
///
/// ```swift
/// let store = try JournalStore(folder: "Recordings/live")
/// try await store.append(.webhook(turn: 0, at: now, request: request), stem: "chat-101-20261125-100000")
/// let written = try await store.finalize(stem: "chat-101-20261125-100000")   // Recordings/live/chat-101-….json
/// ```
public final class JournalStore: @unchecked Sendable {
    public let folder: String
    public let journalFolder: String
    private let queue = DispatchQueue(label: "conform.recorder.journal")
    // Only touched on `queue`.
    private var open: [String: Int32] = [:]
    /// Every stem a recording or journal has in the folder: read once at start, then kept as files
    /// are made, so choosing a new chat's name touches no disk on the request path.
    private let taken: Locked<Set<String>>

    public static let journalFolderName = ".journal"

    public init(folder: String) throws(RecorderError) {
        self.folder = folder
        journalFolder = (folder as NSString).appendingPathComponent(Self.journalFolderName)
        do {
            try FileManager.default.createDirectory(atPath: journalFolder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: journalFolder, reason: error.localizedDescription)
        }
        var stems = Set<String>()
        for (place, suffix) in [(folder, ".json"), (journalFolder, ".jsonl")] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: place)) ?? [] where name.hasSuffix(suffix) {
                stems.insert(String(name.dropLast(suffix.count)))
            }
        }
        taken = Locked(stems)
    }

    public func journalPath(_ stem: String) -> String { (journalFolder as NSString).appendingPathComponent(stem + ".jsonl") }
    public func recordingPath(_ stem: String) -> String { (folder as NSString).appendingPathComponent(stem + ".json") }

    /// Whether a chat may take this stem: no recording or journal of that name exists.
    public func isFree(_ stem: String) -> Bool {
        !taken.withLock { $0.contains(stem) }
    }

    /// Appends one line to the chat's journal and returns once it is written.
    public func append(_ entry: JournalEntry, stem: String) async throws(RecorderError) {
        let bytes = Array((entry.line + "\n").utf8)
        let result: Result<Void, RecorderError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.write(bytes, stem: stem)) }
        }
        try result.get()
    }

    /// Queues a line without waiting for it: a later `append` of the same chat returns only once
    /// this one is written too (one serial queue), which is all an acknowledgement needs.
    public func appendLater(_ entry: JournalEntry, stem: String, onFailure: @escaping @Sendable (RecorderError) -> Void) {
        let bytes = Array((entry.line + "\n").utf8)
        queue.async {
            if case .failure(let error) = self.write(bytes, stem: stem) { onFailure(error) }
        }
    }

    private func write(_ bytes: [UInt8], stem: String) -> Result<Void, RecorderError> {
        let path = journalPath(stem)
        let fd: Int32
        if let existing = open[stem] {
            fd = existing
        } else {
            fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return .failure(.cannotWrite(path: path, reason: String(cString: strerror(errno)))) }
            open[stem] = fd
            _ = taken.withLock { $0.insert(stem) }
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotWrite(path: path, reason: String(cString: strerror(errno))))
            }
            offset += written
        }
        return .success(())
    }

    /// Writes the chat's recording from its journal (temporary file + rename) and removes the
    /// journal. Returns the recording's path, or nil when the journal held no exchange.
    @discardableResult
    public func finalize(stem: String, redactor: Redactor) async throws(RecorderError) -> Finalized? {
        let result: Result<Finalized?, RecorderError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.finalizeNow(stem: stem, redactor: redactor)) }
        }
        return try result.get()
    }

    public struct Finalized: Sendable, Equatable {
        public var path: String
        public var turns: Int
        /// Lines of the journal that could not be read (a torn last line after a crash).
        public var skippedLines: Int
    }

    private func finalizeNow(stem: String, redactor: Redactor) -> Result<Finalized?, RecorderError> {
        if let fd = open.removeValue(forKey: stem) { close(fd) }
        let journal = journalPath(stem)
        guard let data = FileManager.default.contents(atPath: journal) else {
            return .failure(.cannotRead(path: journal))
        }
        var assembler = RecordingAssembler()
        var skipped = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let json = try? JSONParser.parse(bytes: Array(line)), let entry = JournalEntry(json: json) else {
                skipped += 1
                continue
            }
            assembler.add(entry)
        }
        guard assembler.exchangeCount > 0 else {
            try? FileManager.default.removeItem(atPath: journal)
            return .success(nil)
        }
        // Journals are redacted as they are written; this pass covers journals an older run left.
        let document = redactor.document(assembler.document())
        let path = recordingPath(assembler.header?.stem ?? stem)
        do {
            try RecordingWriter.write(document, to: path)
        } catch {
            return .failure(.cannotWrite(path: path, reason: error.localizedDescription))
        }
        if skipped > 0 {
            // Keep what could not be read next to the recording rather than deleting it.
            let kept = journal + ".unreadable"
            try? FileManager.default.removeItem(atPath: kept)
            _ = rename(journal, kept)
        } else {
            try? FileManager.default.removeItem(atPath: journal)
        }
        return .success(Finalized(path: path, turns: assembler.turnCount, skippedLines: skipped))
    }

    /// Temporary files of recordings a killed run was writing (`.<stem>.json.<pid>.tmp`): never a
    /// recording, and the journal they came from is still there. Removed at start.
    public func removeStaleTemporaryFiles() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(".chat-") && name.hasSuffix(".tmp") && name.contains(".json.") {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    /// The chat a journal belongs to, from its first line.
    public func header(_ stem: String) -> JournalEntry.ChatHeader? {
        guard let handle = FileHandle(forReadingAtPath: journalPath(stem)) else { return nil }
        defer { try? handle.close() }
        let data = handle.readData(ofLength: 1 << 20)
        guard let line = data.split(separator: UInt8(ascii: "\n")).first,
              let json = try? JSONParser.parse(bytes: Array(line)), case .chat(let header)? = JournalEntry(json: json) else {
            return nil
        }
        return header
    }

    /// Journals a previous run left behind (it crashed or was killed): their stems.
    public func leftoverJournals() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: journalFolder)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(".jsonl".count)) }.sorted()
    }
}

/// What can go wrong with the recorder's files and listeners, with what to do.
public enum RecorderError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String)
    case invalidSetting(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason) (check the folder's permissions and free space)"
        case .cannotRead(let path): "cannot read \(path)"
        case .invalidSetting(let message): message
        }
    }
}
