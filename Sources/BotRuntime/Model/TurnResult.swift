import ConformJSON

/// What one request produced.
public struct TurnResult: Sendable {
    /// `$response.replies`, in order.
    public var replies: [JSONValue]
    /// `$response` as the scripts left it (`answer`, `actions`, anything scripts added).
    public var response: JSONValue
    /// `$context.currentState` when the turn ended (the last state entered).
    public var state: String?
    /// The dialog context the next request is matched from.
    public var contextPath: String
    /// How the target was chosen (nil when no state handled the request).
    public var selection: DialogEngine.Selection?
    /// Every state entered, in order (the target, then `go!` targets).
    public var statesEntered: [String]
    /// Random draws made (`random:`, `$reactions.random`, `$jsapi.random`), in order.
    public var randomDraws: [Int]
    /// How many alternatives each of `randomDraws` chose among (0 when unknown).
    public var randomBounds: [Int] = []
    /// `$http` calls made and how they were answered.
    public var http: [HTTPExchange]
    /// Calls to recorded no-op services (`$analytics.setSessionData`, `$mail.send`, …).
    public var serviceCalls: [ServiceCall]
    /// Lines the scripts logged.
    public var log: [String]
    /// Set when the turn could not complete; replies made before the failure are kept above.
    public var error: RuntimeError?
    /// The session ended with this turn (`$jsapi.stopSession()`, `EndSession`).
    public var sessionEnded: Bool
    /// Set when a script called `$reactions.newSession`: the replies and states from that index on
    /// belong to the new session's request.
    public var newSession: NewSessionStart? = nil
    /// `file:line` of the `"Text" -> /Target` button whose click chose the target (no pattern did).
    public var buttonTrigger: String? = nil
    /// Errors the bot's own handlers took (`onScriptError`, `onDialogError`, `onAnyError`), each as
    /// "handler: error" — the turn went on, but a transcript should still say what failed.
    public var handledErrors: [String] = []
}

/// `$reactions.newSession({message, data})`: what the script asked for, and where in the turn's
/// `replies` and `statesEntered` the new session's own request begins.
public struct NewSessionStart: Sendable, Equatable {
    /// The object the script passed (`message`, `data`).
    public var arguments: JSONValue
    public var replyIndex: Int
    public var stateIndex: Int

    public init(arguments: JSONValue, replyIndex: Int, stateIndex: Int) {
        self.arguments = arguments
        self.replyIndex = replyIndex
        self.stateIndex = stateIndex
    }
}

public struct HTTPExchange: Sendable, Equatable {
    public var method: String
    public var url: String
    public var requestBody: JSONValue?
    public var status: Int
    public var responseBody: JSONValue?
    /// Why no mock answered, when none did.
    public var error: String?
}

public struct ServiceCall: Sendable, Equatable {
    public var name: String
    public var arguments: JSONValue
}
