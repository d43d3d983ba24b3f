import Foundation

/// Where servers write their log lines: one line per call, written and flushed at once (CI logs and
/// `tail -f` show each webhook as it happens). Tests capture the lines instead.
///
/// ```swift
/// let log = LineLog.standardOutput
/// log("POST / chat 1 · 200")
/// ```
public struct LineLog: Sendable {
    private let write: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    public func callAsFunction(_ line: String) { write(line) }

    /// Unbuffered writes to standard output.
    public static let standardOutput = LineLog { line in try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8)) }
    public static let standardError = LineLog { line in try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8)) }
    public static let discard = LineLog { _ in }

    /// A log that keeps its lines in memory (for tests), and the way to read them back.
    public static func capturing() -> (LineLog, CapturedLines) {
        let lines = CapturedLines()
        return (LineLog { lines.append($0) }, lines)
    }
}

/// Lines a capturing `LineLog` kept.
public final class CapturedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    public var lines: [String] { lock.withLock { storage } }

    func append(_ line: String) { lock.withLock { storage.append(line) } }
}
