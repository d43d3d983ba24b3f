import ConformJSON
import Foundation

/// Why a file could not be read as a recording. It names the file and where in it, and says what to do.
public struct RecordingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// A JSON path (`turns[1].webhook.request`) or a text position (`line 3, column 9`).
    public var location: String?
    public var message: String

    public init(file: String, location: String? = nil, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        "\(file)\(location.map { ": \($0)" } ?? ""): \(message)"
    }
}

/// Reads recording files: well-formed JSON, then the schema, then the typed model.
public enum RecordingLoader {
    /// Files larger than this are refused rather than read into memory.
    public static let maxFileBytes = 64 << 20

    public enum Outcome: Sendable {
        case recording(Recording)
        /// Well-formed JSON whose `format` is not "conform-recording": not ours, skipped.
        case notARecording(String)
    }

    public static func load(file path: String, display: String? = nil) -> Result<Outcome, RecordingError> {
        let name = display ?? path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return .failure(RecordingError(file: name, message: "cannot be read"))
        }
        if let size = attributes[.size] as? Int, size > maxFileBytes {
            return .failure(RecordingError(file: name, message: "is \(size) bytes, more than the \(maxFileBytes) a recording may have"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(RecordingError(file: name, message: "cannot be read"))
        }
        return parse(bytes: Array(data), file: name)
    }

    public static func parse(bytes: [UInt8], file: String) -> Result<Outcome, RecordingError> {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes: bytes)
        } catch {
            return .failure(RecordingError(file: file, location: "line \(error.line), column \(error.column)",
                                           message: "is not valid JSON: \(error.description.split(separator: ":", maxSplits: 1).last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "")"))
        }
        guard json["format"]?.stringValue == Recording.format else {
            let found = json["format"].map { "format \(JSONWriter.compact($0))" } ?? "no \"format\" field"
            return .success(.notARecording("\(found), not \"\(Recording.format)\""))
        }
        do {
            // Most recordings hold no `{{re:…}}`: their values need not be walked for one that does not
            // compile. One written with JSON escapes (`\u007b\u007bre:`) cannot be seen in the bytes, so
            // any escape means walking.
            let mayHoldMatchers = bytes.contains(bytes: Self.regexMatcherOpening) || bytes.contains(bytes: Self.unicodeEscape)
            return .success(.recording(try decode(json, file: file, mayHoldMatchers: mayHoldMatchers)))
        } catch {
            return .failure(error)
        }
    }

    /// Checks `json` against the schema and builds the model; the first problem is the error, the
    /// others follow in its message so one run shows them all.
    public static func decode(_ json: JSONValue, file: String, mayHoldMatchers: Bool = true) throws(RecordingError) -> Recording {
        let violations = RecordingSchema.schema.validate(json)
        if let first = violations.first {
            var message = first.message
            if violations.count > 1 {
                message += " (and \(violations.count - 1) more: " + violations.dropFirst().prefix(3).map(\.description).joined(separator: "; ")
                    + (violations.count > 4 ? "; …" : "") + ")"
            }
            throw RecordingError(file: file, location: first.path, message: message)
        }
        var turns: [Recording.Turn] = []
        for (index, turnJSON) in (json["turns"]?.arrayValue ?? []).enumerated() {
            turns.append(try turn(turnJSON, at: "turns[\(index)]", file: file, mayHoldMatchers: mayHoldMatchers))
        }
        let initial = json["initial"].map {
            Recording.Initial(client: $0["client"], session: $0["session"], global: $0["global"])
        }
        return Recording(
            name: json["name"]?.stringValue, channelType: json["channel"]?["type"]?.stringValue,
            dialect: json["channel"]?["dialect"]?.stringValue, recordedAt: json["recordedAt"]?.stringValue,
            sourceTool: json["source"]?["tool"]?.stringValue, sourceUpstream: json["source"]?["upstream"]?.stringValue,
            sourceBot: json["source"]?["bot"]?.stringValue, timezone: json["environment"]?["timezone"]?.stringValue,
            initial: initial, turns: turns, raw: json)
    }

    static let regexMatcherOpening = Array("{{re:".utf8)
    static let unicodeEscape = Array("\\u".utf8)

    static func turn(_ json: JSONValue, at path: String, file: String, mayHoldMatchers: Bool = true) throws(RecordingError) -> Recording.Turn {
        var random: [Int] = []
        for (i, draw) in (json["random"]?.arrayValue ?? []).enumerated() {
            // The format's schema takes any number here; a draw is an alternative's index, so a fraction
            // is read as the whole number below it (1.7 → 1).
            guard let value = draw.intValue ?? draw.doubleValue.flatMap({ $0.isFinite && abs($0) < 1e15 ? Int($0.rounded(.down)) : nil }) else {
                throw RecordingError(file: file, location: "\(path).random[\(i)]", message: "must be a finite number")
            }
            random.append(value)
        }
        // A `{{re:…}}` that does not compile can never be evaluated: the recording's error, not a difference.
        for (place, value) in mayHoldMatchers ? [("webhook.response.body", json["webhook"]?["response"]?["body"]), ("calls", json["calls"]),
                                                 ("expect", json["expect"])] : [] {
            if let value, let bad = Matcher.firstInvalid(in: value, at: "\(path).\(place)") {
                throw RecordingError(file: file, location: bad.path,
                                     message: "{{re:\(bad.pattern)}} is not a regular expression conform can read: \(bad.reason)")
            }
        }
        if let at = json["at"]?.stringValue, RecordingTime.milliseconds(at) == nil {
            throw RecordingError(file: file, location: "\(path).at", message: "'\(at)' is not a time conform can read; write it as ISO 8601, e.g. 2026-11-25T10:00:00.000Z")
        }
        let expect = json["expect"].map {
            Expectation(state: $0["state"], session: $0["session"], client: $0["client"], replies: $0["replies"], raw: $0)
        }
        let nlu = json["nlu"].map { Recording.NLU(intent: $0["intent"]?.stringValue, confidence: $0["confidence"]?.doubleValue) }
        return Recording.Turn(
            at: json["at"]?.stringValue,
            webhook: exchange(json["webhook"] ?? [:]),
            calls: (json["calls"]?.arrayValue ?? []).map(exchange),
            expect: expect, random: random, nlu: nlu,
            http: (json["http"]?.arrayValue ?? []).map(exchange))
    }

    static func exchange(_ json: JSONValue) -> Exchange {
        let request = json["request"] ?? [:]
        let response = json["response"].map {
            HTTPResponseRecord(status: $0["status"]?.intValue ?? 0, headers: headers($0["headers"]), body: $0["body"])
        }
        return Exchange(
            at: json["at"]?.stringValue,
            request: HTTPRequestRecord(method: request["method"]?.stringValue ?? "", path: request["path"]?.stringValue ?? "",
                                       headers: headers(request["headers"]), body: request["body"]),
            response: response, error: json["error"]?.stringValue, source: json["source"]?.stringValue)
    }

    static func headers(_ json: JSONValue?) -> [(String, String)] {
        guard let members = json?.objectValue else { return [] }
        return members.compactMap { key, value in value.stringValue.map { (key.lowercased(), $0) } }
    }
}

private extension Array where Element == UInt8 {
    /// Whether `needle` occurs in these bytes. `memchr` and `memcmp` over the buffer, not the standard
    /// library's generic `firstRange(of:)`: that one is not specialized for bytes and doubled the
    /// instructions of a whole replay (3.17 against 1.55 billion for 100 recordings under callgrind,
    /// session 10). (Glibc's `memmem` is not visible to Swift without `_GNU_SOURCE`.)
    func contains(bytes needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        return withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                let end = haystack.baseAddress! + (haystack.count - needle.count + 1)
                var at = haystack.baseAddress!
                // `memchr` finds each candidate first byte with vector instructions.
                while at < end, let found = memchr(at, Int32(first), end - at) {
                    let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(candidate, needle.baseAddress!, needle.count) == 0 { return true }
                    at = candidate + 1
                }
                return false
            }
        }
    }
}
