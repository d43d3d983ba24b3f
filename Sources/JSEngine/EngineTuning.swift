import Foundation
import Synchronization

/// JavaScriptCore options conform sets before the first engine starts (JSC reads its `JSC_*`
/// environment variables once, when its first VM is made). A value the user already set wins.
///
/// - `useDFGJIT=false`: every conversation is a fresh global object, so JSC's optimizing tier compiled
///   the same hot runtime functions again for each one and threw the code away with the context; with
///   the baseline JIT only, `conform-bench-runtime` ran 1.5× as many turns a second (3,700 → 5,400–6,050)
///   and replay spent no CPU in JIT worker threads. Set `JSC_useDFGJIT=true` to compare.
/// - `useConcurrentGC=false`, only when a run keeps every core busy with a worker of its own
///   (`JSEngine.prepare(workers:)`): each worker drops a context per recording, and JSC's concurrent
///   marking threads then compete with the workers for the same cores; collecting on the worker's
///   thread made `conform-bench-replay --jobs 2` 8–15% faster in wall and CPU time (three runs each
///   way, alternated). With a core to spare (one worker on two cores) concurrent marking is free
///   parallelism, so it stays on.
/// - `smallHeapSize=2097152` (2 MiB; JSC's default is 1 MiB): a small heap is collected each time about
///   that much has been allocated, and replay makes and drops a whole global object per recording, so
///   it collected two or three times a recording. With 2 MiB, replaying 40 recordings under callgrind
///   took 9% fewer instructions (748 → 681 million) for about 15 MiB more peak memory in
///   `conform-bench-replay --jobs 2` (4 MiB saved 14% but cost 60 MiB).
/// - `thresholdForJITAfterWarmUp`/`thresholdForJITSoon=100000` (JSC: 500/100), only for runs of many
///   short conversations (`JSEngine.prepare(workers:)`: replay, XML tests): code is baseline-compiled
///   per global object, so a function called a few dozen times in an 8-turn recording was compiled
///   and its inline caches built for that one context, then thrown away. With the higher threshold
///   (a function runs ~6,700 times, or a loop iterates 100,000 times, before it is compiled) replaying
///   100 recordings under callgrind took 18% fewer instructions (1.85 → 1.52 billion; with the
///   baseline JIT off altogether 1.51) and 300 recordings `--jobs 1` 16–18% less CPU (six runs each,
///   alternated). A script that loops for real still gets compiled: a turn looping 3 million times
///   took 0.28 s of CPU against 0.23–0.27 s by default, and 0.6 s with the baseline JIT off. Long
///   conversations (`conform-bench-runtime`, 100 turns each) are 5–8% faster with JSC's defaults,
///   so single conversations (chat, serve, record) keep them.
enum EngineTuning {
    static let applied: Void = {
        setenv("JSC_useDFGJIT", "false", 0)
        setenv("JSC_smallHeapSize", "2097152", 0)
        started.store(true, ordering: .releasing)
    }()

    /// Whether an engine has started: JSC has read its options then, and changing the environment
    /// again would only race with other threads reading it.
    private static let started = Atomic<Bool>(false)

    static func prepare(workers: Int) {
        guard !started.load(ordering: .acquiring) else { return }
        if workers >= ProcessInfo.processInfo.activeProcessorCount {
            setenv("JSC_useConcurrentGC", "false", 0)
        }
        setenv("JSC_thresholdForJITAfterWarmUp", "100000", 0)
        setenv("JSC_thresholdForJITSoon", "100000", 0)
        EngineTuning.applied
    }
}

extension JSEngine {
    /// Tunes JavaScriptCore for a run of many short conversations (replay, XML tests) on `workers`
    /// engines at once, before the process's first engine starts (later calls change nothing): code is
    /// compiled only when it runs hot within one conversation, and a run with a worker per core
    /// collects garbage on the workers' own threads.
    public static func prepare(workers: Int) {
        EngineTuning.prepare(workers: workers)
    }
}
