import BotRuntime
import ConformJSON

/// The last request's replies as a test case's `<a>` steps consume them: each `<a>` takes the next
/// **text** reply (buttons, images, timeouts are skipped), `go!` chains included. A pure value, so
/// the consuming rules are tested without a bot.
struct ReplyCursor {
    let replies: [JSONValue]
    /// The states the request entered, in order (the first is the one that started processing).
    let statesEntered: [String]
    let newSession: NewSessionStart?
    /// The `<q>`, `<event>`, `<request>` or `<timeout>` that sent the request.
    let requestLine: Int
    /// 1-based number of the request within its test case.
    let requestNumber: Int
    private(set) var position = 0

    init(replies: [JSONValue], statesEntered: [String], newSession: NewSessionStart? = nil, requestLine: Int,
         requestNumber: Int) {
        self.replies = replies
        self.statesEntered = statesEntered
        self.newSession = newSession
        self.requestLine = requestLine
        self.requestNumber = requestNumber
    }

    static func isText(_ reply: JSONValue) -> Bool { reply["type"]?.stringValue == "text" }

    /// Takes the next text reply: its index in `replies` and the reply.
    mutating func next() -> (index: Int, reply: JSONValue)? {
        while position < replies.count {
            let index = position
            position += 1
            if Self.isText(replies[index]) { return (index, replies[index]) }
        }
        return nil
    }

    /// Text replies no `<a>` has taken yet.
    var remaining: [(index: Int, reply: JSONValue)] {
        (position..<replies.count).filter { Self.isText(replies[$0]) }.map { ($0, replies[$0]) }
    }

    /// How many text replies the request gave in all.
    var textCount: Int { replies.filter(Self.isText).count }

    /// Which text reply (1, 2, …) the reply at `index` of `replies` is: what `<a>`s count, so a
    /// report says "text reply 1" for the first `a:` even after a timeout or buttons reply.
    func textNumber(ofReply index: Int) -> Int { replies[..<index].filter(Self.isText).count + 1 }

    /// The state that started processing the request a reply belongs to: the first state entered, or,
    /// for replies after `$reactions.newSession`, the first state of the new session's request.
    func classState(ofReply index: Int) -> String? {
        if let newSession, index >= newSession.replyIndex {
            return newSession.stateIndex < statesEntered.count ? statesEntered[newSession.stateIndex] : nil
        }
        return statesEntered.first
    }

    /// The timeout the request set (`$reactions.timeout`, the `timeout:` tag), if any.
    var timeout: JSONValue? { replies.last { $0["type"]?.stringValue == "timeout" } }
}
