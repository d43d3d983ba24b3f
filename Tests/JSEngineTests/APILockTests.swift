import ConformJSON
@testable import JSEngine
import Foundation
import Testing

/// `withLockHeld`: JavaScriptCore's API lock held across many calls, with promise jobs still run
/// after each call from Swift, as they are when each call takes and releases the lock itself.
@Suite struct APILockTests {
    @Test func thisJavaScriptCoreExportsTheLockHolder() {
        // Without it every call still works, only slower: this pins that the machine's library has it.
        #expect(JSAPILock.available != nil)
    }

    @Test func promiseJobsRunAfterEachEvaluationUnderAHold() throws {
        let engine = JSEngine()
        try engine.withLockHeld { () throws(JSScriptError) in
            try engine.evaluate("var order = []; Promise.resolve().then(function () { order.push('job'); }); order.push('sync');")
            #expect(try engine.evaluate("order.join(',')").toString() == "sync,job")
            let function = try engine.evaluate("(function () { Promise.resolve(2).then(function (v) { order.push('call' + v); }); })")
            try engine.call(function)
            #expect(try engine.evaluate("order.join(',')").toString() == "sync,job,call2")
        }
    }

    @Test func nestedHoldsAndErrorsLeaveTheEngineUsable() throws {
        let engine = JSEngine()
        let thrown = engine.withLockHeld {
            engine.withLockHeld { () -> JSScriptError? in
                do throws(JSScriptError) { try engine.evaluate("throw new RangeError('inner')"); return nil } catch { return error }
            }
        }
        #expect(thrown?.name == "RangeError")
        #expect(try engine.evaluate("1 + 1").toDouble() == 2)
        // Every hold was released: another thread gets the lock (a leaked one would block it).
        #expect(Self.evaluatesOnAnotherThread(engine, "2 + 2") == 4)
    }

    /// `code` evaluated on a thread of its own, or nil when that thread did not finish within 10 s.
    static func evaluatesOnAnotherThread(_ engine: JSEngine, _ code: String) -> Double? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let unsafeEngine = engine
        nonisolated(unsafe) var seen: Double?
        Thread {
            seen = try? unsafeEngine.evaluate(code).toDouble()
            done.signal()
        }.start()
        return done.wait(timeout: .now() + 10) == .success ? seen : nil
    }

    @Test func aStoppedRunawayCallLeavesTheEngineUsableWithinTheSameHold() throws {
        let engine = JSEngine()
        let spin = try engine.evaluate("(function () { while (true) {} })")
        try engine.withLockHeld { () throws(JSScriptError) in
            var stopped: JSScriptError?
            do throws(JSScriptError) { try engine.call(spin, timeLimit: 0.1) } catch { stopped = error }
            #expect(stopped?.isTimeout == true)
            #expect(try engine.evaluate("2 + 2").toDouble() == 4)
            try engine.evaluate("Promise.resolve().then(function () { globalThis.after = 'ran'; })")
            #expect(try engine.evaluate("after").toString() == "ran")
        }
    }

    @Test func anotherThreadCanUseTheEngineOnceTheHoldEnds() throws {
        let engine = JSEngine()
        try engine.withLockHeld { () throws(JSScriptError) in try engine.evaluate("var shared = 41") }
        #expect(Self.evaluatesOnAnotherThread(engine, "shared + 1") == 42)
    }
}
