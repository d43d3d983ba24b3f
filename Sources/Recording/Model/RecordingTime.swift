import Foundation

/// Times in recordings: ISO 8601 with or without fractional seconds (`2026-11-25T10:00:00.120Z`).
public enum RecordingTime {
    /// Epoch milliseconds, or nil when the text is not an ISO 8601 date-time.
    public static func milliseconds(_ text: String) -> Double? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return (date.timeIntervalSince1970 * 1000).rounded() }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return (date.timeIntervalSince1970 * 1000).rounded() }
        return nil
    }

    /// `2026-11-25T10:00:00.120Z`.
    public static func string(milliseconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: milliseconds / 1000))
    }
}
