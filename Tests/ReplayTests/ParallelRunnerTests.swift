@testable import Replay
import ConformConcurrency
import Testing

/// The replay scheduler on its own: workers share an index counter and a results table. No script
/// runs here (each worker's engine stays idle), so ThreadSanitizer sees only conform's own code.
@Suite struct ParallelRunnerTests {
    @Test func everyItemRunsOnceAndResultsKeepTheItemsOrder() {
        let items = Array(0..<400)
        let runs = Locked<[Int]>([])
        let reported = Locked<Set<Int>>([])
        let results = ParallelRunner.map(items, jobs: 4, progress: { index, _ in reported.withLock { _ = $0.insert(index) } }) { item, _ in
            runs.withLock { $0.append(item) }
            return item * 3
        }
        #expect(results == items.map { $0 * 3 })
        #expect(runs.withLock { $0.sorted() } == items)
        #expect(reported.withLock { $0 } == Set(items.indices))
    }

    @Test func moreJobsThanItemsAndNoItemsAreFine() {
        #expect(ParallelRunner.map([7, 8], jobs: 16) { item, _ in item + 1 } == [8, 9])
        #expect(ParallelRunner.map([Int](), jobs: 4) { item, _ in item }.isEmpty)
    }
}
