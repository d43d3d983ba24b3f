import ConformJSON
import OrderedCollections

/// One line of a chat's journal (`.journal/<chat>.jsonl`, RECORDING-FORMAT.md "Crash safety").
/// Every line is self-describing, so a journal left by a crash becomes a recording without the
/// settings of the run that wrote it.
///
///     {"kind":"chat","chat":"101","stem":"chat-101-20261125-100000","startedAt":"…","source":{…},"channel":{…}}
///     {"kind":"webhook","turn":0,"at":"…","request":{…}}
///     {"kind":"answer","turn":0,"response":{…}}                 (or "error"; local bots add expect, random, calls, http)
///     {"kind":"call","turn":0,"exchange":{"at":…,"request":{…},"response":{…}}}
public enum JournalEntry: Sendable, Equatable {
    /// The first line: which chat, where its recording goes, what the recording's header says.
    case chat(ChatHeader)
    /// A webhook arrived (written before it is forwarded).
    case webhook(turn: Int, at: String, request: JSONValue)
    /// What the upstream answered to webhook `turn`, or why it did not.
    case answer(Answer)
    /// A bot → Webim API call and Webim's answer; `turn` is the chat's latest turn when it arrived
    /// (nil: no webhook of this chat was seen yet).
    case call(turn: Int?, exchange: JSONValue)
    /// The chat's history as Webim's stored-data API returned it when the chat was finished (the
    /// bot's messages a deployed bot sent from elsewhere), or why it could not be read.
    case history(History)

    public struct History: Sendable, Equatable {
        public var fetchedAt: String
        /// Webim's messages as returned (`{kind, text?, data?, created_at}`); nil when the fetch failed.
        public var messages: [JSONValue]?
        public var error: String?

        public init(fetchedAt: String, messages: [JSONValue]? = nil, error: String? = nil) {
            self.fetchedAt = fetchedAt
            self.messages = messages
            self.error = error
        }
    }

    public struct ChatHeader: Sendable, Equatable {
        public var chat: String
        /// The recording's file name without `.json` (the journal is `<stem>.jsonl`).
        public var stem: String
        public var startedAt: String
        public var channelType: String
        /// The dialect when the run forces one; otherwise decided from the exchanges.
        public var dialect: String?
        public var tool: String
        public var upstream: String
        /// `source.bot` for local-bot recordings, relative to the output folder.
        public var bot: String?
        public var timezone: String?

        public init(chat: String, stem: String, startedAt: String, channelType: String, dialect: String?, tool: String,
                    upstream: String, bot: String?, timezone: String?) {
            self.chat = chat
            self.stem = stem
            self.startedAt = startedAt
            self.channelType = channelType
            self.dialect = dialect
            self.tool = tool
            self.upstream = upstream
            self.bot = bot
            self.timezone = timezone
        }
    }

    public struct Answer: Sendable, Equatable {
        public var turn: Int
        public var response: JSONValue?
        public var error: String?
        /// Local-bot mode: the turn's expectations, random draws, the calls answered in process and
        /// the bot's own `$http` exchanges.
        public var expect: JSONValue?
        public var random: [Int]?
        public var calls: [JSONValue]
        public var http: [JSONValue]

        public init(turn: Int, response: JSONValue? = nil, error: String? = nil, expect: JSONValue? = nil,
                    random: [Int]? = nil, calls: [JSONValue] = [], http: [JSONValue] = []) {
            self.turn = turn
            self.response = response
            self.error = error
            self.expect = expect
            self.random = random
            self.calls = calls
            self.http = http
        }
    }

    /// The line as written: compact JSON, no newline.
    public var line: String { JSONWriter.compact(json) }

    public var json: JSONValue {
        var o = OrderedDictionary<String, JSONValue>()
        switch self {
        case .chat(let h):
            o["kind"] = "chat"
            o["chat"] = .string(h.chat)
            o["stem"] = .string(h.stem)
            o["startedAt"] = .string(h.startedAt)
            o["channelType"] = .string(h.channelType)
            if let dialect = h.dialect { o["dialect"] = .string(dialect) }
            o["tool"] = .string(h.tool)
            o["upstream"] = .string(h.upstream)
            if let bot = h.bot { o["bot"] = .string(bot) }
            if let timezone = h.timezone { o["timezone"] = .string(timezone) }
        case .webhook(let turn, let at, let request):
            o["kind"] = "webhook"
            o["turn"] = .number(JSONNumber(turn))
            o["at"] = .string(at)
            o["request"] = request
        case .answer(let a):
            o["kind"] = "answer"
            o["turn"] = .number(JSONNumber(a.turn))
            if let response = a.response { o["response"] = response }
            if let error = a.error { o["error"] = .string(error) }
            if let expect = a.expect { o["expect"] = expect }
            if let random = a.random { o["random"] = .array(random.map { .number(JSONNumber($0)) }) }
            if !a.calls.isEmpty { o["calls"] = .array(a.calls) }
            if !a.http.isEmpty { o["http"] = .array(a.http) }
        case .call(let turn, let exchange):
            o["kind"] = "call"
            o["turn"] = turn.map { .number(JSONNumber($0)) } ?? .null
            o["exchange"] = exchange
        case .history(let h):
            o["kind"] = "history"
            o["fetchedAt"] = .string(h.fetchedAt)
            if let messages = h.messages { o["messages"] = .array(messages) }
            if let error = h.error { o["error"] = .string(error) }
        }
        return .object(o)
    }

    /// Reads a line back; nil when it is not a journal line (a torn last line after a crash).
    public init?(json: JSONValue) {
        switch json["kind"]?.stringValue {
        case "chat":
            guard let chat = json["chat"]?.stringValue, let stem = json["stem"]?.stringValue,
                  let startedAt = json["startedAt"]?.stringValue else { return nil }
            self = .chat(ChatHeader(
                chat: chat, stem: stem, startedAt: startedAt, channelType: json["channelType"]?.stringValue ?? "webim",
                dialect: json["dialect"]?.stringValue, tool: json["tool"]?.stringValue ?? "conform",
                upstream: json["upstream"]?.stringValue ?? "unknown", bot: json["bot"]?.stringValue,
                timezone: json["timezone"]?.stringValue))
        case "webhook":
            guard let turn = json["turn"]?.intValue, let at = json["at"]?.stringValue, let request = json["request"] else { return nil }
            self = .webhook(turn: turn, at: at, request: request)
        case "answer":
            guard let turn = json["turn"]?.intValue else { return nil }
            self = .answer(Answer(turn: turn, response: json["response"], error: json["error"]?.stringValue,
                                  expect: json["expect"], random: json["random"]?.arrayValue?.compactMap(\.intValue),
                                  calls: json["calls"]?.arrayValue ?? [], http: json["http"]?.arrayValue ?? []))
        case "call":
            guard let exchange = json["exchange"] else { return nil }
            self = .call(turn: json["turn"]?.intValue, exchange: exchange)
        case "history":
            guard let fetchedAt = json["fetchedAt"]?.stringValue else { return nil }
            self = .history(History(fetchedAt: fetchedAt, messages: json["messages"]?.arrayValue, error: json["error"]?.stringValue))
        default:
            return nil
        }
    }
}
