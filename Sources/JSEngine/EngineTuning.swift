import Foundation

/// JavaScriptCore options conform sets before the first engine starts (JSC reads its `JSC_*`
/// environment variables once, when its first VM is made). A value the user already set wins.
///
/// - `useDFGJIT=false`: every conversation is a fresh global object, so JSC's optimizing tier compiled
///   the same hot runtime functions again for each one and threw the code away with the context; with
///   the baseline JIT only, `conform-bench-runtime` ran 1.5× as many turns a second (3,700 → 5,400–6,050)
///   and replay spent no CPU in JIT worker threads. Set `JSC_useDFGJIT=true` to compare.
/// - `useConcurrentGC=false`: replay keeps every core busy with one worker each, and each worker drops
///   a context per recording; JSC's concurrent marking then adds threads that compete with the workers
///   for the same cores. Collecting on the worker's own thread made `conform-bench-replay --jobs 2`
///   8–15% faster in wall and CPU time (three runs each way, alternated). `JSC_useConcurrentGC=true`
///   to compare.
enum EngineTuning {
    static let applied: Void = {
        setenv("JSC_useDFGJIT", "false", 0)
        setenv("JSC_useConcurrentGC", "false", 0)
    }()
}
