import Foundation

/// A serial executor that runs every job on one thread of its own. Bot turns run here: a
/// JavaScriptCore engine belongs to one thread (its watchdog counts that thread's CPU time), and
/// Hummingbird's event loops must never block on a script.
///
/// ```swift
/// let thread = TurnThread(name: "conform-turns")
/// actor Host { nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() } }
/// ```
public final class TurnThread: SerialExecutor, @unchecked Sendable {
    // All mutable state is guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var stopping = false
    private var finished = false
    private var threadID: pthread_t?

    /// 16 MiB of stack: deep `go!` chains and recursive scripts run here.
    public init(name: String, stackSize: Int = 16 << 20) {
        let thread = Thread { [self] in
            // Named from inside: Linux threads otherwise keep their creator's name, and a turn
            // thread would pass for a pool thread in `top -H` and debuggers.
            Thread.current.name = name
            condition.withLock { threadID = pthread_self() }
            runJobs()
        }
        thread.name = name
        thread.stackSize = stackSize
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        assert(!finished, "a job was enqueued on a TurnThread that has ended")
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread end once its queue is empty. Call it after the last job was awaited: a job
    /// enqueued after the thread ended would never run.
    public func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    /// Whether the caller runs on this thread.
    public var isCurrent: Bool {
        guard let threadID = condition.withLock({ threadID }) else { return false }
        return pthread_equal(threadID, pthread_self()) != 0
    }

    private func runJobs() {
        while true {
            condition.lock()
            while head == jobs.count && !stopping { condition.wait() }
            if head == jobs.count {
                finished = true
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedSerialExecutor())
        }
    }
}
