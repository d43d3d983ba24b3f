import Foundation

/// Runs async work to completion from a replay worker. Workers are plain threads (each owns a
/// JavaScriptCore engine), never Swift concurrency's own, so waiting here starves nothing the work
/// needs: the HTTP runs on NIO's event loops and the bot on `serve`'s turn thread.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.value = await body()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// The result handed from the task to the waiting thread; the semaphore orders the two accesses.
private final class Box<T>: @unchecked Sendable {
    var value: T?
}
