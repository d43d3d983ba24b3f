import BotRuntime
import BotScript
import Foundation
import Testing

/// `conform check` parses the bot's JavaScript, so a syntax error is reported at its line before
/// anything runs into it.
@Suite struct ScriptSyntaxCheckTests {
    @Test func syntaxErrorsInScriptsTemplatesAndFilesAreFoundAtTheirLines() throws {
        let bot = try InlineBot("""
            require: bad.js
            require: good.js
            init:
                var fine = 1;
            theme: /
                state: A
                    q!: a
                    script: var x = ;
                state: B
                    q!: b
                    a: {{ foo( }} and {{}} and {{ $session.x }}
                    if: $session.y ==
                        a: y
                state: C
                    q!: c
                    a: {{ $session.x }} on the first line,
                        and {{ broken( }} on the next
                    scriptEs6:
                        const v = await Promise.resolve(1);
                        $reactions.answer(`v ${v}`);
            """, files: ["src/bad.js": "var a = 1;\nfunction f( {\n", "src/good.js": "function g() { return 1; }\n"])
        let found = ScriptSyntaxCheck.diagnostics(for: bot.bot)
        let lines = found.map { "\(($0.location?.file as NSString?)?.lastPathComponent ?? ""):\($0.location?.line ?? 0) \($0.message)" }
        #expect(lines.count == 5, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("main.sc:17 the template {{ broken( }} does not parse") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("bad.js:") && $0.contains("this file does not parse: SyntaxError") })
        #expect(lines.contains { $0.hasPrefix("main.sc:8 the code of state /A does not parse: SyntaxError") })
        #expect(lines.contains { $0.hasPrefix("main.sc:11 the template {{ foo( }} does not parse: SyntaxError") })
        #expect(lines.contains { $0.hasPrefix("main.sc:12 the condition $session.y == does not parse: SyntaxError") })
        #expect(found.allSatisfy { $0.severity == .error })
    }
}
