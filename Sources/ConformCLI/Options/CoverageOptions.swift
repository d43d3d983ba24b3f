import ArgumentParser
import BotRuntime
import ConformJSON
import Recording
import Reporting

/// `--coverage` and `--min-coverage`, shared by `replay` and `test`, and what both do with the counts:
/// write `coverage.json`, print the summary line, hold the floor.
struct CoverageOptions: ParsableArguments {
    @Option(name: .customLong("min-coverage"), help: ArgumentHelp("Fail (exit 1) when fewer than P% of the bot's states were entered.",
                                                                 discussion: "Example: --min-coverage 80", valueName: "P"))
    var minCoverage: Double?

    @Option(help: ArgumentHelp("Where to write state and trigger coverage.", discussion: "Example: --coverage build/coverage.json",
                               valueName: "PATH"))
    var coverage: String = "Reports/coverage.json"

    /// Writes the file and prints `states covered: M/N (P%)` per bot (with `verbose`, the states never
    /// entered and where they are declared). Returns true when a bot is below `--min-coverage`.
    func report(_ coverages: [(bot: String, coverage: Coverage)], style: ConsoleStyle, verbose: Bool) -> Bool {
        guard !coverages.isEmpty else { return false }
        // One bot: its counts at the top level (the documented shape); several: one such object per bot.
        let json: JSONValue = coverages.count == 1 ? coverages[0].coverage.json
            : .object(.init(uniqueKeysWithValues: coverages.map { ($0.bot, $0.coverage.json) }))
        do {
            try RecordingWriter.write(json, to: coverage)
        } catch {
            emitError("warning: could not write \(coverage): \(error)")
        }
        var belowFloor = false
        for (path, c) in coverages {
            let percent = (c.statePercent * 10).rounded() / 10
            emit("states covered: \(c.coveredStates)/\(c.states.count) (\(percent)%), triggers won: \(c.coveredTriggers)/\(c.triggers.count)"
                 + (coverages.count > 1 ? " · \(path)" : "") + style.dim(" · \(coverage)"))
            if verbose {
                for (state, location) in c.neverEntered {
                    emit(style.dim("  never entered: \(state)" + (location.map { "  \($0)" } ?? "")))
                }
            }
            if let minCoverage, c.statePercent < minCoverage {
                emit(style.red("state coverage \(percent)% is below --min-coverage \(minCoverage)%"
                               + (coverages.count > 1 ? " · \(path)" : "")))
                belowFloor = true
            }
        }
        return belowFloor
    }
}

extension Coverage {
    /// The counts as the HTML report draws them.
    func reported(bot: String) -> ReportedCoverage {
        ReportedCoverage(bot: bot,
                         states: states.map { path, hits in
                             ReportedCoverage.State(path: path, hits: hits,
                                                    location: stateLocations[path].map { "\($0.file):\($0.line)" })
                         },
                         triggers: triggers.count, triggersWon: coveredTriggers)
    }
}
