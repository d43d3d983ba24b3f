import ArgumentParser

/// The `conform` command: record, replay and report Webim ⇄ JAICP bot conversations offline.
@main
struct Conform: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conform",
        abstract: "Record, replay and report Webim ⇄ JAICP bot conversations offline.",
        discussion: """
            conform records real Webim ⇄ bot HTTP exchanges, replays them against a JAICP bot project's own
            scripts, and reports (JUnit XML, readable diffs) where today's bot differs.

            Examples:
              conform check path/to/bot            Load a JAICP project and list every problem.
              conform --version                    Print the version.
            """,
        version: ConformVersion.current,
        subcommands: ConformVersion.subcommands
    )
}
