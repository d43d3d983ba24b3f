import Foundation
import JSEngine
import Synchronization

/// Runs work items on `jobs` threads, each with its own JavaScriptCore engine (an engine belongs to
/// one thread), and returns the results in the items' order, whatever order they finished in.
enum ParallelRunner {
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], jobs: Int, progress: (@Sendable (Int, Result) -> Void)? = nil,
        _ body: @escaping @Sendable (Item, JSEngine) -> Result
    ) -> [Result] {
        let workers = max(1, min(jobs, items.count))
        // Shared through class references: ThreadSanitizer reported a noncopyable `Mutex` captured
        // by the threads' escaping closures as conflicting modifying accesses of its capture box.
        let next = Shared(Atomic<Int>(0))
        let results = Shared(Mutex<[Result?]>(Array(repeating: nil, count: items.count)))
        let group = DispatchGroup()
        for _ in 0..<workers {
            let thread = Thread {
                let engine = JSEngine()
                while true {
                    let index = next.value.add(1, ordering: .relaxed).oldValue
                    guard index < items.count else { break }
                    let result = body(items[index], engine)
                    results.value.withLock { $0[index] = result }
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
        return results.value.withLock { $0.map { $0! } }
    }
}

/// A noncopyable synchronization value (`Mutex`, `Atomic`) behind a class reference, for sharing
/// with escaping closures.
final class Shared<Value: ~Copyable & Sendable>: Sendable {
    let value: Value
    init(_ value: consuming Value) { self.value = value }
}
