import ConformConcurrency

/// What the recorder has done so far: the live status line and the final summary read it.
public final class RecorderStatus: Sendable {
    public struct Counts: Sendable, Equatable {
        public var openChats = 0
        public var turns = 0
        public var calls = 0
        public var recordingsWritten = 0
        public var failedExchanges = 0
        public var lastError: String?
    }

    private let counts = Locked(Counts())

    public init() {}

    public var snapshot: Counts { counts.withLock { $0 } }

    func update(_ change: (inout Counts) -> Void) {
        counts.withLock { change(&$0) }
    }

    /// `recording · 3 chats open · 42 turns · 17 calls · 5 written · last error: …`
    public var line: String {
        let c = snapshot
        var parts = ["recording", "\(c.openChats) chat\(c.openChats == 1 ? "" : "s") open", "\(c.turns) turns",
                     "\(c.calls) calls", "\(c.recordingsWritten) written"]
        if let error = c.lastError { parts.append("last error: \(error)") }
        return parts.joined(separator: " · ")
    }
}
