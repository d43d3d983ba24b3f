import ConformConcurrency
import Foundation
import Testing

@Suite struct ConcurrentMapTests {
    @Test func resultsComeInTheElementsOrderWhateverOrderTheyFinishIn() {
        let numbers = Array(0..<1_000)
        let squares = numbers.concurrentMap { n -> Int in
            // Early elements take longest, so later chunks finish first.
            if n < 10 { Thread.sleep(forTimeInterval: 0.002) }
            return n * n
        }
        #expect(squares == numbers.map { $0 * $0 })
    }

    @Test func smallAndEmptyCollectionsMapOnTheCallingThread() {
        let caller = pthread_self()
        let small = Array(0..<10).concurrentMap { _ in pthread_equal(pthread_self(), caller) != 0 }
        #expect(small == Array(repeating: true, count: 10))
        #expect([Int]().concurrentMap { $0 + 1 } == [])
        #expect(Array(0..<3).concurrentMap(minimumCount: 1) { $0 * 2 } == [0, 2, 4])
    }
}
