import CJavaScriptCore

/// Keeps one global context alive for as long as any `ScriptValue` made in it exists, so a value that
/// outlives `JSEngine.reset()` is still safe to read and release.
final class JSContextHandle {
    let ref: JSGlobalContextRef

    init(group: JSContextGroupRef) {
        ref = JSGlobalContextCreateInGroup(group, nil)
    }

    init(retaining ctx: JSContextRef) {
        ref = JSContextGetGlobalContext(ctx)
        JSGlobalContextRetain(ref)
    }

    deinit { JSGlobalContextRelease(ref) }
}
