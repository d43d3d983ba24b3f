import BotRuntime
import BotScript
import Testing

/// A large project's patterns are compiled on several cores; what comes out must not depend on it.
@Suite struct ParallelCompileTests {
    /// 120 states (past the size at which compiling is shared out) with two broken patterns and 90
    /// named patterns, one of them broken.
    static func largeBot() throws -> InlineBot {
        var sc = "patterns:\n"
        for p in 0..<90 { sc += p == 45 ? "    $p45 = (broken\n" : "    $p\(p) = (word\(p) | other\(p))\n" }
        sc += "theme: /\n"
        for s in 0..<120 {
            sc += "    state: S\(s)\n"
            switch s {
            case 17: sc += "        q!: [unclosed \(s)\n"
            case 80: sc += "        q!: $nowhere\(s)\n"
            default: sc += "        q!: * topic\(s) * || fromState = /S\(max(0, s - 1))\n        q: $p\(s % 90)\n"
            }
            sc += "        a: Answer \(s)\n"
        }
        return try InlineBot(sc)
    }

    @Test func errorsAreReportedInSourceOrderWithTheirLines() throws {
        let bot = try Self.largeBot()
        let errors = bot.bot.allDiagnostics.filter { $0.severity == .error }
        #expect(errors.map { $0.location?.line } == [47, 162, 413])
    }

    @Test func everyTriggerKeepsItsOwnCompiledPattern() throws {
        let bot = try Self.largeBot()
        for trigger in bot.bot.triggers where trigger.trigger.state != "/S17" && trigger.trigger.state != "/S80" {
            guard case .pattern(let source) = trigger.trigger.kind else { continue }
            #expect(trigger.pattern?.source == source, "\(trigger.trigger.state)")
        }
        let engine = DialogEngine(bot: bot.bot)
        #expect(engine.select(DialogEngine.Input(query: "about topic73 please"), context: "/")?.state == "/S73")
        // Only /S60 uses $p60 (states 0–29 share theirs with 90–119).
        #expect(engine.select(DialogEngine.Input(query: "other60"), context: "/")?.state == "/S60")
    }
}
