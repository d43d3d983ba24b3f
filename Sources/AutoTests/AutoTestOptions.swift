import BotRuntime
import Foundation

/// How `conform test` runs a project's XML autotests.
public struct AutoTestOptions: Sendable {
    /// What to do with text replies of a request that no `<a>` took before the next request (or the
    /// end of the case).
    public enum UnconsumedReplies: String, Sendable, CaseIterable {
        /// The case fails: JAICP's documentation asks for an `<a>` for every bot reply.
        case fail
        /// Replies nobody checks are ignored.
        case ignore
    }

    /// The zone `<dateTime>` values are read in (UTC+3 by default, as JAICP's runner reads them).
    public var timeZone: TimeZone = TestClock.defaultZone
    /// `$request.channelType` of every request. JAICP's test runner is channel-neutral; conform sends
    /// `"test"` unless told otherwise.
    public var channelType = "test"
    /// `$request.channelUserId` of every request.
    public var channelUserId = "test-user"
    /// The clock (epoch ms) of requests before any `<dateTime>`: by default the moment the run started,
    /// as on JAICP, the same for every case so a run is consistent.
    public var now: Double = (Date().timeIntervalSince1970 * 1000).rounded()
    public var unconsumedReplies: UnconsumedReplies = .fail
    /// The runtime's options; `testMode` is always on (`testMode()` is true, `$context.testContext` set).
    public var runtime: RuntimeOptions = {
        var options = RuntimeOptions()
        options.testMode = true
        return options
    }()

    public init() {}
}
