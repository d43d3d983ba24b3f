import Foundation

/// The live line a long run shows on a terminal — `replaying 120/1000 · 3 failed` — rewritten in
/// place (a carriage return, the text, then "erase to the end of the line") as cases finish, at most
/// every `interval` (the last one always), and wiped before the results are printed. Made only for a
/// terminal and without `--quiet`: a CI log then gets the result lines and nothing else.
///
/// ```swift
/// let line = ProgressLine(verb: "replaying", enabled: isatty(STDOUT_FILENO) == 1 && !quiet)
/// line?.show(done: 120, total: 1000, failed: 3, errors: 0)   // "\rreplaying 120/1000 · 3 failed\e[K"
/// line?.clear()
/// ```
public final class ProgressLine: @unchecked Sendable {
    // Cases finish on several worker threads at once; `lock` guards the rest.
    private let lock = NSLock()
    private let verb: String
    private let interval: Duration
    private let write: @Sendable (String) -> Void
    private var drawnDone = 0
    private var drawnAt: ContinuousClock.Instant?
    private var drawnText = ""
    private var visible = false

    /// Nil when not `enabled`, so callers write `line?.show(…)`.
    public init?(verb: String, enabled: Bool, interval: Duration = .milliseconds(100),
                 write: @escaping @Sendable (String) -> Void = ProgressLine.standardOutput) {
        guard enabled else { return nil }
        self.verb = verb
        self.interval = interval
        self.write = write
    }

    /// Unbuffered, so the terminal shows each state at once.
    public static let standardOutput: @Sendable (String) -> Void = { try? FileHandle.standardOutput.write(contentsOf: Data($0.utf8)) }

    public static func text(verb: String, done: Int, total: Int, failed: Int, errors: Int) -> String {
        var text = "\(verb) \(done)/\(total)"
        if failed > 0 { text += " · \(failed) failed" }
        if errors > 0 { text += " · \(errors) error\(errors == 1 ? "" : "s")" }
        return text
    }

    public func show(done: Int, total: Int, failed: Int, errors: Int) {
        lock.withLock {
            // Reports from worker threads can arrive out of order: never go backwards.
            guard done > drawnDone else { return }
            let now = ContinuousClock.now
            if done < total, let drawnAt, now - drawnAt < interval { return }
            drawnDone = done
            drawnAt = now
            visible = true
            drawnText = "\r" + Self.text(verb: verb, done: done, total: total, failed: failed, errors: errors) + "\u{1B}[K"
            write(drawnText)
        }
    }

    /// Prints `text` (lines, a line break added) where the live line is, and draws the live line again
    /// below it: results scroll up while the count stays at the bottom.
    public func print(above text: String) {
        lock.withLock {
            write((visible ? "\r\u{1B}[K" : "") + text + "\n" + (visible ? drawnText : ""))
        }
    }

    /// Wipes the line, so what is printed next starts on a clean one.
    public func clear() {
        lock.withLock {
            guard visible else { return }
            visible = false
            write("\r\u{1B}[K")
        }
    }
}
