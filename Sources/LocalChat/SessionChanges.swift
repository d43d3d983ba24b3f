import ConformJSON
import OrderedCollections

/// What changed in `$session` (or `$client`) between two turns, key by key, as transcript lines:
/// `$session.turns = 2 (was 1)`, `$session.orderNumber = "12345"`, `$session.misses deleted`.
/// Only top-level keys: the person watching wants to see which variable moved, and the value shows
/// the rest.
public enum SessionChanges {
    /// The runtime's own bookkeeping in `$session` (as on JAICP): it moves every turn and would
    /// bury the bot's variables, so the per-turn lines leave it out (`/session` shows it).
    public static let bookkeeping: Set<String> = ["contextPath", "transitions", "transitionsHistory", "smartRandom"]

    public static func lines(from before: JSONValue?, to after: JSONValue?, name: String = "$session",
                             hiding hidden: Set<String> = []) -> [String] {
        let old = (before?.objectValue ?? [:]).filter { !hidden.contains($0.key) }
        let new = (after?.objectValue ?? [:]).filter { !hidden.contains($0.key) }
        var lines: [String] = []
        for (key, value) in new {
            if let previous = old[key] {
                if previous != value { lines.append("\(name).\(key) = \(JSONWriter.compact(value)) (was \(JSONWriter.compact(previous)))") }
            } else {
                lines.append("\(name).\(key) = \(JSONWriter.compact(value))")
            }
        }
        for key in old.keys where new[key] == nil {
            lines.append("\(name).\(key) deleted")
        }
        return lines
    }
}
