import ConformConcurrency
import BotRuntime
import BotScript

/// Each bot project loaded and compiled once per run, shared read-only by every worker.
public final class BotCache: Sendable {
    public enum Entry: Sendable {
        case ready(CompiledBot)
        /// The project cannot be loaded or has errors: every recording using it is an error.
        case broken(String)
        /// No JAICP project is there (no chatbot.yaml): whoever named the path named the wrong one.
        case notAProject(String)
    }

    private let modules: [String: String]
    private let entries = Locked<[String: Entry]>([:])

    public init(modules: [String: String]) { self.modules = modules }

    /// The bot at `path`; `suiteModules` (a `conform.yaml`'s `botModules`) add to the run's mappings.
    /// Two workers may compile the same bot at once; the first result is kept.
    public func bot(at path: String, suiteModules: [String: String] = [:]) -> Entry {
        entries.value(for: path) { compile(path, suiteModules: suiteModules) }
    }

    private func compile(_ path: String, suiteModules: [String: String]) -> Entry {
        let entry: Entry
        do {
            let project = try ProjectLoader(modules: suiteModules.merging(modules) { _, run in run }).load(at: path)
            let bot = CompiledBot(project: project)
            let errors = bot.allDiagnostics.filter { $0.severity == .error }
            if errors.isEmpty {
                entry = .ready(bot)
            } else {
                let listed = errors.prefix(5).map { $0.description }.joined(separator: "\n")
                entry = .broken("the bot at \(path) has \(errors.count) error\(errors.count == 1 ? "" : "s") (run `conform check \(path)`):\n\(listed)")
            }
        } catch .notAProject {
            entry = .notAProject(ProjectLoader.Failure.notAProject(path: path).description)
        } catch {
            entry = .broken("\(error)")
        }
        return entry
    }
}
