@testable import WebimServer
import Testing

/// `simulate` ends a bot-api-2 step after a quiet period without calls — counted only while it was
/// watching, so a stalled process does not end a step its bot is still answering.
@Suite struct QuietWatchTests {
    let start = ContinuousClock.now

    @Test func quietGrowsWithEachCheckAndACallStartsItAgain() {
        var watch = QuietWatch(now: start)
        watch.check(callsArrived: false, now: start + .milliseconds(5))
        #expect(!watch.sawCall)
        #expect(watch.quiet == .zero)
        watch.check(callsArrived: true, now: start + .milliseconds(10))
        #expect(watch.sawCall)
        watch.check(callsArrived: false, now: start + .milliseconds(15))
        watch.check(callsArrived: false, now: start + .milliseconds(20))
        #expect(watch.quiet == .milliseconds(10))
        watch.check(callsArrived: true, now: start + .milliseconds(25))
        #expect(watch.quiet == .zero)
    }

    @Test func aStallCountsAsOnlyTheLongestUnwatchedTime() {
        var watch = QuietWatch(now: start)
        watch.check(callsArrived: true, now: start)
        // Five seconds without a check: the process was stalled, the bot with it.
        watch.check(callsArrived: false, now: start + .seconds(5))
        #expect(watch.quiet == QuietWatch.longestUnwatched)
        #expect(watch.quiet < .seconds(2))
    }
}
