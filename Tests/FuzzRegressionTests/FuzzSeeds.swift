import ConformJSON
import Foundation

/// `Fuzz/seeds.txt`: which repository files seed each fuzz target (scripts/fuzz reads the same file),
/// so the seeds are the fixtures as they are today, not copies that drift from them.
struct FuzzSeeds {
    struct Line {
        var target: String
        /// A path or a one-folder `*` glob from the repository root; `webhooks-of …` for recordings'
        /// webhook bodies.
        var pattern: String
    }

    let repository: String
    let lines: [Line]

    init(listing path: String) throws {
        repository = Self.repository(of: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        lines = text.split(separator: "\n").compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return fields.count == 2 ? Line(target: fields[0], pattern: fields[1]) : nil
        }
    }

    /// The repository root, from the `Fuzz` folder.
    static func repository(of fuzzFolder: String) -> String {
        URL(fileURLWithPath: fuzzFolder).deletingLastPathComponent().standardizedFileURL.path
    }

    func seeds(for target: String) throws -> [(name: String, bytes: [UInt8])] {
        var seeds: [(name: String, bytes: [UInt8])] = []
        for line in lines where line.target == target {
            if line.pattern.hasPrefix("webhooks-of ") {
                for file in Self.expand(String(line.pattern.dropFirst("webhooks-of ".count)), in: repository) {
                    let recording = try JSONParser.parse(String(contentsOfFile: file, encoding: .utf8))
                    for (index, turn) in (recording["turns"]?.arrayValue ?? []).enumerated() {
                        guard let body = turn["webhook"]?["request"]?["body"] else { continue }
                        seeds.append(("\(URL(fileURLWithPath: file).lastPathComponent)#\(index)", Array(JSONWriter.compact(body).utf8)))
                    }
                }
            } else {
                for file in Self.expand(line.pattern, in: repository) {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    seeds.append((String(file.dropFirst(repository.count + 1)), [UInt8](data)))
                }
            }
        }
        return seeds
    }

    /// The files a path with `*` in its components names, sorted.
    static func expand(_ pattern: String, in root: String) -> [String] {
        var paths = [root]
        for component in pattern.split(separator: "/").map(String.init) {
            paths = paths.flatMap { folder -> [String] in
                guard component.contains("*") else { return [folder + "/" + component] }
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                return names.sorted().filter { !$0.hasPrefix(".") && fnmatch(component, $0, 0) == 0 }.map { folder + "/" + $0 }
            }
        }
        return paths.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
}
