import ConformJSON
import Foundation
import JSEngine
import Testing

func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

@Suite struct JSEngineEvaluationTests {
    @Test func runsES2020Syntax() throws {
        let engine = JSEngine()
        let result = try engine.evaluate("""
            class Greeter {
              constructor(name) { this.name = name; }
              greet(suffix = "!") { return `Hello, ${this.name}${suffix}`; }
            }
            const { a, b: [first, ...rest] } = { a: 1, b: [2, 3, 4] };
            let total = rest.map(x => x * 10).reduce((s, x) => s + x, 0);
            const missing = null;
            const deep = missing?.some?.path ?? "fallback";
            ({ greeting: new Greeter("Вася").greet(), a, first, total, deep, big: 2n ** 64n + "" })
            """, source: "es2020.js")
        #expect(try result.toJSON() == [
            "greeting": "Hello, Вася!", "a": 1, "first": 2, "total": 70, "deep": "fallback",
            "big": "18446744073709551616",
        ])
    }

    @Test func exceptionCarriesNameMessageSourceLineAndStack() throws {
        let engine = JSEngine()
        let code = """
            var x = 1;
            function fail() {
              null.boom;
            }
            fail();
            """
        do {
            try engine.evaluate(code, source: "src/main.sc", line: 40)
            Issue.record("expected a TypeError")
        } catch {
            #expect(error.name == "TypeError")
            #expect(error.source == "src/main.sc")
            #expect(error.line == 42)
            #expect(error.message.contains("null"))
            #expect(error.stack?.contains("fail") == true)
            #expect(!error.isTimeout)
        }
    }

    @Test func syntaxErrorPointsAtItsLine() {
        let engine = JSEngine()
        do {
            try engine.evaluate("var ok = 1;\nvar = broken;\n", source: "lib.js", line: 1)
            Issue.record("expected a SyntaxError")
        } catch {
            #expect(error.name == "SyntaxError")
            #expect(error.line == 2)
            #expect(error.source == "lib.js")
        }
    }

    @Test func thrownNonErrorValuesBecomeErrors() {
        let engine = JSEngine()
        #expect(throws: JSScriptError(name: "Error", message: "plain text", source: "t.js")) {
            try engine.evaluate("throw 'plain text'", source: "t.js")
        }
    }

    @Test func watchdogStopsInfiniteLoopAndEngineStaysUsable() throws {
        let engine = JSEngine()
        // The watchdog counts the thread's CPU time, so that is what is measured: wall time would
        // also count time spent waiting for a core while other tests run.
        let start = threadCPUSeconds()
        do {
            try engine.evaluate("while (true) {}", source: "loop.js", line: 7, timeLimit: 0.2)
            Issue.record("expected the watchdog to stop the loop")
        } catch {
            #expect(error.isTimeout)
            #expect(error.source == "loop.js")
            #expect(error.line == 7)
        }
        let elapsed = threadCPUSeconds() - start
        #expect(elapsed < 0.4, "stopped after \(elapsed) s of CPU time, limit was 0.2 s")
        // The same engine and context keep working after a termination.
        #expect(try engine.evaluate("[1, 2, 3].length").toDouble() == 3)
        do {
            try engine.evaluate("for (;;) { Math.sqrt(2); }", timeLimit: 0.1)
            Issue.record("expected a second termination")
        } catch {
            #expect(error.isTimeout)
        }
        #expect(try engine.evaluate("'still alive'").toString() == "still alive")
    }

    @Test func timeLimitAppliesToFunctionCallsToo() throws {
        let engine = JSEngine()
        let spin = try engine.evaluate("(function () { while (true) {} })")
        #expect(throws: JSScriptError.self) { try engine.call(spin, timeLimit: 0.1) }
        #expect(try engine.evaluate("1 + 1").toDouble() == 2)
    }

    @Test func resetGivesAFreshContext() throws {
        let engine = JSEngine()
        try engine.evaluate("var leaked = 42;")
        engine.reset()
        #expect(try engine.evaluate("typeof leaked").toString() == "undefined")
    }

    @Test func valuesOutliveAReset() throws {
        let engine = JSEngine()
        let kept = try engine.evaluate("({kept: 'yes'})")
        engine.reset()
        #expect(try kept.toJSON() == ["kept": "yes"])
    }
}
