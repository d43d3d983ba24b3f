import ConformJSON
import JSEngine
import Testing

@Suite struct JSEngineBridgeTests {
    @Test func jsonGoesInIsMutatedAndComesBackInOrder() throws {
        let engine = JSEngine()
        try engine.setGlobal("$session", json: ["visits": 1, "name": "Анна", "tags": ["a"]])
        try engine.evaluate("""
            $session.visits += 1;
            $session.tags.push("b");
            $session.lastState = "/Start";
            delete $session.name;
            $session.fn = function () {};
            """)
        #expect(try engine.global("$session").toJSON() == [
            "visits": 2, "tags": ["a", "b"], "lastState": "/Start",
        ])
        #expect(try engine.global("undefinedThing").toJSON() == nil)
    }

    @Test func swiftFunctionsBehaveLikeRealFunctions() throws {
        let engine = JSEngine()
        engine.defineFunction("add") { this, args in
            let base = this.property("base").isUndefined ? 0 : this.property("base").toDouble()
            return engine.number(base + args.reduce(0) { $0 + $1.toDouble() })
        }
        let result = try engine.evaluate("""
            var bound = add.bind({base: 100}, 1);
            ({
              type: typeof add,
              name: add.name,
              direct: add(1, 2),
              call: add.call({base: 10}, 1, 2),
              apply: add.apply({base: 20}, [3, 4]),
              bound: bound(2),
              isFunction: add instanceof Function
            })
            """)
        #expect(try result.toJSON() == [
            "type": "function", "name": "add", "direct": 3, "call": 13, "apply": 27, "bound": 103,
            "isFunction": true,
        ])
    }

    @Test func swiftErrorsBecomeCatchableJavaScriptErrors() throws {
        let engine = JSEngine()
        struct Refused: Error, CustomStringConvertible { var description: String { "network is off" } }
        engine.defineFunction("fetchSomething") { _, _ in throw Refused() }
        let caught = try engine.evaluate("""
            var r;
            try { fetchSomething(); } catch (e) { r = e instanceof Error ? e.message : "not an Error"; }
            r
            """)
        #expect(caught.toString() == "network is off")
    }

    @Test func consoleAndLogAreCaptured() throws {
        let engine = JSEngine()
        try engine.evaluate("""
            console.log("hello", 1, {a: [1]});
            log("from log");
            console.warn("careful");
            """)
        #expect(engine.takeLog() == ["hello 1 {\"a\":[1]}", "from log", "[warn] careful"])
        #expect(engine.takeLog() == [])
    }

    @Test func timersFailLoudlyInsteadOfNeverFiring() {
        let engine = JSEngine()
        do {
            try engine.evaluate("setTimeout(function () {}, 10)")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("setTimeout is not available"))
        }
    }

    @Test func stringsWithNulAndAstralCharactersSurvive() throws {
        let engine = JSEngine()
        let text = "a\u{0}b 🎉 ё"
        try engine.setGlobal("s", engine.string(text))
        #expect(try engine.evaluate("s + ''").toString() == text)
        #expect(try engine.evaluate("s.length").toDouble() == 8)
    }

    @Test func stringsWithoutNulKeepEveryCharacterAndTheirUTF16Length() throws {
        // Text without a NUL goes in as UTF-8: ASCII, Cyrillic, astral and combining characters.
        let engine = JSEngine()
        let texts = ["", "plain ascii {\"json\": 1}", "Привет, ёж", "🎉 party", "e\u{301} é", String(repeating: "щ", count: 3000)]
        for text in texts {
            try engine.setGlobal("s", engine.string(text))
            #expect(try engine.evaluate("s + ''").toString() == text)
            #expect(try engine.evaluate("s.length").toDouble() == Double(text.utf16.count))
        }
        try engine.setGlobal("j", engine.string(#"{"ёж": "🎉", "n": [1, "a"]}"#))
        #expect(try engine.evaluate("JSON.parse(j)").toJSON() == ["ёж": "🎉", "n": [1, "a"]])
    }
}
