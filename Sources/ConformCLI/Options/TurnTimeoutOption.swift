import ArgumentParser

/// `--turn-timeout SECONDS`: the CPU time a bot's turn may use before it is stopped. Some bots wait on
/// purpose (a busy loop that imitates typing), so the default 2 s is not for every bot.
struct TurnTimeoutOption: ParsableArguments {
    @Option(name: .customLong("turn-timeout"), help: ArgumentHelp("CPU seconds a bot turn may use.",
                                                                 discussion: "Example: --turn-timeout 5", valueName: "SECONDS"))
    var seconds: Double = 2

    mutating func validate() throws {
        guard seconds > 0, seconds.isFinite else { throw ValidationError("--turn-timeout must be more than 0 seconds") }
    }
}
