import BotRuntime
import ConformJSON
import Recording

/// Compares one replayed turn with its recording (RECORDING-FORMAT.md, "What replay compares"): the
/// webhook's answer, the API calls, then `expect`. Paths name the turn (`turns[2].calls[0]…`).
struct TurnComparison {
    let comparator: JSONComparator

    func differences(_ turn: Recording.Turn, _ driven: DrivenTurn, index: Int) -> [Difference] {
        let base = "turns[\(index)]"
        var differences: [Difference] = []
        if let expected = turn.webhook.response {
            if expected.status != driven.response.status {
                differences.append(Difference(path: "\(base).webhook.response.status", expected: .number(JSONNumber(expected.status)),
                                              actual: .number(JSONNumber(driven.response.status))))
            }
            differences += comparator.compare(expected: expected.body, actual: driven.response.body,
                                              at: "\(base).webhook.response.body")
        }
        differences += calls(turn.calls, driven.calls, base: base)
        if let expect = turn.expect, let result = driven.turn {
            differences += self.expect(expect, result: result, snapshot: driven.snapshot, base: "\(base).expect")
        } else if turn.expect != nil {
            differences.append(Difference(path: "\(base).expect", expected: turn.expect?.raw, actual: nil,
                                          note: "the bot did not run a turn: \(driven.note ?? "no reason given")"))
        }
        return differences
    }

    private func calls(_ expected: [Exchange], _ actual: [DrivenCall], base: String) -> [Difference] {
        if !expected.isEmpty, expected.allSatisfy(\.isFromHistory) {
            return HistoryComparison(comparator: comparator).differences(expected, actual, base: base)
        }
        var differences: [Difference] = []
        if expected.count != actual.count {
            differences.append(Difference(path: "\(base).calls", expected: .number(JSONNumber(expected.count)),
                                          actual: .number(JSONNumber(actual.count)),
                                          note: "number of API calls: expected \(expected.count), the bot made \(actual.count)"))
        }
        for i in 0..<max(expected.count, actual.count) {
            let path = "\(base).calls[\(i)].request"
            guard i < expected.count else {
                differences.append(Difference(path: path, expected: nil, actual: Self.json(actual[i]), note: "an extra call"))
                continue
            }
            guard i < actual.count else {
                differences.append(Difference(path: path, expected: Self.json(expected[i].request), actual: nil, note: "a missing call"))
                continue
            }
            let e = expected[i].request
            let a = actual[i]
            if e.method.uppercased() != a.method {
                differences.append(Difference(path: "\(path).method", expected: .string(e.method), actual: .string(a.method)))
            }
            if e.path != a.path {
                differences.append(Difference(path: "\(path).path", expected: .string(e.path), actual: .string(a.path)))
            }
            differences += comparator.compare(expected: e.body, actual: a.body, at: "\(path).body")
        }
        return differences
    }

    private func expect(_ expect: Expectation, result: TurnResult, snapshot: ConversationSnapshot?, base: String) -> [Difference] {
        var differences: [Difference] = []
        if let state = expect.state {
            differences += comparator.compare(expected: state, actual: result.state.map(JSONValue.string), at: "\(base).state")
        }
        if let session = expect.session {
            differences += comparator.compare(expected: session, actual: snapshot?.session, at: "\(base).session", subset: true)
        }
        if let client = expect.client {
            differences += comparator.compare(expected: client, actual: snapshot?.client, at: "\(base).client", subset: true)
        }
        if let replies = expect.replies {
            differences += comparator.compare(expected: replies, actual: .array(result.replies), at: "\(base).replies", subset: true)
        }
        return differences
    }

    static func json(_ call: DrivenCall) -> JSONValue {
        ["method": .string(call.method), "path": .string(call.path), "body": call.body]
    }

    static func json(_ request: HTTPRequestRecord) -> JSONValue {
        ["method": .string(request.method), "path": .string(request.path), "body": request.body ?? .null]
    }
}
