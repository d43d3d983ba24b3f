import Foundation

extension Collection where Index == Int {
    /// `map`, with the elements shared out in chunks over the machine's cores; the results are in
    /// the elements' order. For independent, pure work on many elements (compiling a project's
    /// patterns): below `minimumCount` elements it maps on the calling thread, as sharing would cost
    /// more than it saves.
    ///
    /// ```swift
    /// let words = texts.concurrentMap { RequestText($0).words }
    /// ```
    public func concurrentMap<Result: Sendable>(minimumCount: Int = 64,
                                                _ transform: @Sendable (Element) -> Result) -> [Result]
    where Self: Sendable {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, count >= minimumCount else { return map(transform) }
        // A few chunks a core, so one slow chunk does not leave the other cores idle.
        let chunks = Swift.min(count, cores * 4)
        let done = Locked([[Result]?](repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = startIndex + count * chunk / chunks
            let upper = startIndex + count * (chunk + 1) / chunks
            let results = self[lower..<upper].map(transform)
            done.withLock { $0[chunk] = results }
        }
        return done.withLock { $0.flatMap { $0! } }
    }
}
