@testable import Replay
import ConformConcurrency
import Foundation
import JSEngine
import Testing

/// The replay scheduler on its own: workers share an index counter and a results table. No script
/// runs here (each worker's engine stays idle), so ThreadSanitizer sees only conform's own code.
@Suite struct ParallelRunnerTests {
    /// Every result, in the order delivered.
    func delivered<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int, progress: (@Sendable (Int, Result) -> Void)? = nil,
                                                     _ body: @escaping @Sendable (Item, JSEngine) -> Result) -> [Result] {
        let results = Locked<[Result]>([])
        ParallelRunner.forEach(items, jobs: jobs, progress: progress, deliver: { _, result in results.withLock { $0.append(result) } }, body)
        return results.withLock { $0 }
    }

    @Test func everyItemRunsOnceAndResultsKeepTheItemsOrder() {
        let items = Array(0..<400)
        let runs = Locked<[Int]>([])
        let reported = Locked<Set<Int>>([])
        let results = delivered(items, jobs: 4, progress: { index, _ in reported.withLock { _ = $0.insert(index) } }) { item, _ in
            runs.withLock { $0.append(item) }
            return item * 3
        }
        #expect(results == items.map { $0 * 3 })
        #expect(runs.withLock { $0.sorted() } == items)
        #expect(reported.withLock { $0 } == Set(items.indices))
    }

    @Test func resultsAreDeliveredInOrderOneAtATimeWhileLaterItemsFinishFirst() {
        // Early items take longest, so later ones finish first and must wait for them.
        let items = Array(0..<24)
        let delivered = Locked<[Int]>([])
        let inside = Locked(0)
        let overlapped = Locked(false)
        ParallelRunner.forEach(items, jobs: 3, deliver: { index, result in
            if inside.withLock({ $0 += 1; return $0 }) > 1 { overlapped.withLock { $0 = true } }
            Thread.sleep(forTimeInterval: 0.001)
            delivered.withLock { $0.append(result) }
            #expect(index == result)
            inside.withLock { $0 -= 1 }
        }) { item, _ in
            Thread.sleep(forTimeInterval: Double(24 - item) * 0.002)
            return item
        }
        #expect(delivered.withLock { $0 } == items)
        #expect(!overlapped.withLock { $0 })
    }

    @Test func moreJobsThanItemsAndNoItemsAreFine() {
        #expect(delivered([7, 8], jobs: 16) { item, _ in item + 1 } == [8, 9])
        #expect(delivered([Int](), jobs: 4) { item, _ in item }.isEmpty)
    }
}

/// A worker hands each engine to a bounded number of items, then starts a new one.
@Suite struct WorkerEngineLifetimeTests {
    @Test func eachEngineServesAtMostItsLifetimeOfItems() {
        let engines = Locked<[ObjectIdentifier]>([])
        // The engines are kept alive by `kept` so two never share an identity.
        let kept = Locked<[JSEngine]>([])
        ParallelRunner.forEach(Array(0..<25), jobs: 1, engineLifetime: 10, deliver: { _, _ in }) { _, engine in
            engines.withLock { $0.append(ObjectIdentifier(engine)) }
            kept.withLock { $0.append(engine) }
            return 0
        }
        let ids = engines.withLock { $0 }
        var runs: [Int] = []
        for (index, id) in ids.enumerated() {
            if index > 0, ids[index - 1] == id { runs[runs.count - 1] += 1 } else { runs.append(1) }
        }
        #expect(Set(ids).count == 3)
        #expect(runs == [10, 10, 5])
    }
}
