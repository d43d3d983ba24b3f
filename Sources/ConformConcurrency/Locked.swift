import Foundation

/// A value shared between threads, guarded by a lock — conform's stand-in for `Synchronization.Mutex`.
/// On Linux, `Mutex` locks with futexes inside a library ThreadSanitizer does not instrument, so TSan
/// sees no ordering between two `withLock` bodies and reports every contended one as a race (shown
/// with a five-line program, see scripts/sanitize). `NSLock` is a pthread mutex, which TSan
/// understands, so a TSan report on conform's code means a real race. Being a class, it is shared
/// by reference with escaping closures.
///
/// ```swift
/// let counts = Locked([String: Int]())
/// counts.withLock { $0["turns", default: 0] += 1 }
/// ```
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

extension Locked {
    /// The value kept for `key`, made by `make` (outside the lock, so making may take a while) the
    /// first time and kept while fewer than `limit` values are. Two threads may both make a missing
    /// value; the first one stored wins and is what both return.
    ///
    /// ```swift
    /// let scripts = Locked([String: StateScript]())
    /// let script = scripts.value(for: state.path) { StateScript(state: state) }
    /// ```
    public func value<Key: Hashable, Element>(for key: Key, limit: Int = .max, make: () -> Element) -> Element
    where Value == [Key: Element] {
        if let known = withLock({ $0[key] }) { return known }
        let made = make()
        return withLock { cache in
            if let first = cache[key] { return first }
            if cache.count < limit { cache[key] = made }
            return made
        }
    }
}
