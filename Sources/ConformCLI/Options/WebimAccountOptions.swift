import ArgumentParser
import BotScript
import Foundation
import WebimProtocol

/// The Webim account as JAICP's Webim channel settings name it: the domain, and the admin login
/// JAICP uses to read dialogs. The login is a secret: never printed, never written.
struct WebimAccountOptions: ParsableArguments {

    @Option(help: ArgumentHelp("The Webim account: its domain (examplecom for https://examplecom.webim.ru) or address.",
                               discussion: "The bot API base (/api/bot/v2/) is derived from it; --webim-api overrides.\nExample: --domain examplecom",
                               valueName: "DOMAIN"))
    var domain: String?

    @Option(help: ArgumentHelp("The Webim admin email (default: $WEBIM_EMAIL); a secret, never written.",
                               discussion: "Example: --email admin@example.com", valueName: "EMAIL"))
    var email: String?

    @Option(help: ArgumentHelp("The Webim admin password (default: $WEBIM_PASSWORD); a secret, never written.",
                               discussion: "Example: --password \"$STAGING_WEBIM_PASSWORD\"", valueName: "PASSWORD"))
    var password: String?

    /// The account named by --domain, or nil; a usage error when the domain is invalid.
    func account() throws -> WebimAccount? {
        try Self.account(domain)
    }

    static func account(_ domain: String?) throws -> WebimAccount? {
        guard let domain else { return nil }
        do {
            return try WebimAccount(domain)
        } catch {
            emitError("error: \(error)")
            throw ExitCode(2)
        }
    }

    /// The admin login: options first, then the environment.
    var credentials: (email: String?, password: String?) {
        let environment = ProcessInfo.processInfo.environment
        return (email ?? environment["WEBIM_EMAIL"], password ?? environment["WEBIM_PASSWORD"])
    }
}

/// `--ref REF`: run the bot project as it is at a git branch, tag or commit.
struct BotRefOption: ParsableArguments {
    @Option(help: ArgumentHelp("Run the bot project as it is at this git branch, tag or commit (default: the files as they are).",
                               discussion: "Read out with git archive into a temporary folder; the working tree is not touched.\nExample: --ref v1.4.0",
                               valueName: "REF"))
    var ref: String?

    /// The project at `--ref`, read into a temporary folder (the caller removes it), or nil
    /// without `--ref`; a usage error when the ref cannot be read.
    func checkout(_ project: String) throws -> BotRevision? {
        guard let ref else { return nil }
        do {
            return try BotRevision.checkout(project: project, ref: ref)
        } catch {
            emitError("error: \(error)")
            throw ExitCode(2)
        }
    }
}
