import ConformJSON

/// One `test/*.xml` file of a JAICP project, read: its test cases in order, or why it could not be read.
public struct XMLTestFile: Sendable {
    /// Relative to the project folder (`test/main.xml`).
    public var path: String
    public var cases: [XMLTestCase]
    /// The whole file is unusable (not XML, not a `<test>` document); it then has no cases.
    public var problem: XMLTestProblem?
    /// Elements between the cases that are none (a misspelt `<text-case>`): each is reported on its
    /// own line, and the cases around it still run.
    public var strayElements: [XMLTestProblem]

    public init(path: String, cases: [XMLTestCase], problem: XMLTestProblem? = nil, strayElements: [XMLTestProblem] = []) {
        self.path = path
        self.cases = cases
        self.problem = problem
        self.strayElements = strayElements
    }

    /// `test/orders/track.xml` → `orders.track`: the JUnit classname of its cases.
    public var classname: String {
        var name = path
        if name.hasPrefix("test/") { name.removeFirst(5) }
        if name.lowercased().hasSuffix(".xml") { name.removeLast(4) }
        let dotted = name.split(separator: "/").joined(separator: ".")
        return dotted.isEmpty ? "test" : dotted
    }
}

/// A problem in a test file, with the line it is on.
public struct XMLTestProblem: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int

    public init(_ message: String, line: Int) {
        self.message = message
        self.line = line
    }

    public var description: String { "line \(line): \(message)" }
}

/// One `<test-case>`: a dialog run on a fresh session, step by step.
public struct XMLTestCase: Sendable {
    public var id: String?
    /// 1-based position in its file.
    public var index: Int
    public var line: Int
    /// `integration="true"` on the case, or on the file when the case does not say: it needs real
    /// HTTP, which conform never makes, so it is skipped.
    public var integration: Bool
    public var steps: [XMLTestStep]
    /// Elements this case uses that conform cannot run: the case is reported as an error naming them.
    public var unsupported: [XMLTestProblem]

    public init(id: String?, index: Int, line: Int, integration: Bool = false, steps: [XMLTestStep],
                unsupported: [XMLTestProblem] = []) {
        self.id = id
        self.index = index
        self.line = line
        self.integration = integration
        self.steps = steps
        self.unsupported = unsupported
    }

    /// The JUnit name: the `id`, or `case-N` for cases without one.
    public var name: String {
        guard let id, !id.isEmpty else { return "case-\(index)" }
        return id
    }
}

/// One step of a test case, in document order.
public enum XMLTestStep: Sendable, Equatable {
    /// `<q>`: a user message.
    case query(String, line: Int)
    /// `<event>`: an event request.
    case event(String, line: Int)
    /// `<request>`: a whole request object (`query`, `event`, `data`, `channelType`, …).
    case request(JSONValue, line: Int)
    /// `<a>`: checks the next text reply of the last request.
    case answer(AnswerExpectation)
    /// `<state>`: moves the dialog context.
    case state(String, line: Int)
    /// `<context var="session|client">`: sets variables.
    case context(ContextScope, JSONValue, line: Int)
    /// `<requestData>`: `$request.data` for the requests that follow.
    case requestData(JSONValue, line: Int)
    /// `<rawRequest>`: `$request.rawRequest` for the requests that follow.
    case rawRequest(JSONValue, line: Int)
    /// `<responseData field="…">`: the fields written must be in the last request's `$response`.
    case responseData(field: String?, expected: JSONValue, line: Int)
    /// `<dateTime>`: the clock for the requests that follow, in epoch milliseconds.
    case dateTime(ms: Double, text: String, line: Int)
    /// `<random>`: values the next random draws return.
    case random([Int], line: Int)
    /// `<mockData>`: an answer to `$http` calls from here on.
    case mock(HTTPMockData)
    /// `<newSession message="…"/>`: the last request called `$reactions.newSession`.
    case newSession(message: String?, line: Int)
    /// `<timeout/>`: the user stays silent; the last request's timeout fires.
    case timeout(line: Int)
    /// `<timeoutReply interval="…" targetState="…"/>`: the last request set a timeout.
    case timeoutReply(interval: Double?, targetState: String?, line: Int)
    /// `<mail>`: the last request sent mail (`$mail.send`) with these fields.
    case mail(MailExpectation)

    public var line: Int {
        switch self {
        case .query(_, let line), .event(_, let line), .request(_, let line), .state(_, let line),
             .context(_, _, let line), .requestData(_, let line), .rawRequest(_, let line),
             .responseData(_, _, let line), .dateTime(_, _, let line), .random(_, let line),
             .newSession(_, let line), .timeout(let line), .timeoutReply(_, _, let line):
            return line
        case .answer(let a): return a.line
        case .mock(let m): return m.line
        case .mail(let m): return m.line
        }
    }

    /// The element name as written.
    public var element: String {
        switch self {
        case .query: "q"
        case .event: "event"
        case .request: "request"
        case .answer: "a"
        case .state: "state"
        case .context: "context"
        case .requestData: "requestData"
        case .rawRequest: "rawRequest"
        case .responseData: "responseData"
        case .dateTime: "dateTime"
        case .random: "random"
        case .mock: "mockData"
        case .newSession: "newSession"
        case .timeout: "timeout"
        case .timeoutReply: "timeoutReply"
        case .mail: "mail"
        }
    }
}

public enum ContextScope: String, Sendable, Equatable {
    case session, client
}

/// `<a>`: what the next text reply must be. Every part is optional; `<a/>` only needs a reply to exist.
public struct AnswerExpectation: Sendable, Equatable {
    /// Compared ignoring differences in spaces and line breaks.
    public var text: String?
    /// The state the reply was produced in.
    public var state: String?
    /// The state that started processing the request (the classified target, before `go!`).
    public var classState: String?
    /// A piece the reply's text must contain (spaces compared the same way).
    public var contains: String?
    public var line: Int

    public init(text: String? = nil, state: String? = nil, classState: String? = nil, contains: String? = nil, line: Int) {
        self.text = text
        self.state = state
        self.classState = classState
        self.contains = contains
        self.line = line
    }
}

/// `<mockData>`: the answer to a `$http` call with this method and URL (and body, when given).
public struct HTTPMockData: Sendable, Equatable {
    public var method: String
    /// With `<parameters>` substituted for `${name}` placeholders.
    public var url: String
    /// When set, the call's body must equal it (as JSON when both are JSON, else as trimmed text).
    public var body: JSONValue?
    public var status: Int
    public var response: JSONValue?
    public var line: Int

    public init(method: String, url: String, body: JSONValue? = nil, status: Int = 200, response: JSONValue?, line: Int) {
        self.method = method
        self.url = url
        self.body = body
        self.status = status
        self.response = response
        self.line = line
    }
}

/// `<mail>`: a `$mail` call must have happened; each attribute or child element names a field of its
/// argument that must have this text.
public struct MailExpectation: Sendable, Equatable {
    public var fields: [String: String]
    public var line: Int

    public init(fields: [String: String], line: Int) {
        self.fields = fields
        self.line = line
    }
}
