import ConformJSON
import Foundation
import WebimProtocol

/// One request the bot made to the simulated Webim API, with what the simulator answered.
public struct ReceivedCall: Sendable {
    /// The method named by the path (`send_message`), or the whole path when it names none.
    public var method: String
    public var path: String
    /// The `Authorization` header as sent, if any.
    public var authorization: String?
    /// The body as JSON; nil when it was not JSON.
    public var body: JSONValue?
    /// The call as the protocol reads it; nil when it was refused.
    public var call: WebimBotAPI2Method?
    /// The chat the call names (read even from a body the protocol refuses, when it has a chat id).
    public var chatID: WebimID?
    public var status: Int
    public var answer: JSONValue
    public var at: ContinuousClock.Instant
    /// When it arrived by the wall clock (the chat history's `created_at`).
    public var receivedAt = Date()
    /// The HTTP method it came with (Webim's API takes POST; anything else is refused, and kept).
    public var httpMethod = "POST"

    /// `send_message {"chat_id":1,…}`: compact, for exact comparisons.
    public var line: String { "\(method) \(body.map(JSONWriter.compact) ?? "(not JSON)")" }
    public var accepted: Bool { (200..<300).contains(status) }
}

/// The calls the simulated Webim API received, by chat. Script players `take` their chat's new
/// calls as they wait for the bot; calls for chats no script opened are kept apart.
public final class CallInbox: @unchecked Sendable {
    // All state guarded by `lock`.
    private let lock = NSLock()
    private var open: Set<WebimID> = []
    private var waiting: [WebimID: [ReceivedCall]] = [:]
    private var everything: [ReceivedCall] = []
    private var strays: [ReceivedCall] = []

    public init() {}

    /// Starts attributing calls that name `chat` to it.
    public func open(_ chat: WebimID) {
        lock.withLock { _ = open.insert(chat) }
    }

    public func close(_ chat: WebimID) {
        lock.withLock {
            open.remove(chat)
            waiting[chat] = nil
        }
    }

    func record(_ call: ReceivedCall) {
        lock.withLock {
            everything.append(call)
            if let chat = call.chatID, open.contains(chat) {
                waiting[chat, default: []].append(call)
            } else {
                strays.append(call)
            }
        }
    }

    /// The chat's calls that arrived since the last `take`, in arrival order.
    public func take(_ chat: WebimID) -> [ReceivedCall] {
        lock.withLock {
            let calls = waiting[chat] ?? []
            waiting[chat] = nil
            return calls
        }
    }

    /// Every call received, in arrival order.
    public var all: [ReceivedCall] { lock.withLock { everything } }

    /// Calls whose chat no script had open (or that named no chat).
    public var unattributed: [ReceivedCall] { lock.withLock { strays } }
}
