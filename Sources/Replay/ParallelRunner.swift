import ConformConcurrency
import Foundation
import JSEngine

/// Runs work items on `jobs` threads, each with its own JavaScriptCore engine (an engine belongs to
/// one thread), and returns the results in the items' order, whatever order they finished in.
enum ParallelRunner {
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], jobs: Int, progress: (@Sendable (Int, Result) -> Void)? = nil,
        _ body: @escaping @Sendable (Item, JSEngine) -> Result
    ) -> [Result] {
        let workers = max(1, min(jobs, items.count))
        JSEngine.prepare(workers: workers)
        let next = Locked(0)
        let results = Locked<[Result?]>(Array(repeating: nil, count: items.count))
        let group = DispatchGroup()
        for _ in 0..<workers {
            let thread = Thread {
                let engine = JSEngine()
                while true {
                    let index = next.withLock { (next: inout Int) -> Int in
                        defer { next += 1 }
                        return next
                    }
                    guard index < items.count else { break }
                    let result = body(items[index], engine)
                    results.withLock { $0[index] = result }
                    progress?(index, result)
                }
                group.leave()
            }
            // JavaScriptCore wants a deep native stack for recursive scripts.
            thread.stackSize = 8 << 20
            group.enter()
            thread.start()
        }
        group.wait()
        return results.withLock { $0.map { $0! } }
    }
}

