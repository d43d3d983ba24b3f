import ArgumentParser
import Foundation

/// The `conform` command: record, replay and report Webim ⇄ JAICP bot conversations offline.
@main
struct Conform: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conform",
        abstract: "Record, replay and report Webim ⇄ JAICP bot conversations offline.",
        discussion: """
            conform records Webim ⇄ bot HTTP exchanges, replays them against a JAICP bot project's own scripts, and reports (JUnit XML, readable diffs) where today's bot differs.

            Examples:
              conform replay Recordings/
              conform record --bot BOT --script chat.yaml --out Recordings/chat.json
              conform test path/to/bot --bot-module sys.zb-common=../zb-common
              conform check path/to/bot
              conform serve --bot BOT --webim-api http://127.0.0.1:8081
              conform simulate --webhook http://127.0.0.1:8080/ --script chat.yaml
            """,
        version: ConformVersion.current,
        subcommands: ConformVersion.subcommands
    )

    /// ArgumentParser ends a bad command line with 64 (EX_USAGE); conform promises 2 for every usage
    /// error (`--jobs abc`, `--shard 5/4`), whether the parser or a command found it.
    static func main() async {
        // Output piped into `head` or a pager that quits early must not kill a run before it writes
        // its reports: a write to the closed pipe fails (and is dropped) instead of raising SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                try? FileHandle.standardError.write(contentsOf: Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
