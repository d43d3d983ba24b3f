import ConformJSON
import Foundation
import Recording
import Testing

@Suite struct RecordingLoaderTests {
    static let minimal = """
        {"format": "conform-recording", "version": 1,
         "turns": [{"at": "2026-11-25T10:00:00.120Z",
                    "webhook": {"request": {"method": "POST", "path": "/", "headers": {"content-type": "application/json"},
                                            "body": {"event": "new_chat", "chat": {"id": 1}}},
                                "response": {"status": 200, "body": {"result": "ok"}}},
                    "calls": [], "random": [1, 0],
                    "expect": {"state": "/Start", "session": {"a": 1}}}]}
        """

    func parse(_ text: String) -> Result<RecordingLoader.Outcome, RecordingError> {
        RecordingLoader.parse(bytes: Array(text.utf8), file: "r.json")
    }

    @Test func readsAValidRecording() throws {
        guard case .success(.recording(let recording)) = parse(Self.minimal) else {
            Issue.record("expected a recording")
            return
        }
        #expect(recording.turns.count == 1)
        #expect(recording.turns[0].random == [1, 0])
        #expect(recording.turns[0].webhook.request.header("Content-Type") == "application/json")
        #expect(recording.turns[0].webhook.response?.body == ["result": "ok"])
        #expect(recording.turns[0].expect?.state == "/Start")
    }

    /// The format's schema takes any number as a draw: a fraction picks the alternative it falls in.
    @Test func fractionalDrawsAreAcceptedAndAnUnreadableTurnTimeIsAnErrorAtItsPath() {
        guard case .success(.recording(let recording)) = parse(Self.minimal.replacingOccurrences(of: "[1, 0]", with: "[1.7, 0.5]")) else {
            Issue.record("expected a recording")
            return
        }
        #expect(recording.turns[0].random == [1, 0])
        guard case .failure(let error) = parse(Self.minimal.replacingOccurrences(of: "2026-11-25T10:00:00.120Z", with: "yesterday")) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.location == "turns[0].at")
        #expect(error.message.hasPrefix("'yesterday' is not a time conform can read"))
    }

    @Test func aMatcherWhoseExpressionDoesNotCompileIsAnErrorAtItsPath() {
        let bad = Self.minimal.replacingOccurrences(of: #""session": {"a": 1}"#, with: #""session": {"a": "{{re:[unclosed}}"}"#)
        guard case .failure(let error) = parse(bad) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.location == "turns[0].expect.session.a")
        #expect(error.message.hasPrefix("{{re:[unclosed}} is not a regular expression conform can read"))
    }

    @Test func aMatcherWrittenWithJSONEscapesIsCheckedToo() {
        let bad = Self.minimal.replacingOccurrences(of: #""session": {"a": 1}"#,
                                                    with: #""session": {"a": "\u007b\u007bre:[unclosed}}"}"#)
        guard case .failure(let error) = parse(bad) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.location == "turns[0].expect.session.a")
        #expect(error.message.hasPrefix("{{re:[unclosed}} is not a regular expression conform can read"))
    }

    @Test func otherJSONIsSkippedNotAnError() {
        guard case .success(.notARecording(let why)) = parse(#"{"name": "package", "version": "1.0"}"#) else {
            Issue.record("expected a skip")
            return
        }
        #expect(why == #"no "format" field, not "conform-recording""#)
    }

    @Test func brokenJSONNamesLineAndColumn() {
        guard case .failure(let error) = parse("{\"format\": \"conform-recording\",\n  \"turns\": [") else {
            Issue.record("expected an error")
            return
        }
        #expect(error.file == "r.json")
        #expect(error.location == "line 2, column 13")
        #expect(error.message.hasPrefix("is not valid JSON"))
    }

    @Test func schemaViolationNamesTheJSONPath() {
        let bad = Self.minimal.replacingOccurrences(of: #""method": "POST""#, with: #""method": 7"#)
        guard case .failure(let error) = parse(bad) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.location == "turns[0].webhook.request.method")
        #expect(error.message == "must be a string, found number")
    }

    @Test func missingRequiredFieldAndWrongVersionAreReported() {
        guard case .failure(let error) = parse(#"{"format": "conform-recording", "version": 2}"#) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.location == "$")
        #expect(error.message == "is missing the required field \"turns\" (and 1 more: version: must be 1, found 2)")
    }

    @Test func schemaShippedIsTheSharedStartingPointOrASuperset() throws {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/design/recording.schema.json")
        if let data = FileManager.default.contents(atPath: shared.path) {
            let missing = Self.notCovered(try JSONParser.parse(bytes: Array(data)), by: try JSONParser.parse(RecordingSchema.text))
            #expect(missing.isEmpty, "conform's schema drops or changes: \(missing)")
        }
        // conform's own additions stay optional: a document the shared schema accepts is still accepted.
        #expect(!(RecordingSchema.schema.validate(["format": "conform-recording", "version": 1, "channel": ["type": "webim", "dialect": "bot-api-2"],
                                                   "recordedAt": "2026-11-25T10:00:00Z", "source": ["tool": "t"], "turns": []])
            .contains { $0.path.contains("history") }))
    }

    /// Paths where `ours` lacks or changes something `shared` has (objects may gain keys).
    static func notCovered(_ shared: JSONValue, by ours: JSONValue, at path: String = "") -> [String] {
        switch (shared, ours) {
        case (.object(let a), .object(let b)):
            return a.flatMap { key, value in
                b[key].map { notCovered(value, by: $0, at: path + "/" + key) } ?? [path + "/" + key]
            }
        default:
            return shared == ours ? [] : [path]
        }
    }

    @Test func writerKeepsDocumentedFieldOrderAndEndsWithNewline() {
        let document = RecordingWriter.document(
            name: "n", channelType: "webim", dialect: "bot-api-2", recordedAt: "2026-11-25T10:00:00.000Z",
            tool: "conform 0.1.0", upstream: nil, bot: "../bots/demo", timezone: "Europe/Moscow", turns: [])
        let text = JSONWriter.pretty(document)
        #expect(document.objectValue.map { Array($0.keys) } == [
            "format", "version", "name", "channel", "recordedAt", "source", "environment", "turns",
        ])
        #expect(text.hasSuffix("]\n}\n"))
        #expect(text.hasPrefix("{\n  \"format\": \"conform-recording\",\n  \"version\": 1,\n"))
    }

    @Test func timesParseWithAndWithoutFractions() {
        #expect(RecordingTime.milliseconds("2026-11-25T10:00:00.120Z") == 1_795_600_800_120)
        #expect(RecordingTime.milliseconds("2026-11-25T10:00:00Z") == 1_795_600_800_000)
        #expect(RecordingTime.milliseconds("yesterday") == nil)
    }
}
