import BotRuntime
import BotScript
import ConformJSON
import Foundation
import JSEngine
import Recording
import Reporting

/// Runs XML test cases against a bot: each case on a fresh conversation (`testMode()` true), steps in
/// document order, stopping at the first check that fails.
///
/// ```swift
/// let runner = XMLTestRunner(bot: CompiledBot(project: project), engine: JSEngine())
/// let result = runner.run(file.cases[0], in: file)   // a TestCaseResult for the reports
/// ```
public final class XMLTestRunner {
    public let bot: CompiledBot
    public let engine: JSEngine
    public let options: AutoTestOptions
    /// States entered and triggers won by every request the cases sent, counted as replay counts them.
    public fileprivate(set) var coverage: Coverage

    public init(bot: CompiledBot, engine: JSEngine, options: AutoTestOptions = AutoTestOptions()) {
        self.bot = bot
        self.engine = engine
        self.options = options
        coverage = Coverage(bot: bot)
    }

    public func run(_ testCase: XMLTestCase, in file: XMLTestFile) -> TestCaseResult {
        let started = Date()
        var result = TestCaseResult(classname: file.classname, name: testCase.name, file: file.path, line: testCase.line,
                                    time: 0, outcome: .passed)
        if testCase.integration {
            result.outcome = .skipped(reason: "integration=\"true\": the case calls real services, which conform never does offline")
            return result
        }
        if !testCase.unsupported.isEmpty {
            let lines = testCase.unsupported.map { "\(file.path):\($0.line): \($0.message)" }
            result.outcome = .error(message: lines[0], details: lines.joined(separator: "\n"))
            return result
        }
        let execution: CaseExecution
        do {
            execution = try CaseExecution(runner: self, file: file)
        } catch {
            result.outcome = .error(message: "the bot cannot start: \(error)", details: "\(error)")
            result.time = Date().timeIntervalSince(started)
            return result
        }
        result.outcome = execution.run(testCase.steps)
        result.differences = execution.differences
        result.output = execution.transcript.joined(separator: "\n")
        result.time = Date().timeIntervalSince(started)
        return result
    }
}

/// One test case being run: the conversation, the clock, the request fields set so far, and the last
/// request's replies.
final class CaseExecution {
    let runner: XMLTestRunner
    let file: XMLTestFile
    let conversation: Conversation
    let mocks = XMLTestMocks()
    var clock: Double
    var requestData: JSONValue?
    var rawRequest: JSONValue?
    var cursor: ReplyCursor?
    var requests = 0
    var differences: [ReportedDifference] = []
    var transcript: [String] = []
    var unmockedCalls: [String] = []

    /// Why a case stops early.
    enum Stop: Error {
        case failed(String)
        case error(String)
    }

    init(runner: XMLTestRunner, file: XMLTestFile) throws(RuntimeError) {
        self.runner = runner
        self.file = file
        clock = runner.options.now
        conversation = try Conversation(bot: runner.bot, engine: runner.engine, options: runner.options.runtime,
                                        http: mocks)
    }

    var options: AutoTestOptions { runner.options }

    func where_(_ line: Int) -> String { "\(file.path):\(line)" }

    func run(_ steps: [XMLTestStep]) -> TestCaseResult.Outcome {
        do {
            for step in steps { try perform(step) }
            try checkConsumed(before: nil)
        } catch {
            switch error {
            case .failed(let message):
                let unmocked = unmockedCalls.joined(separator: ", ")
                let suffix = unmockedCalls.isEmpty ? "" : " (no <mockData> answered: \(unmocked))"
                return .failed(message: message + suffix,
                               details: ConsoleReporter.plain(differences) + "\n\n" + transcript.joined(separator: "\n")
                                   + (suffix.isEmpty ? "" : "\n\n$http calls without a mock: \(unmocked)"))
            case .error(let message):
                return .error(message: message, details: message + "\n\n" + transcript.joined(separator: "\n"))
            }
        }
        return .passed
    }

    // MARK: Steps

    func perform(_ step: XMLTestStep) throws(Stop) {
        switch step {
        case .query(let text, let line):
            try send(request(query: text), line: line, label: "q: \(text)")
        case .event(let name, let line):
            try send(request(event: name), line: line, label: "event: \(name)")
        case .request(let json, let line):
            try send(request(from: json), line: line, label: "request: \(JSONWriter.compact(json))")
        case .answer(let expectation):
            try check(expectation)
        case .state(let path, _):
            conversation.setContext(path)
            let known = runner.bot.namesPlace(conversation.contextPath)
            transcript.append("  (context → \(conversation.contextPath)\(known ? "" : ", which is no state of the bot"))")
        case .context(let scope, let value, _):
            switch scope {
            case .session: conversation.merge(session: value)
            case .client: conversation.merge(client: value)
            }
        case .requestData(let value, _):
            requestData = value
        case .rawRequest(let value, _):
            rawRequest = value
        case .responseData(let field, let expected, let line):
            try checkResponse(field: field, expected: expected, line: line)
        case .dateTime(let ms, _, _):
            clock = ms
        case .random(let values, _):
            conversation.randomQueue += values
        case .mock(let mock):
            mocks.add(mock)
        case .newSession(let message, let line):
            try checkNewSession(message: message, line: line)
        case .timeout(let line):
            try fireTimeout(line: line)
        case .timeoutReply(let interval, let target, let line):
            try checkTimeout(interval: interval, target: target, line: line)
        case .mail(let expectation):
            try checkMail(expectation)
        }
    }

    // MARK: Requests

    func request(query: String? = nil, event: String? = nil) -> BotRequest {
        BotRequest(query: query, event: event, data: requestData ?? [:], rawRequest: rawRequest,
                   channelType: options.channelType, channelUserId: options.channelUserId, time: clock)
    }

    /// `<request>`: the fields given replace the ones the runner would send.
    func request(from json: JSONValue) -> BotRequest {
        var r = request(query: json["query"]?.stringValue, event: json["event"]?.stringValue)
        if let data = json["data"] { r.data = data }
        if let raw = json["rawRequest"] { r.rawRequest = raw }
        if let channel = json["channelType"]?.stringValue { r.channelType = channel }
        if let user = json["channelUserId"]?.stringValue { r.channelUserId = user }
        r.botId = json["botId"]?.stringValue
        r.accountId = json["accountId"]?.stringValue
        r.questionId = json["questionId"]?.stringValue
        r.userFrom = json["userFrom"]
        r.intent = json["intent"]?.stringValue
        return r
    }

    func send(_ request: BotRequest, line: Int, label: String) throws(Stop) {
        try checkConsumed(before: line)
        requests += 1
        transcript.append("> \(label)   (line \(line))")
        let turn = conversation.process(request)
        runner.coverage.count(turn, in: runner.bot)
        unmockedCalls += mocks.takeUnmatched()
        transcript.append(turn.statesEntered.isEmpty ? "  (no state handled the request)"
                                                     : "  (states: \(turn.statesEntered.joined(separator: " → ")))")
        for line in turn.log { transcript.append("  log: " + line) }
        for handled in turn.handledErrors { transcript.append("  error handled by " + handled) }
        for reply in turn.replies { transcript.append("< " + Self.describe(reply)) }
        cursor = ReplyCursor(replies: turn.replies, statesEntered: turn.statesEntered, newSession: turn.newSession,
                             requestLine: line, requestNumber: requests)
        lastTurn = turn
        if let error = turn.error {
            throw .error("\(where_(line)): the bot failed on this request: \(error)")
        }
    }

    var lastTurn: TurnResult?

    /// Text replies of the last request that no `<a>` took (see `AutoTestOptions.UnconsumedReplies`).
    func checkConsumed(before line: Int?) throws(Stop) {
        guard options.unconsumedReplies == .fail, let cursor, let first = cursor.remaining.first else { return }
        let text = first.reply["text"]?.stringValue ?? ""
        let count = cursor.remaining.count
        fail(ReportedDifference(turn: cursor.requestNumber, path: "\(where_(cursor.requestLine)) text reply \(cursor.textNumber(ofReply: first.index))",
                                expected: nil, actual: Self.quote(text),
                                note: "\(count) text repl\(count == 1 ? "y" : "ies") of this request \(count == 1 ? "has" : "have") no <a>"
                                    + (line.map { " before the request at line \($0)" } ?? " at the end of the case")))
        throw .failed("\(where_(cursor.requestLine)): the bot said \(Self.quote(text)), which no <a> checks"
                      + (count > 1 ? " (and \(count - 1) more)" : ""))
    }

    func lastRequest(for element: String, line: Int) throws(Stop) -> ReplyCursor {
        guard let cursor else {
            throw .error("\(where_(line)): <\(element)> comes before any request (<q>, <event>, <request>)")
        }
        return cursor
    }

    // MARK: Checks

    func fail(_ difference: ReportedDifference) {
        differences.append(difference)
    }

    func check(_ expected: AnswerExpectation) throws(Stop) {
        var cursor = try lastRequest(for: "a", line: expected.line)
        let path = "\(where_(expected.line)) <a>"
        guard let (index, reply) = cursor.next() else {
            self.cursor = cursor
            let given = cursor.textCount
            fail(ReportedDifference(turn: cursor.requestNumber, path: path,
                                    expected: expected.text.map(Self.quote) ?? expected.state.map { "a reply from \($0)" } ?? "a reply",
                                    actual: nil,
                                    note: "the request at line \(cursor.requestLine) gave \(given) text repl\(given == 1 ? "y" : "ies")"))
            throw .failed("\(where_(expected.line)): <a> expects a reply, but the request at line \(cursor.requestLine) gave no more text replies")
        }
        self.cursor = cursor
        let text = reply["text"]?.stringValue ?? ""
        let state = reply["state"]?.stringValue
        let note = "text reply \(cursor.textNumber(ofReply: index)) of the request at line \(cursor.requestLine)"
        if let want = expected.text, !TextMatch.equal(want, text) {
            fail(ReportedDifference(turn: cursor.requestNumber, path: path, expected: Self.quote(want), actual: Self.quote(text),
                                    note: note))
            throw .failed("\(where_(expected.line)): <a> expected \(Self.quote(TextMatch.normalize(want))), the bot said \(Self.quote(text))")
        }
        if let piece = expected.contains, !TextMatch.contains(text, piece) {
            fail(ReportedDifference(turn: cursor.requestNumber, path: path + " contains", expected: Self.quote(piece),
                                    actual: Self.quote(text), note: note))
            throw .failed("\(where_(expected.line)): <a contains> expected the reply to contain \(Self.quote(piece)), the bot said \(Self.quote(text))")
        }
        if let want = expected.state, !Self.samePath(want, state) {
            fail(ReportedDifference(turn: cursor.requestNumber, path: path + " state", expected: Self.quote(want),
                                    actual: state.map(Self.quote), note: note + (text.isEmpty ? "" : ": \(Self.quote(text))")))
            throw .failed("\(where_(expected.line)): <a state> expected a reply from \(want), it came from \(state ?? "no state") (\(Self.quote(text)))")
        }
        if let want = expected.classState {
            let started = cursor.classState(ofReply: index)
            if !Self.samePath(want, started) {
                fail(ReportedDifference(turn: cursor.requestNumber, path: path + " class", expected: Self.quote(want),
                                        actual: started.map(Self.quote),
                                        note: "the state that started processing the request at line \(cursor.requestLine)"))
                throw .failed("\(where_(expected.line)): <a class> expected processing to start in \(want), it started in \(started ?? "no state")")
            }
        }
    }

    func checkResponse(field: String?, expected: JSONValue, line: Int) throws(Stop) {
        let cursor = try lastRequest(for: "responseData", line: line)
        let response = lastTurn?.response ?? [:]
        let actual = field.map { ResponsePath.value(at: $0, in: response) } ?? response
        let label = field ?? "$response"
        let found = JSONComparator().compare(expected: expected, actual: actual, at: label, subset: true)
        guard let first = found.first else { return }
        for d in found {
            fail(ReportedDifference(turn: cursor.requestNumber, path: "\(where_(line)) <responseData> \(d.path)",
                                    expected: d.expected.map(JSONWriter.compact), actual: d.actual.map(JSONWriter.compact),
                                    note: d.note))
        }
        let has = first.actual.map(JSONWriter.compact) ?? Self.nearestPresent(first.path, in: response)
        throw .failed("\(where_(line)): <responseData> \(first.path) expected \(first.expected.map(JSONWriter.compact) ?? "nothing"), the response has \(has)")
    }

    /// For a path the response lacks, what it has at the nearest level up ("nothing there; replies[1]
    /// is {…}"): a test pointing at the wrong reply is then plain to see.
    static func nearestPresent(_ path: String, in response: JSONValue) -> String {
        var prefix = path
        while let cut = prefix.lastIndex(where: { $0 == "." || $0 == "[" }) {
            prefix = String(prefix[..<cut])
            if let value = ResponsePath.value(at: prefix, in: response) {
                let text = JSONWriter.compact(value)
                return "nothing there; \(prefix) is " + (text.count > 120 ? String(text.prefix(117)) + "…" : text)
            }
        }
        return "nothing there"
    }

    func checkTimeout(interval: Double?, target: String?, line: Int) throws(Stop) {
        let cursor = try lastRequest(for: "timeoutReply", line: line)
        let path = "\(where_(line)) <timeoutReply>"
        guard let timeout = cursor.timeout else {
            fail(ReportedDifference(turn: cursor.requestNumber, path: path, expected: "a timeout reply", actual: nil,
                                    note: "the request at line \(cursor.requestLine) set no timeout"))
            throw .failed("\(where_(line)): <timeoutReply> expects a timeout, the request at line \(cursor.requestLine) set none")
        }
        if let interval, timeout["interval"]?.doubleValue != interval {
            let actual = timeout["interval"].map(JSONWriter.compact)
            fail(ReportedDifference(turn: cursor.requestNumber, path: path + " interval", expected: JSONWriter.compact(.number(JSONNumber(interval))),
                                    actual: actual, note: "seconds"))
            throw .failed("\(where_(line)): <timeoutReply> expected an interval of \(JSONNumber(interval)) s, the bot set \(actual ?? "none")")
        }
        if let target, !Self.samePath(target, timeout["targetState"]?.stringValue) {
            let actual = timeout["targetState"]?.stringValue
            fail(ReportedDifference(turn: cursor.requestNumber, path: path + " targetState", expected: Self.quote(target),
                                    actual: actual.map(Self.quote)))
            throw .failed("\(where_(line)): <timeoutReply> expected the timeout to go to \(target), it goes to \(actual ?? "no state")")
        }
    }

    /// `<timeout/>`: the user stays silent until the last request's timeout fires; the clock moves on by
    /// its interval and its `targetState` is entered (as a request of its own: `preMatch`, `preProcess`,
    /// the state, `postProcess`), its replies checked by the `<a>` steps that follow.
    func fireTimeout(line: Int) throws(Stop) {
        let cursor = try lastRequest(for: "timeout", line: line)
        guard let timeout = cursor.timeout, let target = timeout["targetState"]?.stringValue else {
            fail(ReportedDifference(turn: cursor.requestNumber, path: "\(where_(line)) <timeout>", expected: "a pending timeout",
                                    actual: nil, note: "the request at line \(cursor.requestLine) set no timeout"))
            throw .failed("\(where_(line)): <timeout/> but the request at line \(cursor.requestLine) set no timeout")
        }
        clock += (timeout["interval"]?.doubleValue ?? 0) * 1000
        var request = request(event: "timeout")
        request.targetState = target
        try send(request, line: line, label: "timeout → \(target)")
    }

    func checkNewSession(message: String?, line: Int) throws(Stop) {
        let cursor = try lastRequest(for: "newSession", line: line)
        let path = "\(where_(line)) <newSession>"
        guard let started = cursor.newSession else {
            fail(ReportedDifference(turn: cursor.requestNumber, path: path, expected: "$reactions.newSession(…)", actual: nil,
                                    note: "the request at line \(cursor.requestLine) started no new session"))
            throw .failed("\(where_(line)): <newSession> expects a new session, the request at line \(cursor.requestLine) started none")
        }
        let actual = started.arguments["message"]?.stringValue
        if let message, !TextMatch.equal(message, actual ?? "") {
            fail(ReportedDifference(turn: cursor.requestNumber, path: path + " message", expected: Self.quote(message),
                                    actual: actual.map(Self.quote)))
            throw .failed("\(where_(line)): <newSession> expected the message \(Self.quote(message)), the bot gave \(actual.map(Self.quote) ?? "none")")
        }
    }

    func checkMail(_ expected: MailExpectation) throws(Stop) {
        let cursor = try lastRequest(for: "mail", line: expected.line)
        let path = "\(where_(expected.line)) <mail>"
        guard let call = lastTurn?.serviceCalls.first(where: { $0.name.hasPrefix("$mail.") }) else {
            fail(ReportedDifference(turn: cursor.requestNumber, path: path, expected: "a $mail call", actual: nil,
                                    note: "the request at line \(cursor.requestLine) sent no mail"))
            throw .failed("\(where_(expected.line)): <mail> expects mail, the request at line \(cursor.requestLine) sent none")
        }
        let argument = call.arguments[0] ?? [:]
        for (field, want) in expected.fields.sorted(by: { $0.key < $1.key }) {
            let value = argument[field]
            let text = value.map { $0.stringValue ?? JSONWriter.compact($0) }
            if !TextMatch.equal(want, text ?? "") {
                fail(ReportedDifference(turn: cursor.requestNumber, path: "\(path) \(field)", expected: Self.quote(want),
                                        actual: text.map(Self.quote)))
                throw .failed("\(where_(expected.line)): <mail> expected \(field) \(Self.quote(want)), the bot sent \(text.map(Self.quote) ?? "none")")
            }
        }
    }

    // MARK: Helpers

    /// Paths compare after resolving against `/` (tests write `Start/Hello` or `/Start/Hello`).
    static func samePath(_ expected: String, _ actual: String?) -> Bool {
        guard let actual else { return false }
        return (StatePath.resolve(expected, from: "/") ?? expected) == (StatePath.resolve(actual, from: "/") ?? actual)
    }

    static func quote(_ text: String) -> String {
        var out = ""
        JSONWriter.writeString(text, into: &out)
        return out
    }

    static func describe(_ reply: JSONValue) -> String {
        let state = reply["state"]?.stringValue.map { "  [\($0)]" } ?? ""
        switch reply["type"]?.stringValue {
        case "text": return quote(reply["text"]?.stringValue ?? "") + state
        case "buttons", "inlineButtons":
            let labels = reply["buttons"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
            return "(\(reply["type"]?.stringValue ?? "buttons"): \(labels.map(quote).joined(separator: ", ")))" + state
        case "timeout":
            return "(timeout \(reply["interval"].map(JSONWriter.compact) ?? "?") s → \(reply["targetState"]?.stringValue ?? "?"))"
        default:
            return "(\(JSONWriter.compact(reply)))"
        }
    }
}

/// `<responseData field="replies[1].buttons">`: a path into `$response`.
enum ResponsePath {
    static func value(at path: String, in root: JSONValue) -> JSONValue? {
        if path.hasPrefix("$response") { return value(at: String(path.dropFirst("$response".count)), in: root) }
        var current: JSONValue? = root
        var i = path.startIndex
        var key = ""
        func step() {
            if !key.isEmpty { current = current?[key] }
            key = ""
        }
        while i < path.endIndex {
            let c = path[i]
            if c == "." {
                step()
            } else if c == "[" {
                step()
                guard let close = path[i...].firstIndex(of: "]") else { return nil }
                let inner = path[path.index(after: i)..<close].trimmingCharacters(in: .whitespaces)
                if let n = Int(inner) {
                    current = current?[n]
                } else {
                    current = current?[inner.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))]
                }
                i = close
            } else {
                key.append(c)
            }
            i = path.index(after: i)
        }
        step()
        return current
    }
}
