import BotScript
import Foundation

/// Folders of the projects written for these tests, and a way to make small ones on the fly.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    static var demoBot: String { repository.appendingPathComponent("Recordings/bots/demo").path }

    static func load(_ name: String, modules: [String: String] = [:]) throws -> BotProject {
        try ProjectLoader(modules: modules).load(at: path(name))
    }
}

/// A project written to a fresh temporary folder; removed when the value is released.
final class TemporaryProject {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-test-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// A project with a one-line chatbot.yaml and `src/main.sc` = `main`.
    convenience init(main: String, files: [String: String] = [:]) throws {
        var all = files
        all["chatbot.yaml"] = all["chatbot.yaml"] ?? "name: t\nentryPoint: main.sc\n"
        all["src/main.sc"] = main
        try self.init(all)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func load(modules: [String: String] = [:]) throws -> BotProject {
        try ProjectLoader(modules: modules).load(at: root.path)
    }
}

func parse(_ text: String, file: String = "src/main.sc") -> (nodes: [ScNode], diagnostics: [Diagnostic]) {
    ScParser.parse(SourceText(file: file, text: text))
}
