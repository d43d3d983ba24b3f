import Foundation

/// CPU time of the calling thread: the same measure JavaScriptCore's watchdog uses, so a turn's budget
/// is not eaten by time the thread spent waiting for a core.
enum CPUClock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// The monotonic wall clock (read without a system call): a thread's CPU time never runs ahead of
/// it, so a turn still under its limit on this clock is under it in CPU time too.
enum WallClock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
