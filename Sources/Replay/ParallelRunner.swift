import ConformConcurrency
import Foundation
import JSEngine

/// Runs work items on `jobs` threads, each with its own JavaScriptCore engine (an engine belongs to
/// one thread), and hands the results over in the items' order, whatever order they finished in.
enum ParallelRunner {
    /// Items one engine serves before its worker makes a new one. Every conversation gets a fresh
    /// global object either way, but the JavaScriptCore VM behind the engine keeps a little of each
    /// (about 3 KB of its own allocations per conversation, measured with massif — not conform's),
    /// so a worker that kept one VM for a whole run would grow with the run's length. A new VM costs
    /// about as much as replaying two recordings (callgrind): under 1% at this lifetime, for a peak
    /// memory that stays flat (1,000 → 4,000 recordings: +1 MiB instead of +18).
    static let engineLifetime = 250

    /// `deliver` gets each result in the items' order, one call at a time, on a worker that finished
    /// a result (or, for the last ones, the caller's thread before this returns); a result is dropped
    /// once delivered, so only those finished ahead of a slower one are held (memory does not grow
    /// with the number of items).
    static func forEach<Item: Sendable, Result: Sendable>(
        _ items: [Item], jobs: Int, engineLifetime: Int = engineLifetime, progress: (@Sendable (Int, Result) -> Void)? = nil,
        deliver: @escaping @Sendable (Int, Result) -> Void,
        _ body: @escaping @Sendable (Item, JSEngine) -> Result
    ) {
        let workers = max(1, min(jobs, items.count))
        JSEngine.prepare(workers: workers)
        let next = Locked(0)
        let pending = Locked(InOrder<Result>())
        // One deliverer at a time keeps `deliver` calls ordered and never concurrent.
        let delivering = NSLock()
        let drain: @Sendable () -> Void = {
            while let (due, ready) = pending.withLock({ $0.takeDue() }) { deliver(due, ready) }
        }
        let group = DispatchGroup()
        for _ in 0..<workers {
            let thread = Thread {
                var engine = JSEngine()
                var served = 0
                while true {
                    let index = next.withLock { (next: inout Int) -> Int in
                        defer { next += 1 }
                        return next
                    }
                    guard index < items.count else { break }
                    if served == engineLifetime {
                        engine = JSEngine()
                        served = 0
                    }
                    served += 1
                    let result = body(items[index], engine)
                    progress?(index, result)
                    pending.withLock { $0.finished[index] = result }
                    // Another worker delivering will take this one too if it is due, or the next
                    // delivery (or the final drain) will: waiting for the lock would idle a core.
                    if delivering.try() {
                        drain()
                        delivering.unlock()
                    }
                }
                group.leave()
            }
            // JavaScriptCore wants a deep native stack for recursive scripts.
            thread.stackSize = 8 << 20
            group.enter()
            thread.start()
        }
        group.wait()
        // What finished while another worker was delivering and found no later delivery.
        delivering.withLock { drain() }
    }
}

/// Results finished out of order, waiting for the one due before them.
struct InOrder<Result> {
    var finished: [Int: Result] = [:]
    var due = 0

    mutating func takeDue() -> (Int, Result)? {
        guard let result = finished.removeValue(forKey: due) else { return nil }
        defer { due += 1 }
        return (due, result)
    }
}
