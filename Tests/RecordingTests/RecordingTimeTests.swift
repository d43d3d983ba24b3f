import Foundation
@testable import Recording
import Testing

/// Turn times are read without Foundation's formatter in the common case; the result must be the
/// formatter's exactly.
@Suite struct RecordingTimeTests {
    static func viaFormatter(_ text: String) -> Double? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return (date.timeIntervalSince1970 * 1000).rounded() }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text).map { ($0.timeIntervalSince1970 * 1000).rounded() }
    }

    @Test(arguments: ["2026-11-25T10:00:00.120Z", "2026-11-25T10:00:00Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z",
                      "2026-11-25T13:00:00.5+03:00", "2026-01-01T00:30:00-05:30", "2000-03-01T00:00:00.000Z",
                      "1969-12-31T23:59:59Z"])
    func theFastPathAgreesWithTheFormatter(_ text: String) throws {
        let fast = try #require(InternetDateTime.milliseconds(text))
        #expect(fast == Self.viaFormatter(text))
        #expect(RecordingTime.milliseconds(text) == fast)
    }

    @Test func knownValues() {
        #expect(RecordingTime.milliseconds("2026-11-25T10:00:00.120Z") == 1_795_600_800_120)
        #expect(RecordingTime.milliseconds("2026-11-25T13:00:00+03:00") == 1_795_600_800_000)
    }

    @Test(arguments: ["2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-25 10:00:00Z", "2026-11-25T10:00:00",
                      "2026-11-25T24:00:00Z", "2026-11-25T10:00:00.Z", "yesterday", ""])
    func notADateTimeIsNil(_ text: String) {
        #expect(InternetDateTime.milliseconds(text) == nil)
        #expect(RecordingTime.milliseconds(text) == Self.viaFormatter(text))
    }
}
