import ConformJSON

/// One Webim chat as the bot's webhook saw it (RECORDING-FORMAT.md, version 1).
///
/// The typed fields are what replay needs; `raw` keeps the whole document, so fields conform does not
/// know (or a dialect it cannot parse) survive a read/write cycle untouched.
public struct Recording: Sendable {
    public static let format = "conform-recording"
    public static let version = 1

    public var name: String?
    public var channelType: String?
    public var dialect: String?
    public var recordedAt: String?
    public var sourceTool: String?
    public var sourceUpstream: String?
    /// The bot project to replay against, relative to the recording file.
    public var sourceBot: String?
    public var timezone: String?
    public var initial: Initial?
    public var turns: [Turn]
    public var raw: JSONValue

    public struct Initial: Sendable, Equatable {
        public var client: JSONValue?
        public var session: JSONValue?
        public var global: JSONValue?
    }

    public struct Turn: Sendable {
        /// When the webhook arrived (ISO 8601); the bot's clock reads this during the turn.
        public var at: String?
        public var webhook: Exchange
        public var calls: [Exchange]
        public var expect: Expectation?
        public var random: [Int]
        public var nlu: NLU?
        public var http: [Exchange]
    }

    public struct NLU: Sendable, Equatable {
        public var intent: String?
        public var confidence: Double?
    }
}

/// An HTTP exchange: a request and the response to it, or the error that took its place.
public struct Exchange: Sendable, Equatable {
    public var at: String?
    public var request: HTTPRequestRecord
    public var response: HTTPResponseRecord?
    public var error: String?
    /// `history`: not seen on the wire but read from Webim's chat history (the bot's message as
    /// Webim stored it); replay compares only its kind, text and buttons.
    public var source: String?

    public init(at: String? = nil, request: HTTPRequestRecord, response: HTTPResponseRecord? = nil, error: String? = nil,
                source: String? = nil) {
        self.at = at
        self.request = request
        self.response = response
        self.error = error
        self.source = source
    }

    public static let historySource = "history"
    public var isFromHistory: Bool { source == Self.historySource }
}

public struct HTTPRequestRecord: Sendable, Equatable {
    public var method: String
    public var path: String
    /// Lower-cased names.
    public var headers: [(String, String)]
    public var body: JSONValue?

    public init(method: String, path: String, headers: [(String, String)] = [], body: JSONValue? = nil) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    public static func == (a: HTTPRequestRecord, b: HTTPRequestRecord) -> Bool {
        a.method == b.method && a.path == b.path && a.body == b.body
            && a.headers.map(\.0) == b.headers.map(\.0) && a.headers.map(\.1) == b.headers.map(\.1)
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.0 == name.lowercased() }?.1
    }
}

public struct HTTPResponseRecord: Sendable, Equatable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: JSONValue?

    public init(status: Int, headers: [(String, String)] = [], body: JSONValue? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func == (a: HTTPResponseRecord, b: HTTPResponseRecord) -> Bool {
        a.status == b.status && a.body == b.body
            && a.headers.map(\.0) == b.headers.map(\.0) && a.headers.map(\.1) == b.headers.map(\.1)
    }
}

/// What a turn should produce beyond the wire (RECORDING-FORMAT.md, `expect`).
public struct Expectation: Sendable, Equatable {
    /// `$context.currentState` after the turn.
    public var state: JSONValue?
    /// Compared as subsets: keys not written are not checked.
    public var session: JSONValue?
    public var client: JSONValue?
    /// `$response.replies`.
    public var replies: JSONValue?
    public var raw: JSONValue
}
