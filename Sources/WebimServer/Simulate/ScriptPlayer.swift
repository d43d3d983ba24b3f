import ConformJSON
import Foundation
import WebimProtocol

/// How the simulator waits for a bot.
public struct SimulationTiming: Sendable {
    /// The longest wait for the bot's first reply to a step (and for the webhook's answer).
    public var timeout: Duration
    /// bot-api-2: the replies to a step are complete once no call arrived for this long.
    public var quietPeriod: Duration
    /// `wait:` steps pause for their seconds times this (0: no pauses).
    public var waitScale: Double

    public init(timeout: Duration = .seconds(10), quietPeriod: Duration = .milliseconds(500), waitScale: Double = 1) {
        self.timeout = timeout
        self.quietPeriod = quietPeriod
        self.waitScale = waitScale
    }
}

/// How one script went: the transcript, and the failure that stopped it, if any.
public struct ScriptResult: Sendable {
    public var name: String
    public var chatID: WebimID
    public var dialect: WebimDialect
    public var lines: [String]
    /// Why the script stopped early (`steps[1] click: the bot offered no button …`); nil when it completed.
    public var failure: String?
    /// Steps played (a failed step counts).
    public var steps: Int
    /// Steps in the script.
    public var totalSteps: Int
    /// Per visitor step: from sending the webhook to the bot's last reply.
    public var roundTrips: [Duration]
    public var elapsed: Duration

    public var completed: Bool { failure == nil }

    /// `── name · chat 101 · bot-api-2`
    public var header: String { "── \(name) · chat \(chatID.text) · \(dialect)" }

    /// `✓ 3 steps in 1.6 s · round trip 4.1 ms median, 9.8 ms max`, or `✗ failed at step 2 of 3 after 0.4 s`
    /// (the transcript's last line says why).
    public var summary: String {
        guard completed else { return "✗ failed at step \(steps) of \(totalSteps) after \(seconds(elapsed))" }
        var text = "✓ \(steps) step\(steps == 1 ? "" : "s") in \(seconds(elapsed))"
        let sorted = roundTrips.sorted()
        if !sorted.isEmpty {
            text += " · round trip \(seconds(sorted[sorted.count / 2])) median, \(seconds(sorted.last!)) max"
        }
        return text
    }
}

/// Plays one conversation script as Webim would: each step becomes the webhook Webim sends
/// (`WebhookBuilder`), posted to the bot; then the bot's replies are collected — the webhook's
/// answer in bot-api-1, the calls the simulated API received for the chat in bot-api-2 (until
/// none came for the quiet period, or the timeout).
struct ScriptPlayer {
    var script: ConversationScript
    var name: String
    var webhook: String
    var timing: SimulationTiming
    var client: JSONHTTPClient
    var inbox: CallInbox
    /// Where the simulated bot API listens, for hints.
    var apiURL: String?
    /// Each transcript line as it happens.
    var onLine: @Sendable (String) -> Void

    func play() async -> ScriptResult {
        let started = ContinuousClock.now
        inbox.open(script.chatID)
        defer { inbox.close(script.chatID) }
        var builder = WebhookBuilder(dialect: script.dialect, chatID: script.chatID, visitorID: script.visitorID,
                                     visitorFields: script.visitorFields, location: script.location)
        var chat = SimulatedChat()
        var shown = 0
        var roundTrips: [Duration] = []
        func show() {
            for line in chat.lines[shown...] { onLine(line) }
            shown = chat.lines.count
        }
        func result(_ steps: Int, failure: String? = nil) -> ScriptResult {
            if let failure { chat.note("✗ \(failure)") }
            show()
            return ScriptResult(name: name, chatID: script.chatID, dialect: script.dialect, lines: chat.lines, failure: failure,
                                steps: steps, totalSteps: script.steps.count, roundTrips: roundTrips,
                                elapsed: ContinuousClock.now - started)
        }

        for (index, step) in script.steps.enumerated() {
            let label = "steps[\(index)] \(Self.kind(step))"
            let body: JSONValue
            switch step {
            case .wait(let seconds):
                chat.visitor(step)
                show()
                if timing.waitScale > 0 { try? await Task.sleep(for: .seconds(seconds * timing.waitScale)) }
                continue
            case .open: body = builder.newChat()
            case .prechat(let texts): body = builder.newChat(messages: texts)
            case .say(let text): body = builder.text(text)
            case .file(let file): body = builder.file(file)
            case .click(let text):
                // bot-api-2: a keyboard sent after the previous step's quiet period (a slow bot, a
                // stalled disk or network) is still the one the visitor clicks; wait for it up to the timeout.
                if script.dialect != .botAPI1, chat.button(text) == nil {
                    let refused = await takeCalls(until: { $0.button(text) != nil }, in: &chat)
                    if refused > 0 {
                        return result(index + 1, failure: "\(label): the simulated Webim API refused \(refused) of the bot's calls")
                    }
                }
                guard let button = chat.button(text) else {
                    let offered = chat.keyboard.joined().map(\.text)
                    return result(index + 1, failure: "\(label): the bot offered no button \"\(text)\""
                        + (offered.isEmpty ? " (it showed no keyboard)" : " (it offered: \(offered.joined(separator: ", ")))"))
                }
                body = builder.click(buttonID: button.id, text: button.text, keyboardMessageID: chat.keyboardMessageID)
            }
            // Calls that came after the previous step's quiet period belong to it: shown before this step.
            var refused = 0
            for call in inbox.take(script.chatID) { refused += Self.show(call, in: &chat) }
            chat.visitor(step)
            show()

            let sent = ContinuousClock.now
            let answer: JSONHTTPClient.Answer
            do {
                answer = try await client.post(webhook, headers: builder.headers, body: body, timeout: timing.timeout)
            } catch {
                return result(index + 1, failure: "\(label): \(error)")
            }
            guard answer.isSuccess else {
                return result(index + 1, failure: "\(label): the webhook answered HTTP \(answer.status) \(answer.text)")
            }

            if script.dialect == .botAPI1 {
                let reply: WebimSyncReply
                do {
                    reply = try WebimSyncReply.decode(answer.json ?? .string(answer.text))
                } catch {
                    return result(index + 1, failure: "\(label): the webhook's answer is not a bot-api-1 reply (\(error)): \(answer.text)")
                }
                chat.bot(reply)
                roundTrips.append(answer.elapsed)
                // bot-api-1 bots answer in the response; any calls are shown all the same.
                for call in inbox.take(script.chatID) { refused += Self.show(call, in: &chat) }
            } else {
                let calls = await collect(since: sent)
                for call in calls { refused += Self.show(call, in: &chat) }
                guard let last = calls.last else {
                    return result(index + 1, failure: "\(label): the bot sent nothing within \(seconds(timing.timeout))"
                        + (apiURL.map { " (bot-api-2 bots must send their calls to this simulator, \($0))" } ?? ""))
                }
                roundTrips.append(last.at - sent)
            }
            show()
            if refused > 0 {
                return result(index + 1, failure: "\(label): the simulated Webim API refused \(refused) of the bot's calls")
            }
        }
        return result(script.steps.count)
    }

    /// Takes the chat's calls as they arrive until `done` or the timeout; how many the simulator refused.
    private func takeCalls(until done: (SimulatedChat) -> Bool, in chat: inout SimulatedChat) async -> Int {
        let deadline = ContinuousClock.now + timing.timeout
        var refused = 0
        while !done(chat), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
            for call in inbox.take(script.chatID) { refused += Self.show(call, in: &chat) }
        }
        return refused
    }

    /// bot-api-2: the chat's calls until none came for the quiet period after the last one (as
    /// `QuietWatch` counts it), or the timeout passed.
    private func collect(since sent: ContinuousClock.Instant) async -> [ReceivedCall] {
        let deadline = sent + timing.timeout
        var calls: [ReceivedCall] = []
        var watch = QuietWatch(now: .now)
        while true {
            let arrived = inbox.take(script.chatID)
            calls += arrived
            let now = ContinuousClock.now
            watch.check(callsArrived: !arrived.isEmpty, now: now)
            if watch.sawCall, watch.quiet >= timing.quietPeriod { break }
            if now >= deadline { break }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return calls
    }

    /// Adds a received call to the transcript; 1 when the simulator refused it.
    private static func show(_ call: ReceivedCall, in chat: inout SimulatedChat) -> Int {
        if call.accepted, let decoded = call.call {
            chat.bot(decoded)
            return 0
        }
        chat.refused(call)
        return 1
    }

    static func kind(_ step: ConversationScript.Step) -> String {
        switch step {
        case .open: "open"
        case .prechat: "prechat"
        case .say: "say"
        case .click: "click"
        case .file: "file"
        case .wait: "wait"
        }
    }
}
