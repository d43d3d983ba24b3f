import ConformJSON
@testable import JSEngine
import Testing

@Suite struct NativeFunctionBatchTests {
    @Test func batchFunctionsBehaveLikeRealFunctionsWithTheirThisAndArguments() throws {
        let engine = JSEngine()
        var batch = NativeFunctionBatch()
        batch.define("add") { engine, this, args in
            let base = this.property("base").isUndefined ? 0 : this.property("base").toDouble()
            return engine.number(base + args.reduce(0) { $0 + $1.toDouble() })
        }
        batch.define("count") { engine, _, args in engine.number(Double(args.count)) }
        let tools = engine.object()
        try engine.install(batch, on: tools)
        try engine.setGlobal("tools", tools)
        let result = try engine.evaluate("""
            var add = tools.add, bound = add.bind({base: 100}, 1);
            ({
              type: typeof add,
              name: add.name,
              method: tools.add(1, 2),
              call: add.call({base: 10}, 1, 2),
              apply: add.apply({base: 20}, [3, 4]),
              bound: bound(2),
              isFunction: add instanceof Function,
              none: tools.count(),
              undefinedKept: tools.count(undefined, undefined),
              keys: Object.keys(tools).join(",")
            })
            """)
        #expect(try result.toJSON() == [
            "type": "function", "name": "add", "method": 3, "call": 13, "apply": 27, "bound": 103,
            "isFunction": true, "none": 0, "undefinedKept": 2, "keys": "add,count",
        ])
    }

    @Test func aBatchBodyThrowingBecomesACatchableErrorWithItsName() throws {
        let engine = JSEngine()
        var batch = NativeFunctionBatch()
        batch.define("refuse") { _, _ in throw JSScriptError(name: "RangeError", message: "too many") }
        try engine.install(batch)
        let caught = try engine.evaluate("""
            var r;
            try { refuse(); } catch (e) { r = e.name + ": " + e.message; }
            r
            """)
        #expect(caught.toString() == "RangeError: too many")
    }

    @Test func batchesInstalledOneAfterAnotherEachCallTheirOwnBodies() throws {
        let engine = JSEngine()
        var first = NativeFunctionBatch()
        first.define("one") { engine, _, _ in engine.string("one") }
        var second = NativeFunctionBatch()
        second.define("two") { engine, _, _ in engine.string("two") }
        try engine.install(first)
        try engine.install(second)
        #expect(try engine.evaluate("one() + two() + console.log.name").toString() == "onetwolog")
    }

    @Test func aFunctionKeptFromAnEarlierContextStillRunsItsOwnBody() throws {
        let engine = JSEngine()
        var old = NativeFunctionBatch()
        old.define("which") { engine, _, _ in engine.string("old") }
        try engine.install(old)
        let kept = engine.global("which")
        engine.reset()
        var new = NativeFunctionBatch()
        new.define("which") { engine, _, _ in engine.string("new") }
        try engine.install(new)
        #expect(try engine.evaluate("which()").toString() == "new")
        #expect(try kept.call([]).toString() == "old")
    }

    @Test func anEngineWithBatchFunctionsIsReleased() throws {
        weak var released: JSEngine?
        do {
            let engine = JSEngine()
            released = engine
            var batch = NativeFunctionBatch()
            batch.define("echo") { _, args in args.first }
            try engine.install(batch)
            #expect(try engine.evaluate("echo(7)").toDouble() == 7)
            engine.reset()
            try engine.install(batch)
        }
        #expect(released == nil)
    }
}

/// Where an error thrown inside conform's own code is placed: the nearest frame of the bot's code.
@Suite struct ScriptErrorPlacementTests {
    @Test func theFirstFrameOutsideConformsOwnCodeIsFound() {
        let stack = """
            transition@conform:runtime.js:270:49
            wrap@conform:natives.js:6:20
            [native code]
            @src/a b.sc:3:5
            global code@src/main.sc:9:1
            """
        let frame = JSScriptError.firstFrame(outside: "conform:", in: stack)
        #expect(frame?.source == "src/a b.sc" && frame?.line == 3 && frame?.column == 5)
        #expect(JSScriptError.firstFrame(outside: "conform:", in: "f@http://example.com:8080/x.js:12:3")?.source
                == "http://example.com:8080/x.js")
        #expect(JSScriptError.firstFrame(outside: "conform:", in: "f@conform:runtime.js:1:1\n[native code]") == nil)
    }

    @Test func aNativeThrowingForABotLineNamesThatLine() throws {
        let engine = JSEngine()
        do {
            try engine.evaluate("var x = 1;\nsetTimeout(function () {}, 10);", source: "src/main.sc", line: 4)
            Issue.record("expected an error")
        } catch {
            #expect(error.source == "src/main.sc")
            #expect(error.line == 5)
            #expect(error.message.contains("setTimeout is not available"))
        }
    }
}
