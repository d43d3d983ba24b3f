import CJavaScriptCore
#if canImport(Glibc)
import Glibc
#endif

/// JavaScriptCore's API lock, held by conform across many calls (`JSEngine.withLockHeld`).
///
/// Every C API call (making a string, protecting a value, calling a function) takes the VM's lock and
/// releases it, and the outermost release does real work: it drains the microtask queue, releases
/// heap access and resets the stack bounds. In `conform-bench-runtime` that was about 400
/// instructions per call and 9% of all instructions (callgrind: `JSLockHolder` and its destructor
/// together 464 of 5,128 million). Holding the lock from outside makes each call's own lock a counter
/// increment — what WebKit itself does around its many calls.
///
/// The C API has no lock function, so the lock is taken through `JSC::JSLockHolder`'s exported
/// constructor and destructor (a `JSContextGroupRef` is JavaScriptCore's `VM*`). They are looked up
/// at run time: a JavaScriptCore without them runs every call unheld, as before, and only slower.
///
/// While conform holds the lock JavaScriptCore no longer drains promise jobs after each call, so the
/// engine drains them itself after each top-level entry (`VM::drainMicrotasks`, what the release would
/// have run): a `scriptEs6:` body's awaits still settle before the call that ran it returns.
struct JSAPILock {
    private typealias Construct = @convention(c) (UnsafeMutableRawPointer, OpaquePointer) -> Void
    private typealias Destruct = @convention(c) (UnsafeMutableRawPointer) -> Void
    private typealias Drain = @convention(c) (OpaquePointer) -> Void

    private let construct: Construct
    private let destruct: Destruct
    private let drain: Drain

    /// Room for a `JSLockHolder` (one `RefPtr<VM>`; generously sized).
    static let holderSize = 64

    /// The exported functions, or nil when this JavaScriptCore does not export them.
    static let available: JSAPILock? = {
        guard let process = dlopen(nil, RTLD_NOW) else { return nil }
        // `JSC::JSLockHolder::JSLockHolder(JSC::VM*)`, `JSC::JSLockHolder::~JSLockHolder()`,
        // `JSC::VM::drainMicrotasks()`: on x86-64 and arm64 a C++ member function takes `this` first.
        guard let construct = dlsym(process, "_ZN3JSC12JSLockHolderC1EPNS_2VME"),
              let destruct = dlsym(process, "_ZN3JSC12JSLockHolderD1Ev"),
              let drain = dlsym(process, "_ZN3JSC2VM15drainMicrotasksEv") else { return nil }
        return JSAPILock(construct: unsafeBitCast(construct, to: Construct.self),
                         destruct: unsafeBitCast(destruct, to: Destruct.self),
                         drain: unsafeBitCast(drain, to: Drain.self))
    }()

    /// Takes the lock of `group`'s VM into `holder` (recursively: nested holds are counted).
    func acquire(_ holder: UnsafeMutableRawPointer, group: JSContextGroupRef) {
        construct(holder, group)
    }

    /// Releases a hold taken with `acquire`; the last release drains promise jobs, as JavaScriptCore does.
    func release(_ holder: UnsafeMutableRawPointer) {
        destruct(holder)
    }

    /// Runs the promise jobs queued so far. Only with the lock held and no JavaScript on the stack.
    func drainMicrotasks(group: JSContextGroupRef) {
        drain(group)
    }
}
