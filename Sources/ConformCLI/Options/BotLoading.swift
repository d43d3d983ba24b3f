import ArgumentParser
import BotRuntime
import BotScript
import WebimChannel
import WebimProtocol

extension BotModuleOptions {
    /// Loads and compiles the project at `path`; a usage error (exit 2) when it cannot be loaded or
    /// has errors. `display` is the path the user gave (with `--ref`, `path` is a temporary copy).
    func compile(_ path: String, shownAs display: String? = nil) throws -> CompiledBot {
        let project: BotProject
        do {
            project = try ProjectLoader(modules: modules()).load(at: path)
        } catch {
            emitError("error: \(error)")
            throw ExitCode(2)
        }
        let compiled = CompiledBot(project: project)
        let errors = compiled.allDiagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            emitError("error: the bot has errors (run `conform check \(display ?? path)`):\n"
                      + errors.prefix(5).map(\.description).joined(separator: "\n"))
            throw ExitCode(2)
        }
        return compiled
    }
}

extension WebimChannelConfiguration {
    /// The adapter as `--channel-type` and `--dialect auto|bot-api-1|bot-api-2` ask; a usage error
    /// for an unknown dialect.
    static func fromOptions(channelType: String, dialect: String) throws -> WebimChannelConfiguration {
        var channel = WebimChannelConfiguration()
        channel.channelType = channelType
        switch dialect {
        case "auto": channel.dialect = nil
        case let name where WebimDialect(name).isKnown: channel.dialect = WebimDialect(name)
        default:
            emitError("error: --dialect must be auto, bot-api-1 or bot-api-2, got '\(dialect)'")
            throw ExitCode(2)
        }
        return channel
    }
}
