// Benchmark: turns per second of conform's JAICP runtime on a realistic 50-state bot, next to the bare
// JavaScriptCore engine running the same JavaScript (the floor any runtime built on it could reach).
// Run: swift run -c release conform-bench-runtime [turns]
import BotRuntime
import BotScript
import Foundation
import JSEngine

let totalTurns = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let turnsPerConversation = 100
let topics = ["order", "delivery", "price", "refund", "account", "password", "card", "bonus", "shop", "courier"]

let root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-bench-rt-\(ProcessInfo.processInfo.processIdentifier)")
defer { try? FileManager.default.removeItem(at: root) }

/// 50 states: 10 topics × (entry with a pattern, script and buttons; a detail child with an if/else and
/// a template; a confirmation that go!-es back to the menu; two sub-answers), plus handlers.
func generateBot() throws {
    try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
    try "name: bench-runtime\nentryPoint: main.sc\n".write(to: root.appendingPathComponent("chatbot.yaml"), atomically: true, encoding: .utf8)
    var sc = """
        init:
            bind("preProcess", function ($context) { $context.session.turns = ($context.session.turns || 0) + 1; });
            bind("postProcess", function ($context) { $context.session.lastState = $context.currentState; });
        patterns:
            $yes = (yes|sure|ok)
            $no = (no|nope)
        theme: /

        """
    for (t, topic) in topics.enumerated() {
        sc += """
                state: \(topic.capitalized)
                    q!: * (\(topic)|\(topic)s) *
                    script:
                        $session.topic = "\(topic)";
                        $session.visits = ($session.visits || 0) + 1;
                    a: Let us talk about \(topic). Visit {{ $session.visits }}.
                    buttons:
                        "Details" -> ./Details
                        "Menu" -> /Menu
                    state: Details
                        q: * detail* *
                        if: $session.visits > 2
                            a: You know \(topic) well by now.
                        else:
                            a: Here are the details about {{ $session.topic }}.
                        go: ../Confirm
                    state: Confirm
                        q: $yes
                        a: Done with \(topic) (\(t)).
                        go!: /Menu
                    state: Deny
                        q: $no
                        a: Fine, no \(topic).
                    state: More
                        q: * more *
                        a: More about \(topic): item {{ $session.turns }}.

            """
    }
    sc += """
            state: Menu
                q!: menu
                a: Main menu.
            state: NoMatch
                event!: noMatch
                a: Sorry?

        """
    try sc.write(to: root.appendingPathComponent("src/main.sc"), atomically: true, encoding: .utf8)
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

try generateBot()
let bot = CompiledBot(project: try ProjectLoader().load(at: root.path))
precondition(bot.allDiagnostics.isEmpty, "\(bot.allDiagnostics)")
precondition(bot.project.states.count == 52)
let script = topics.flatMap { ["tell me about \($0)", "details", "yes", "what about \($0) more", "nope", "blah"] }
let engine = JSEngine()

// conform's runtime.
var produced = 0
var conversations = 0
let start = now()
var conversation = try Conversation(bot: bot, engine: engine)
for turn in 0..<totalTurns {
    if turn % turnsPerConversation == 0 {
        conversation = try Conversation(bot: bot, engine: engine)
        conversations += 1
    }
    let result = conversation.process(BotRequest(query: script[turn % script.count], time: 1_764_064_800_000 + Double(turn)))
    if result.error != nil { fatalError("turn \(turn): \(result.error!)") }
    produced += result.replies.count
}
let runtimeSeconds = now() - start

// The bare engine: the same script work (handlers, session updates, templates, replies) as plain
// functions called straight from Swift, one context per conversation, no DSL, no matching.
let bare = """
    var session, replies;
    function reset() { session = {}; }
    function pre() { session.turns = (session.turns || 0) + 1; }
    function post(state) { session.lastState = state; }
    function entry(topic) {
      session.topic = topic; session.visits = (session.visits || 0) + 1;
      replies.push({type: "text", text: "Let us talk about " + topic + ". Visit " + session.visits + ".", state: "/" + topic});
      replies.push({type: "buttons", buttons: [{text: "Details"}, {text: "Menu"}], state: "/" + topic});
    }
    function details() {
      if (session.visits > 2) replies.push({type: "text", text: "You know it well by now."});
      else replies.push({type: "text", text: "Here are the details about " + session.topic + "."});
    }
    function confirm(topic) { replies.push({type: "text", text: "Done with " + topic}); replies.push({type: "text", text: "Main menu."}); }
    function deny(topic) { replies.push({type: "text", text: "Fine, no " + topic + "."}); }
    function more(topic) { replies.push({type: "text", text: "More about " + topic + ": item " + session.turns + "."}); }
    function noMatch() { replies.push({type: "text", text: "Sorry?"}); }
    function turn(kind, topic) {
      replies = []; pre();
      switch (kind) { case 0: entry(topic); break; case 1: details(); break; case 2: confirm(topic); break;
                      case 3: more(topic); break; case 4: deny(topic); break; default: noMatch(); }
      post(topic); return JSON.stringify({replies: replies, session: session});
    }
    reset();
    """
let bareStart = now()
var turnFunction: ScriptValue?
for turn in 0..<totalTurns {
    if turn % turnsPerConversation == 0 {
        engine.reset()
        try engine.evaluate(bare)
        turnFunction = engine.global("turn")
    }
    let step = turn % script.count
    _ = try engine.call(turnFunction!, [engine.number(Double(step % 6)), engine.string(topics[step / 6])]).toString()
}
let bareSeconds = now() - bareStart

print("bot: \(bot.project.states.count) states, \(bot.triggers.count) triggers; \(totalTurns) turns in \(conversations) conversations, \(produced) replies")
print(String(format: "conform runtime: %.0f turns/s (%.1f µs per turn)", Double(totalTurns) / runtimeSeconds, runtimeSeconds / Double(totalTurns) * 1e6))
print(String(format: "bare engine:     %.0f turns/s (%.1f µs per turn)", Double(totalTurns) / bareSeconds, bareSeconds / Double(totalTurns) * 1e6))
print(String(format: "ratio: %.2f× the bare-engine floor", runtimeSeconds / bareSeconds))

// What starting a conversation costs (replay starts one per recording): a fresh context alone, and
// the whole start of a conversation with this bot (context, runtime JavaScript, the bot's startup).
let starts = 300
func perStart(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    for _ in 0..<starts { try body() }
    return (now() - start) / Double(starts) * 1000
}
let contextOnly = perStart { engine.reset() }
let wholeStart = try perStart { _ = try Conversation(bot: bot, engine: engine) }
print(String(format: "conversation start: %.2f ms (of which a fresh JavaScriptCore context %.2f ms)", wholeStart, contextOnly))
