import ArgumentParser

/// The `conform` command: record, replay and report Webim ⇄ JAICP bot conversations offline.
@main
struct Conform: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conform",
        abstract: "Record, replay and report Webim ⇄ JAICP bot conversations offline.",
        discussion: """
            conform records Webim ⇄ bot HTTP exchanges, replays them against a JAICP bot project's own scripts, and reports (JUnit XML, readable diffs) where today's bot differs.

            Examples:
              conform replay Recordings/                      replay every recording, write Reports/junit.xml
              conform record --bot BOT --script chat.yaml     record a scripted Webim conversation
              conform test path/to/bot                        run the bot's own XML autotests offline
              conform check path/to/bot                       list every problem of a bot project
              conform serve --bot BOT                         the bot behind a Webim webhook
            """,
        version: ConformVersion.current,
        subcommands: ConformVersion.subcommands
    )
}
