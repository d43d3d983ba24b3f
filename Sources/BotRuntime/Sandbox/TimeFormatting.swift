import Foundation

/// `$jsapi.dateForZone` / `timeForZone`: the turn's time in a named zone, formatted with a Java-style
/// pattern (`dd.MM.yyyy HH:mm`), which ICU's patterns share for the common letters.
enum TimeFormatting {
    static func zone(_ name: String) -> TimeZone? { TimeZone(identifier: name) }

    static func format(ms: Double, zone name: String, pattern: String?) -> String? {
        guard let zone = zone(name) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = pattern ?? "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: ms / 1000))
    }

    /// Milliseconds to add to UTC epoch time to get the zone's wall-clock time.
    static func offset(ms: Double, zone name: String) -> Double? {
        guard let zone = zone(name) else { return nil }
        return Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: ms / 1000))) * 1000
    }

    /// `"1h 30m"`, `"90s"`, `"2 minutes"` → seconds (the platform's timeout interval syntax).
    static func seconds(of text: String) -> Double? {
        var total = 0.0
        var number = ""
        var unit = ""
        var found = false
        func flush() -> Bool {
            guard !number.isEmpty, let n = Double(number) else { return number.isEmpty && unit.isEmpty }
            switch unit {
            case "h", "hour", "hours": total += n * 3600
            case "m", "min", "minute", "minutes": total += n * 60
            case "", "s", "sec", "second", "seconds": total += n
            default: return false
            }
            found = true
            number = ""
            unit = ""
            return true
        }
        for c in text.lowercased() {
            if c.isNumber || c == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(c)
            } else if c.isLetter {
                unit.append(c)
            } else if c == " " {
                continue
            } else {
                return nil
            }
        }
        guard flush(), found, total > 0 else { return nil }
        return total
    }
}
