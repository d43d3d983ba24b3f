import Foundation

/// The clock of a test run: `<dateTime>` values read in one zone (JAICP's test runner reads them as
/// Moscow time, UTC+3; configurable), and the time requests carry when a case sets none.
public enum TestClock {
    /// UTC+3, the zone old platform tests read `<dateTime>` in.
    public static let defaultZone = TimeZone(secondsFromGMT: 3 * 3600)!

    /// `2018-01-29 10:15:00` (also without seconds, with a `T`, or a date alone) in `zone` → epoch ms.
    public static func parse(_ text: String, zone: TimeZone) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for pattern in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm",
                        "yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = pattern
            if let date = formatter.date(from: trimmed) { return (date.timeIntervalSince1970 * 1000).rounded() }
        }
        return nil
    }

    /// `+03:00`, `UTC+3`, `-0530`, `Z`, `UTC` or an IANA name (`Europe/Moscow`) → a zone.
    public static func zone(named text: String) -> TimeZone? {
        let name = text.trimmingCharacters(in: .whitespaces)
        if name == "Z" || name.uppercased() == "UTC" || name.uppercased() == "GMT" { return TimeZone(secondsFromGMT: 0) }
        var rest = Substring(name)
        for prefix in ["UTC", "GMT"] where rest.uppercased().hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        if let sign = rest.first, sign == "+" || sign == "-" {
            let digits = rest.dropFirst()
            var hours = 0, minutes = 0
            if let colon = digits.firstIndex(of: ":") {
                guard let h = Int(digits[..<colon]), let m = Int(digits[digits.index(after: colon)...]) else { return nil }
                (hours, minutes) = (h, m)
            } else if digits.count == 4, let n = Int(digits) {
                (hours, minutes) = (n / 100, n % 100)
            } else if let h = Int(digits) {
                hours = h
            } else {
                return nil
            }
            guard hours <= 14, minutes < 60 else { return nil }
            let seconds = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
            return TimeZone(secondsFromGMT: seconds)
        }
        return TimeZone(identifier: name)
    }

    /// The `TZ` value that makes the process's local time `zone`, so a bot's `new Date().getHours()`
    /// reads the hour its test's `<dateTime>` was written in rather than the host's: the zone's IANA
    /// name, `Etc/GMT-3` for a whole-hour offset (the sign is POSIX's, inverted), else a named zone
    /// that keeps that offset all year (`Asia/Kolkata` for +05:30) — JavaScriptCore reads the zone
    /// through ICU, which ignores POSIX's `<+0530>-05:30`. `nil` when no zone has the offset.
    public static func environmentValue(for zone: TimeZone) -> String? {
        if TimeZone(identifier: zone.identifier) != nil, !zone.identifier.hasPrefix("GMT") { return zone.identifier }
        let seconds = zone.secondsFromGMT()
        if seconds == 0 { return "UTC" }
        if seconds % 3600 == 0 { return "Etc/GMT" + (seconds < 0 ? "+" : "-") + String(abs(seconds) / 3600) }
        return TimeZone.knownTimeZoneIdentifiers.sorted().first { name in
            guard let candidate = TimeZone(identifier: name) else { return false }
            return candidate.secondsFromGMT() == seconds && candidate.nextDaylightSavingTimeTransition == nil
        }
    }
}
