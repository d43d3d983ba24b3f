import Foundation

/// The recorder's open chats as a pure state machine (no I/O): which journal each exchange goes
/// to, which turn a call belongs to, and when a chat is finished. The proxies feed it events and
/// carry out the actions it returns; tests drive it directly.
///
/// A chat is finalized when the bot closed it (`close_chat` accepted by Webim), after `idle`
/// seconds without traffic, or at shutdown — but never while one of its exchanges is still in
/// flight: the finalization waits for the last one to finish.
public struct ChatTable: Sendable {
    public struct Session: Sendable, Equatable {
        public var chat: String
        public var stem: String
        /// The chat's journal is new: its header line must be written first.
        public var isNew: Bool
    }

    /// A chat whose recording is to be written now.
    public struct Closed: Sendable, Equatable {
        public var chat: String
        public var stem: String
    }

    struct OpenChat {
        var stem: String
        var nextTurn = 0
        var latestTurn: Int?
        var inFlight = 0
        var lastActivity: Date
        var closing = false
    }

    private var chats: [String: OpenChat] = [:]
    public let idle: TimeInterval

    public init(idle: TimeInterval) {
        self.idle = idle
    }

    public var openChats: Int { chats.count }

    /// A webhook of `chat` arrived: its turn number and the chat's journal.
    /// - Parameters:
    ///   - stem: names a new chat's files (`-2`, `-3`… is added when taken).
    ///   - isFree: whether no file of that name exists yet (the journal store's check).
    public mutating func webhookArrived(chat: String, now: Date, stem: String,
                                        isFree: (String) -> Bool) -> (session: Session, turn: Int) {
        var (entry, isNew) = opened(chat, now: now, stem: stem, isFree: isFree)
        let turn = entry.nextTurn
        entry.nextTurn += 1
        entry.latestTurn = turn
        entry.inFlight += 1
        entry.lastActivity = now
        chats[chat] = entry
        return (Session(chat: chat, stem: entry.stem, isNew: isNew), turn)
    }

    /// A call of `chat` arrived: the turn it belongs to (nil when no webhook of the chat was seen).
    public mutating func callArrived(chat: String, now: Date, stem: String,
                                     isFree: (String) -> Bool) -> (session: Session, turn: Int?) {
        var (entry, isNew) = opened(chat, now: now, stem: stem, isFree: isFree)
        entry.inFlight += 1
        entry.lastActivity = now
        chats[chat] = entry
        return (Session(chat: chat, stem: entry.stem, isNew: isNew), entry.latestTurn)
    }

    private func opened(_ chat: String, now: Date, stem: String, isFree: (String) -> Bool) -> (OpenChat, Bool) {
        if let entry = chats[chat] { return (entry, false) }
        var candidate = stem
        var n = 2
        while isOpen(stem: candidate) || !isFree(candidate) {
            candidate = "\(stem)-\(n)"
            n += 1
        }
        return (OpenChat(stem: candidate, lastActivity: now), true)
    }

    /// An exchange of `chat` finished (its journal line is written). `closes`: it was the bot's
    /// accepted `close_chat`. Returns the chat to finalize now, if any.
    public mutating func finished(chat: String, closes: Bool, now: Date) -> Closed? {
        guard var entry = chats[chat] else { return nil }
        entry.inFlight -= 1
        entry.lastActivity = now
        if closes { entry.closing = true }
        if entry.closing && entry.inFlight == 0 {
            chats[chat] = nil
            return Closed(chat: chat, stem: entry.stem)
        }
        chats[chat] = entry
        return nil
    }

    /// Chats idle for longer than `idle` with nothing in flight: removed and returned.
    public mutating func sweep(now: Date) -> [Closed] {
        var done: [Closed] = []
        for (chat, entry) in chats where entry.inFlight == 0 && now.timeIntervalSince(entry.lastActivity) >= idle {
            chats[chat] = nil
            done.append(Closed(chat: chat, stem: entry.stem))
        }
        return done.sorted { $0.stem < $1.stem }
    }

    /// Every open chat (at shutdown, once the listeners have stopped).
    public mutating func closeAll() -> [Closed] {
        defer { chats = [:] }
        return chats.map { Closed(chat: $0.key, stem: $0.value.stem) }.sorted { $0.stem < $1.stem }
    }

    public func isOpen(stem: String) -> Bool { chats.values.contains { $0.stem == stem } }
}
