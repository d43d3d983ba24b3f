import BotRuntime
import ConformJSON
import OrderedCollections

extension WebimChannel {
    /// What a strict recording expects of a turn that just ran (RECORDING-FORMAT.md `expect`): the
    /// state, the whole `$session` and `$client` after it, and the replies. Read before a closed
    /// chat's conversation is released. Nil when no turn ran.
    public func expectation(for outcome: WebhookOutcome) -> JSONValue? {
        guard let turn = outcome.turn else { return nil }
        let snapshot = outcome.chatID.flatMap { conversation(for: $0) }?.snapshot()
        var expect = OrderedDictionary<String, JSONValue>()
        if let state = turn.state { expect["state"] = .string(state) }
        expect["session"] = snapshot?.session ?? [:]
        expect["client"] = snapshot?.client ?? [:]
        expect["replies"] = .array(turn.replies)
        return .object(expect)
    }
}
