import BotScript
import ConformJSON
import Foundation
import XMLSupport

/// Reads a JAICP `test/*.xml` file into test cases (JAICP reference §8). Never throws: a file that is
/// not a test document becomes a file problem, and an element conform cannot run makes only its case
/// an error, naming the element and its line.
///
/// ```swift
/// let file = XMLTestReader().read(text, path: "test/main.xml")
/// file.cases.first?.steps   // [.query("/start", line: 3), .answer(…)]
/// ```
public struct XMLTestReader: Sendable {
    /// The zone `<dateTime>` values are read in.
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = TestClock.defaultZone) {
        self.timeZone = timeZone
    }

    public func read(_ text: String, path: String) -> XMLTestFile {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return XMLTestFile(path: path, cases: [])  // an empty file holds no tests (several public bots ship one)
        }
        let root: XMLElement
        do {
            root = try XMLReader.parse(text, name: path)
        } catch {
            let line: Int
            if case .malformed(_, let l, _) = error { line = l } else { line = 1 }
            return XMLTestFile(path: path, cases: [], problem: XMLTestProblem("not well-formed XML: \(error)", line: line))
        }
        guard root.name == "test" else {
            return XMLTestFile(path: path, cases: [],
                               problem: XMLTestProblem("the root element is <\(root.name)>, expected <test>", line: root.line))
        }
        let fileIntegration = Self.flag(root[attribute: "integration"]) ?? false
        var cases: [XMLTestCase] = []
        // `<mockData>` between test cases answers the calls of every case after it.
        var sharedSteps: [XMLTestStep] = []
        var sharedProblems: [XMLTestProblem] = []
        var stray: [XMLTestProblem] = []
        for element in root.elements {
            switch element.name {
            case "test-case":
                var testCase = readCase(element, index: cases.count + 1, fileIntegration: fileIntegration)
                testCase.steps = sharedSteps + testCase.steps
                testCase.unsupported = sharedProblems + testCase.unsupported
                cases.append(testCase)
            case "mockData":
                var problems: [XMLTestProblem] = []
                if let mock = readMock(element, problems: &problems) { sharedSteps.append(.mock(mock)) }
                sharedProblems += problems
            default:
                let known = Self.stepElements.contains(element.name)
                stray.append(XMLTestProblem(known ? "<\(element.name)> belongs inside a <test-case>; it is not run here"
                                                  : Self.unknown(element.name, among: ["test-case", "mockData"]),
                                            line: element.line))
            }
        }
        return XMLTestFile(path: path, cases: cases, strayElements: Self.grouped(stray))
    }

    func readCase(_ element: XMLElement, index: Int, fileIntegration: Bool) -> XMLTestCase {
        var steps: [XMLTestStep] = []
        var problems: [XMLTestProblem] = []
        for child in element.elements { steps += readSteps(child, problems: &problems) }
        return XMLTestCase(id: element[attribute: "id"], index: index, line: element.line,
                           integration: Self.flag(element[attribute: "integration"]) ?? fileIntegration,
                           steps: steps, unsupported: problems)
    }

    /// One element's steps: one, none (a problem), or — for a `<state>` that wraps further steps, as a
    /// public bot's tests write it — the state followed by the steps inside it.
    func readSteps(_ element: XMLElement, problems: inout [XMLTestProblem]) -> [XMLTestStep] {
        guard element.name == "state", !element.elements.isEmpty else {
            return readStep(element, problems: &problems).map { [$0] } ?? []
        }
        let path = element.children.compactMap { node -> String? in
            if case .text(let text) = node { return text }
            return nil
        }.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty else {
            problems.append(XMLTestProblem("<state> needs a state path", line: element.line))
            return []
        }
        var steps: [XMLTestStep] = [.state(path, line: element.line)]
        for child in element.elements { steps += readSteps(child, problems: &problems) }
        return steps
    }

    func readStep(_ element: XMLElement, problems: inout [XMLTestProblem]) -> XMLTestStep? {
        let line = element.line
        let body = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        func json(_ what: String) -> JSONValue? {
            if body.isEmpty { return [:] }
            do {
                return try RelaxedJSON.parse(body)
            } catch {
                problems.append(XMLTestProblem("<\(what)> does not hold JSON: \(error)", line: line))
                return nil
            }
        }
        switch element.name {
        case "q":
            return .query(body, line: line)
        case "event":
            guard !body.isEmpty else {
                problems.append(XMLTestProblem("<event> needs an event name", line: line))
                return nil
            }
            return .event(body, line: line)
        case "request":
            guard let value = json("request") else { return nil }
            guard case .object = value else {
                problems.append(XMLTestProblem("<request> must hold a JSON object (query, event, data, …)", line: line))
                return nil
            }
            return .request(value, line: line)
        case "a":
            // A misspelt attribute would leave the reply unchecked and the case passing.
            for attribute in element.attributes where !Self.answerAttributes.contains(attribute.name) {
                let guess = NearestName.to(attribute.name, among: Self.answerAttributes)
                problems.append(XMLTestProblem("<a> has no attribute \(attribute.name)=" + (guess.map { " (did you mean \($0)=?)" } ?? "")
                                               + "; it takes state=, class= and contains=", line: line))
            }
            return .answer(AnswerExpectation(text: body.isEmpty ? nil : body, state: element[attribute: "state"],
                                             classState: element[attribute: "class"],
                                             contains: element[attribute: "contains"], line: line))
        case "state":
            guard !body.isEmpty else {
                problems.append(XMLTestProblem("<state> needs a state path", line: line))
                return nil
            }
            return .state(body, line: line)
        case "context":
            guard let scope = ContextScope(rawValue: element[attribute: "var"] ?? "") else {
                problems.append(XMLTestProblem("<context> needs var=\"session\" or var=\"client\", found \(element[attribute: "var"].map { "\"\($0)\"" } ?? "none")", line: line))
                return nil
            }
            guard let value = json("context") else { return nil }
            guard case .object = value else {
                problems.append(XMLTestProblem("<context var=\"\(scope.rawValue)\"> must hold a JSON object", line: line))
                return nil
            }
            return .context(scope, value, line: line)
        case "requestData":
            guard let value = json("requestData") else { return nil }
            return .requestData(value, line: line)
        case "rawRequest":
            guard let value = json("rawRequest") else { return nil }
            return .rawRequest(value, line: line)
        case "responseData":
            guard let value = json("responseData") else { return nil }
            return .responseData(field: element[attribute: "field"], expected: value, line: line)
        case "dateTime":
            guard let ms = TestClock.parse(body, zone: timeZone) else {
                problems.append(XMLTestProblem("<dateTime> \"\(body)\" is not a date and time like 2018-01-29 10:15:00", line: line))
                return nil
            }
            return .dateTime(ms: ms, text: body, line: line)
        case "random":
            let parts = body.split(whereSeparator: { $0 == "," || $0.isWhitespace })
            let values = parts.compactMap { Int($0) }
            guard values.count == parts.count, !values.isEmpty else {
                problems.append(XMLTestProblem("<random> needs whole numbers separated by commas, found \"\(body)\"", line: line))
                return nil
            }
            return .random(values, line: line)
        case "mockData":
            return readMock(element, problems: &problems).map(XMLTestStep.mock)
        case "newSession":
            return .newSession(message: element[attribute: "message"], line: line)
        case "timeout":
            return .timeout(line: line)
        case "timeoutReply":
            var interval: Double?
            if let text = element[attribute: "interval"] {
                guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)) else {
                    problems.append(XMLTestProblem("<timeoutReply> interval \"\(text)\" is not a number of seconds", line: line))
                    return nil
                }
                interval = seconds
            }
            return .timeoutReply(interval: interval, targetState: element[attribute: "targetState"], line: line)
        case "mail":
            var fields: [String: String] = [:]
            for attribute in element.attributes { fields[attribute.name] = attribute.value }
            for child in element.elements { fields[child.name] = child.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            return .mail(MailExpectation(fields: fields, line: line))
        case "mockService":
            problems.append(XMLTestProblem("<mockService> (mocks of JAICP integrations) is not supported by conform", line: line))
            return nil
        default:
            // `<parameters>` is JAICP's, its meaning unknown here; a name JAICP does not have is likely a typo.
            problems.append(XMLTestProblem(Self.stepElements.contains(element.name) ? "<\(element.name)> is not supported by conform"
                                                                                    : Self.unknown(element.name, among: Self.stepElements),
                                           line: line))
            return nil
        }
    }

    /// The same stray element again and again (a file in another tool's format, all `<dialog>`s) is
    /// one problem at its first line, with the others' lines, not one per element.
    static func grouped(_ problems: [XMLTestProblem]) -> [XMLTestProblem] {
        var order: [String] = []
        var lines: [String: [Int]] = [:]
        for problem in problems {
            if lines[problem.message] == nil { order.append(problem.message) }
            lines[problem.message, default: []].append(problem.line)
        }
        return order.map { message in
            let at = lines[message]!
            guard at.count > 1 else { return XMLTestProblem(message, line: at[0]) }
            let listed = at.prefix(6).map(String.init).joined(separator: ", ") + (at.count > 6 ? ", …" : "")
            return XMLTestProblem("\(message) (\(at.count) times, lines \(listed))", line: at[0])
        }
    }

    /// What `<a>` may carry.
    static let answerAttributes = ["state", "class", "contains"]

    /// The elements a `<test-case>` may hold in JAICP's XML tests.
    static let stepElements: Set<String> = [
        "q", "a", "event", "request", "state", "context", "requestData", "rawRequest", "responseData", "dateTime",
        "random", "mockData", "mockService", "newSession", "timeout", "timeoutReply", "mail", "parameters",
    ]

    /// What to say of an element conform does not know: a typo of a known one is named as such.
    static func unknown(_ name: String, among known: some Collection<String>, within parent: String? = nil) -> String {
        // Names of one or two letters (`<qq>`, `<p>`) are too short to guess from.
        let guess = name.count > 2 ? NearestName.to(name, among: known) : nil
        let hint = guess.map { " (did you mean <\($0)>?)" } ?? ""
        return "<\(name)> is not an element of JAICP's XML tests" + (parent.map { " inside <\($0)>" } ?? "") + hint
    }

    /// `<mockData>`: `<query method="post">URL</query>`, optional `<parameters>` (values for the URL's
    /// `${name}` placeholders), optional `<body>`, `<response type="json|text" status="200">`.
    func readMock(_ element: XMLElement, problems: inout [XMLTestProblem]) -> HTTPMockData? {
        let line = element.line
        var method = "GET"
        var url: String?
        var parameters: [(String, String)] = []
        var body: JSONValue?
        var status = 200
        var response: JSONValue?
        for child in element.elements {
            let text = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch child.name {
            case "query":
                method = (child[attribute: "method"] ?? "GET").uppercased()
                url = text
            case "parameters":
                parameters = child.elements.map { ($0.name, $0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            case "body":
                body = text.isEmpty ? nil : ((try? RelaxedJSON.parse(text)) ?? .string(text))
            case "response":
                if let code = child[attribute: "status"] {
                    guard let number = Int(code.trimmingCharacters(in: .whitespaces)) else {
                        problems.append(XMLTestProblem("<response> status \"\(code)\" is not a number", line: child.line))
                        return nil
                    }
                    status = number
                }
                switch child[attribute: "type"]?.lowercased() {
                case "json":
                    guard !text.isEmpty else { response = nil; break }
                    do {
                        response = try RelaxedJSON.parse(text)
                    } catch {
                        problems.append(XMLTestProblem("<response type=\"json\"> does not hold JSON: \(error)", line: child.line))
                        return nil
                    }
                case "text", "xml":
                    response = .string(text)
                default:
                    response = text.isEmpty ? nil : ((try? RelaxedJSON.parse(text)) ?? .string(text))
                }
            default:
                problems.append(XMLTestProblem(Self.unknown(child.name, among: ["query", "parameters", "body", "response"], within: "mockData"),
                                               line: child.line))
                return nil
            }
        }
        guard var url, !url.isEmpty else {
            problems.append(XMLTestProblem("<mockData> needs a <query> with the URL", line: line))
            return nil
        }
        for (name, value) in parameters { url = url.replacingOccurrences(of: "${\(name)}", with: value) }
        return HTTPMockData(method: method, url: url, body: body, status: status, response: response, line: line)
    }

    static func flag(_ text: String?) -> Bool? {
        guard let text = text?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        return text == "true" ? true : (text == "false" ? false : nil)
    }
}
