import Foundation

/// `--watch`: notices when a file of the bot project or a recording changes, the offline twin of
/// JAICP's automatic deployment. It polls modification times and sizes (no inotify: portable, and a
/// bot project is small) and reports a change only once the files have stopped changing for the
/// debounce interval, so an editor's save-in-several-writes runs the suite once.
///
/// ```swift
/// var watcher = ChangeWatcher(roots: ["Recordings", "bots/shop"])
/// let changed = watcher.poll()        // paths changed since the last poll, [] when none
/// ```
public struct ChangeWatcher: Sendable {
    public let roots: [String]
    private var known: [String: FileStamp]

    struct FileStamp: Equatable, Sendable {
        var modified: Date
        var size: Int
    }

    public init(roots: [String]) {
        self.roots = roots
        known = Self.scan(roots)
    }

    /// Files added, removed or modified since the last poll, sorted.
    public mutating func poll() -> [String] {
        let now = Self.scan(roots)
        var changed: Set<String> = []
        for (path, stamp) in now where known[path] != stamp { changed.insert(path) }
        for path in known.keys where now[path] == nil { changed.insert(path) }
        known = now
        return changed.sorted()
    }

    /// Waits (polling every `interval`) until something changes and then stays unchanged for
    /// `debounce`; returns what changed. Returns nil when the task is cancelled.
    public mutating func next(interval: Duration = .milliseconds(400), debounce: Duration = .milliseconds(300)) async -> [String]? {
        var changed: Set<String> = []
        while !Task.isCancelled {
            try? await Task.sleep(for: changed.isEmpty ? interval : debounce)
            let now = poll()
            if now.isEmpty, !changed.isEmpty { return changed.sorted() }
            changed.formUnion(now)
        }
        return nil
    }

    /// The same, blocking the calling thread (commands that are not async).
    public mutating func waitForChange(interval: TimeInterval = 0.4, debounce: TimeInterval = 0.3) -> [String] {
        var changed: Set<String> = []
        while true {
            Thread.sleep(forTimeInterval: changed.isEmpty ? interval : debounce)
            let now = poll()
            if now.isEmpty, !changed.isEmpty { return changed.sorted() }
            changed.formUnion(now)
        }
    }

    /// Every regular file under the roots, skipping hidden entries (`.git`, `.build`, `.journal`)
    /// and the reports folder.
    static func scan(_ roots: [String]) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        let manager = FileManager.default
        for root in roots {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            let paths: [String]
            if isFolder.boolValue {
                var found: [String] = []
                let enumerator = manager.enumerator(at: URL(fileURLWithPath: root), includingPropertiesForKeys: nil,
                                                    options: [.skipsHiddenFiles])
                while let url = enumerator?.nextObject() as? URL {
                    if url.lastPathComponent == "Reports" { enumerator?.skipDescendants(); continue }
                    found.append(url.path)
                }
                paths = found
            } else {
                paths = [root]
            }
            for path in paths {
                guard let attributes = try? manager.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                stamps[path] = FileStamp(modified: attributes[.modificationDate] as? Date ?? .distantPast,
                                         size: (attributes[.size] as? Int) ?? 0)
            }
        }
        return stamps
    }
}
