import BotRuntime
import BotScript
import ConformJSON
import Foundation
import JSEngine

enum Bots {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var demo: String { repository.appendingPathComponent("Recordings/bots/demo").path }
    static func fixture(_ name: String) -> String {
        repository.appendingPathComponent("Tests/BotScriptTests/Fixtures/\(name)").path
    }

    static func compile(_ path: String) throws -> CompiledBot {
        CompiledBot(project: try ProjectLoader().load(at: path))
    }
}

/// A bot written inline: `main` is `src/main.sc`.
final class InlineBot {
    let root: URL
    let bot: CompiledBot

    init(_ main: String, files: [String: String] = [:], yaml: String = "name: t\nentryPoint: main.sc\n") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-rt-\(UUID().uuidString)")
        var all = files
        all["chatbot.yaml"] = yaml
        all["src/main.sc"] = main
        for (path, text) in all {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        bot = CompiledBot(project: try ProjectLoader().load(at: root.path))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func conversation(_ options: RuntimeOptions = RuntimeOptions()) throws -> Conversation {
        try Conversation(bot: bot, engine: JSEngine(), options: options)
    }
}

extension TurnResult {
    /// The texts of the text replies.
    var texts: [String] { replies.compactMap { $0["type"] == "text" ? $0["text"]?.stringValue : nil } }
}

/// 2026-11-25 10:00:00 UTC.
let noon: Double = 1_764_064_800_000
