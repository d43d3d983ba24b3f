import ArgumentParser
import BotRuntime
import ConformJSON
import Foundation
import Recording
import Reporting

/// `conform merge`: join the reports of a sharded run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the JUnit reports (and coverage files) of a sharded run into one.",
        discussion: """
            Suites of the same name are combined and every count recomputed. Coverage files (coverage.json)
            given with --coverage are added up state by state and trigger by trigger.

            Examples:
              conform merge Reports/junit-*.xml --junit Reports/junit.xml
              conform merge shard-*/junit.xml --coverage shard-*/coverage.json
            """)

    @Argument(help: ArgumentHelp("JUnit XML files written by the shards.",
                                 discussion: "Example: conform merge Reports/junit-1.xml Reports/junit-2.xml"))
    var files: [String]

    @Option(help: ArgumentHelp("Where to write the merged report.", discussion: "Example: --junit Reports/junit.xml",
                               valueName: "PATH"))
    var junit: String = "Reports/junit.xml"

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Coverage files of the shards, to add up.",
                                                        discussion: "Example: --coverage shard-1/coverage.json shard-2/coverage.json",
                                                        valueName: "FILES"))
    var coverage: [String] = []

    @Option(name: .customLong("coverage-out"), help: ArgumentHelp("Where to write the merged coverage.",
                                                                  discussion: "Example: --coverage-out Reports/coverage.json", valueName: "PATH"))
    var coverageOut: String = "Reports/coverage.json"

    func run() throws {
        guard !files.isEmpty else { throw ValidationError("give the shards' JUnit files") }
        do {
            let text = try JUnitMerger.merge(files: files)
            try AtomicFile.write(text, to: junit)
            emit("merged \(files.count) report\(files.count == 1 ? "" : "s") into \(junit)")
            if !coverage.isEmpty {
                var merged: JSONValue?
                for file in coverage {
                    guard let data = FileManager.default.contents(atPath: file) else { throw JUnitMerger.Failure.unreadable(file) }
                    merged = Coverage.add(merged, try JSONParser.parse(bytes: Array(data)))
                }
                if let merged {
                    try RecordingWriter.write(merged, to: coverageOut)
                    emit("merged \(coverage.count) coverage file\(coverage.count == 1 ? "" : "s") into \(coverageOut)")
                }
            }
        } catch {
            emitError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

