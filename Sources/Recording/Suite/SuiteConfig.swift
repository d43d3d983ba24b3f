import BotScript
import ConformJSON
import Foundation

/// `conform.yaml`: the settings of a folder of recordings (RECORDING-FORMAT.md, "Suite config").
public struct SuiteConfig: Sendable {
    public static let fileName = "conform.yaml"

    /// The file it was read from (nil for the defaults).
    public var file: String?
    /// The JAICP project, absolute.
    public var bot: String?
    public var timezone: String?
    /// Seconds of CPU a turn may use.
    public var turnTimeout: Double?
    public var name: String?
    /// `$request.channelType` the bot sees.
    public var channelType: String?
    /// How pre-chat messages are joined into one query.
    public var prechatJoin: String?
    /// Send a redirect to the general queue even to a Webim older than 10.4 (`X-Webim-Version`).
    public var forceQueueRedirect = false
    /// What a bot-api-1 webhook answers when the bot says nothing: `messages` (`{"has_answer": true,
    /// "messages": []}`, the default), `no-answer` (`{"has_answer": false}`) or `empty` (`{}`).
    public var silentReply: String?
    public static let silentReplies = ["messages", "no-answer", "empty"]
    public var exclude: [Glob]
    /// The `$http` mocks file for recordings of a deployed bot, absolute.
    public var mocks: String?
    public var ignore: [JSONPathPattern]
    public var redactHeaders: [String]
    public var redactJSONPaths: [String]
    /// Platform modules by name → local folder, absolute.
    public var botModules: [String: String]
    public var raw: JSONValue

    public init() {
        exclude = []
        ignore = []
        redactHeaders = []
        redactJSONPaths = []
        botModules = [:]
        raw = [:]
    }

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    /// The nearest `conform.yaml` in `folder` or its parents, or nil.
    public static func find(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    public static func load(_ path: String) throws(Problem) -> SuiteConfig {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Problem(file: path, message: "cannot be read as UTF-8 text")
        }
        let json: JSONValue
        do {
            json = try YAMLConversion.parse(text)
        } catch {
            throw Problem(file: path, message: "is not valid YAML: \(error)")
        }
        return try SuiteConfig(json: json, file: path)
    }

    public init(json: JSONValue, file: String) throws(Problem) {
        self.init()
        self.file = file
        raw = json
        if json.isNull { return }
        guard case .object(let members) = json else {
            throw Problem(file: file, message: "must be a mapping of settings (bot, timezone, …)")
        }
        let folder = (file as NSString).deletingLastPathComponent
        func text(_ key: String) throws(Problem) -> String? {
            guard let value = members[key], !value.isNull else { return nil }
            switch value {
            case .string(let s): return s
            case .number(let n): return n.literal
            case .bool(let b): return b ? "true" : "false"
            default: throw Problem(file: file, message: "`\(key)` must be a single value, found \(value.typeName)")
            }
        }
        func list(_ key: String) throws(Problem) -> [String] {
            guard let value = members[key], !value.isNull else { return [] }
            if let s = value.stringValue { return [s] }
            guard let items = value.arrayValue else {
                throw Problem(file: file, message: "`\(key)` must be a list, found \(value.typeName)")
            }
            return items.compactMap { $0.stringValue ?? $0.intValue.map(String.init) }
        }
        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: folder).appendingPathComponent(path).standardizedFileURL.path
        }
        bot = try text("bot").map(absolute)
        timezone = try text("timezone")
        name = try text("name")
        channelType = try text("channelType")
        prechatJoin = try text("prechatJoin")
        if let force = try text("forceQueueRedirect") {
            guard force == "true" || force == "false" else {
                throw Problem(file: file, message: "`forceQueueRedirect` must be true or false, found \(force)")
            }
            forceQueueRedirect = force == "true"
        }
        if let reply = try text("silentReply") {
            guard Self.silentReplies.contains(reply) else {
                throw Problem(file: file, message: "`silentReply` must be one of \(Self.silentReplies.joined(separator: ", ")), found \(reply)")
            }
            silentReply = reply
        }
        mocks = try text("mocks").map(absolute)
        exclude = try list("exclude").map(Glob.init)
        if let timeout = try text("turnTimeout") {
            guard let seconds = Self.seconds(timeout) else {
                throw Problem(file: file, message: "`turnTimeout` must be a duration such as 2s or 500ms, found \(timeout)")
            }
            turnTimeout = seconds
        }
        for path in try list("ignore") {
            guard let pattern = JSONPathPattern(path) else {
                throw Problem(file: file, message: "`ignore` entry '\(path)' is not a JSON path (e.g. turns[*].calls[*].request.body.message.id)")
            }
            ignore.append(pattern)
        }
        if let redact = members["redact"], case .object(let r) = redact {
            redactHeaders = (r["headers"]?.arrayValue ?? []).compactMap(\.stringValue).map { $0.lowercased() }
            redactJSONPaths = (r["jsonPaths"]?.arrayValue ?? []).compactMap(\.stringValue)
        }
        if let modules = members["botModules"]?.objectValue {
            for (name, value) in modules { if let path = value.stringValue { botModules[name] = absolute(path) } }
        }
    }

    /// `2s`, `500ms`, `1.5s`, `3` (seconds).
    static func seconds(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("ms"), let n = Double(t.dropLast(2)) { return n / 1000 }
        if t.hasSuffix("s"), let n = Double(t.dropLast()) { return n }
        return Double(t)
    }
}
