import BotRuntime
import ConformJSON
import WebimProtocol

/// What a turn asks Webim for, before any dialect shapes it: the messages, in reply order, then the
/// chat controls — `switch` replies in reply order, then `$response.actions` in order.
///
/// Controls come after every message because a redirected or closed chat no longer belongs to the
/// bot: a message sent after `redirect_chat` would be refused, and JAICP's own transfer reply
/// (`$reactions.transferToOperator` followed by `a: Connecting you…`) means "say this, then transfer".
public struct WebimOutboundPlan: Sendable, Equatable {
    public struct Message: Sendable, Equatable {
        public var message: WebimOutboundMessage
        /// `replies[i]`
        public var source: String

        public init(message: WebimOutboundMessage, source: String) {
            self.message = message
            self.source = source
        }
    }

    public struct Control: Sendable, Equatable {
        public var control: ChatControl
        /// `replies[i]` or `actions[i]`
        public var source: String

        public init(control: ChatControl, source: String) {
            self.control = control
            self.source = source
        }
    }

    public var messages: [Message] = []
    public var controls: [Control] = []
    public var skipped: [SkippedOutput] = []

    public init(turn: TurnResult) {
        self.init(replies: turn.replies, response: turn.response)
    }

    /// `replies` = `$response.replies`, `response` = `$response` (its `actions`).
    public init(replies: [JSONValue], response: JSONValue) {
        for (index, reply) in replies.enumerated() {
            let source = "replies[\(index)]"
            switch ReplyMapping.map(reply) {
            case .messages(let messages):
                self.messages += messages.map { Message(message: $0, source: source) }
            case .control(let control):
                controls.append(Control(control: control, source: source))
            case .skipped(let reason):
                skipped.append(SkippedOutput(source: source, type: reply["type"]?.stringValue ?? reply.typeName, reason: reason))
            }
        }
        let actions = ResponseActions.map(response)
        controls += actions.controls
        skipped += actions.skipped
    }
}
