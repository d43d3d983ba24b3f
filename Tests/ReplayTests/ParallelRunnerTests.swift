@testable import Replay
import Synchronization
import Testing

/// The replay scheduler on its own: workers share an index counter and a results table. No script
/// runs here (each worker's engine stays idle), so ThreadSanitizer sees only conform's own code.
@Suite struct ParallelRunnerTests {
    @Test func everyItemRunsOnceAndResultsKeepTheItemsOrder() {
        let items = Array(0..<400)
        let runs = Shared(Mutex<[Int]>([]))
        let reported = Shared(Mutex<Set<Int>>([]))
        let results = ParallelRunner.map(items, jobs: 4, progress: { index, _ in reported.value.withLock { _ = $0.insert(index) } }) { item, _ in
            runs.value.withLock { $0.append(item) }
            return item * 3
        }
        #expect(results == items.map { $0 * 3 })
        #expect(runs.value.withLock { $0.sorted() } == items)
        #expect(reported.value.withLock { $0 } == Set(items.indices))
    }

    @Test func moreJobsThanItemsAndNoItemsAreFine() {
        #expect(ParallelRunner.map([7, 8], jobs: 16) { item, _ in item + 1 } == [8, 9])
        #expect(ParallelRunner.map([Int](), jobs: 4) { item, _ in item }.isEmpty)
    }
}
