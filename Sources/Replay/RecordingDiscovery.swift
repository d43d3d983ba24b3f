import Foundation
import Recording

/// Finds the recording files under the paths `conform replay` is given: every `*.json` in them
/// (recursively, hidden folders such as `.journal/` skipped), minus `conform.yaml`'s `exclude:`
/// globs, in a stable order.
public struct RecordingDiscovery: Sendable {
    public struct Candidate: Sendable, Equatable {
        /// Absolute path.
        public var path: String
        /// Path relative to the folder it was found under (or the file name for files given directly).
        public var relative: String
        /// The path as the user would type it (relative to the working directory when possible).
        public var display: String
        /// The folder of recordings it belongs to (its `<testsuite>` and JUnit `classname`): the folder
        /// given on the command line by its own name, then the subfolders down to the file
        /// (`Recordings/demo`), or the parent folder's name for a file given directly — the same
        /// whatever the working directory or however the folder was written (`.`, absolute), so
        /// shards run from different places merge into the same classes.
        public var folder: String
    }

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case missing(String)
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing(let path): "\(path) does not exist"
            case .unreadable(let path): "\(path) cannot be read"
            }
        }
    }

    public var exclude: [Glob]

    public init(exclude: [Glob] = []) { self.exclude = exclude }

    public func find(_ paths: [String]) throws(Problem) -> [Candidate] {
        var found: [Candidate] = []
        var seen: Set<String> = []
        let cwd = FileManager.default.currentDirectoryPath
        for given in paths {
            let absolute = URL(fileURLWithPath: given, relativeTo: URL(fileURLWithPath: cwd)).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else { throw .missing(given) }
            if !isDirectory.boolValue {
                if seen.insert(absolute).inserted {
                    let folder = ((absolute as NSString).deletingLastPathComponent as NSString).lastPathComponent
                    found.append(Candidate(path: absolute, relative: (absolute as NSString).lastPathComponent,
                                           display: Self.display(absolute, cwd: cwd), folder: folder))
                }
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: absolute) else { throw .unreadable(given) }
            var files: [String] = []
            while let item = enumerator.nextObject() as? String {
                let components = item.split(separator: "/")
                if components.contains(where: { $0.hasPrefix(".") }) { continue }
                guard item.lowercased().hasSuffix(".json") else { continue }
                if exclude.contains(where: { $0.matches(item) }) { continue }
                files.append(item)
            }
            let root = (absolute as NSString).lastPathComponent
            for item in files.sorted() {
                let path = absolute + "/" + item
                guard seen.insert(path).inserted else { continue }
                let subfolder = (item as NSString).deletingLastPathComponent
                let folder = subfolder.isEmpty ? root : root + "/" + subfolder
                found.append(Candidate(path: path, relative: item, display: Self.display(path, cwd: cwd), folder: folder))
            }
        }
        return found
    }

    static func display(_ path: String, cwd: String) -> String {
        path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// `--shard k/n`: a recording belongs to shard `k` when a stable hash of its relative path says so,
    /// so adding a recording never moves the others between shards.
    public static func inShard(_ candidate: Candidate, index: Int, of count: Int) -> Bool {
        guard count > 1 else { return true }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in candidate.relative.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(count)) == index - 1
    }
}
