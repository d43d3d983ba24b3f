import ConformJSON
import Foundation
import OrderedCollections

/// Writes recordings the way RECORDING-FORMAT.md shows them: pretty JSON (2 spaces), fields in the
/// documented order, UTF-8, a final newline; files through a temporary file and a rename.
public enum RecordingWriter {
    /// A recording document from its parts, fields in the documented order.
    public static func document(name: String?, channelType: String, dialect: String, recordedAt: String,
                                tool: String, upstream: String?, bot: String?, timezone: String?,
                                initial: JSONValue? = nil, history: JSONValue? = nil, turns: [JSONValue]) -> JSONValue {
        var root = OrderedDictionary<String, JSONValue>()
        root["format"] = .string(Recording.format)
        root["version"] = .number(JSONNumber(Recording.version))
        if let name { root["name"] = .string(name) }
        root["channel"] = ["type": .string(channelType), "dialect": .string(dialect)]
        root["recordedAt"] = .string(recordedAt)
        var source: OrderedDictionary<String, JSONValue> = ["tool": .string(tool)]
        if let upstream { source["upstream"] = .string(upstream) }
        if let bot { source["bot"] = .string(bot) }
        root["source"] = .object(source)
        if let timezone { root["environment"] = ["timezone": .string(timezone)] }
        if let initial { root["initial"] = initial }
        if let history { root["history"] = history }
        root["turns"] = .array(turns)
        return .object(root)
    }

    /// A turn's fields in RECORDING-FORMAT.md's order.
    public static let turnFields = ["at", "webhook", "calls", "expect", "random", "nlu", "http"]

    /// `turn` with `key` set; a key it did not have goes where `turnFields` puts it (`--update`
    /// adding the draws the search found).
    public static func turn(_ turn: JSONValue, setting key: String, to value: JSONValue) -> JSONValue {
        guard case .object(let members) = turn, members[key] == nil else {
            var turn = turn
            turn[key] = value
            return turn
        }
        let rank = turnFields.firstIndex(of: key) ?? turnFields.count
        var result = OrderedDictionary<String, JSONValue>()
        for (name, member) in members {
            if result[key] == nil, let other = turnFields.firstIndex(of: name), other > rank { result[key] = value }
            result[name] = member
        }
        if result[key] == nil { result[key] = value }
        return .object(result)
    }

    /// One turn, fields in the documented order (`turnFields`); empty optional parts are left out.
    public static func turn(at: String, webhook: JSONValue, calls: [JSONValue], expect: JSONValue?, random: [Int],
                            http: [JSONValue] = [], nlu: JSONValue? = nil) -> JSONValue {
        var turn = OrderedDictionary<String, JSONValue>()
        turn["at"] = .string(at)
        turn["webhook"] = webhook
        turn["calls"] = .array(calls)
        if let expect { turn["expect"] = expect }
        turn["random"] = .array(random.map { .number(JSONNumber($0)) })
        if let nlu { turn["nlu"] = nlu }
        turn["http"] = .array(http)
        return .object(turn)
    }

    /// `{at?, request: {method, path, headers, body}, response?: {status, headers, body}, error?}`.
    public static func exchange(at: String? = nil, request: HTTPRequestRecord, response: HTTPResponseRecord?,
                                error: String? = nil, source: String? = nil) -> JSONValue {
        var object = OrderedDictionary<String, JSONValue>()
        if let at { object["at"] = .string(at) }
        var req: OrderedDictionary<String, JSONValue> = ["method": .string(request.method), "path": .string(request.path)]
        if !request.headers.isEmpty { req["headers"] = headers(request.headers) }
        if let body = request.body { req["body"] = body }
        object["request"] = .object(req)
        if let response {
            var res: OrderedDictionary<String, JSONValue> = ["status": .number(JSONNumber(response.status))]
            if !response.headers.isEmpty { res["headers"] = headers(response.headers) }
            if let body = response.body { res["body"] = body }
            object["response"] = .object(res)
        }
        if let error { object["error"] = .string(error) }
        if let source { object["source"] = .string(source) }
        return .object(object)
    }

    /// One of the bot's own `$http` exchanges (`turns[].http`): the URL as the request's `path` (what
    /// replay matches), no headers (they carry services' credentials), and a call that got no answer
    /// (status below 0) with its `error` instead of a response.
    public static func httpExchange(method: String, url: String, requestBody: JSONValue?, status: Int,
                                    responseBody: JSONValue?, error: String?) -> JSONValue {
        exchange(request: HTTPRequestRecord(method: method, path: url, headers: [], body: requestBody),
                 response: status >= 0 ? HTTPResponseRecord(status: status, body: responseBody) : nil,
                 error: status >= 0 ? nil : error ?? "no answer")
    }

    static func headers(_ list: [(String, String)]) -> JSONValue {
        var object = OrderedDictionary<String, JSONValue>()
        for (name, value) in list { object[name.lowercased()] = .string(value) }
        return .object(object)
    }

    /// Writes `document` to `path` atomically.
    public static func write(_ document: JSONValue, to path: String) throws {
        try AtomicFile.write(JSONWriter.pretty(document), to: path)
    }
}
