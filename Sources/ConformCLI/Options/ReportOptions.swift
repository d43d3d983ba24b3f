import ArgumentParser
import Foundation
import Reporting

/// Output options shared by the commands that report results.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Where to write the JUnit XML report.", discussion: "Example: --junit build/conform.xml",
                               valueName: "PATH"))
    var junit: String = "Reports/junit.xml"

    @Option(help: ArgumentHelp("Where to write the HTML report: one self-contained page to open in a browser.",
                               discussion: "Example: --html build/conform.html", valueName: "PATH"))
    var html: String = "Reports/index.html"

    @Flag(name: .customLong("no-html"),
          help: ArgumentHelp("Do not write the HTML report.", discussion: "Example: conform replay Recordings/ --no-html"))
    var noHTML = false

    @Flag(name: .customLong("no-color"),
          help: ArgumentHelp("Print without ANSI colours (also automatic when output is not a terminal).",
                             discussion: "Example: conform replay Recordings/ --no-color"))
    var noColor = false

    @Flag(name: .shortAndLong,
          help: ArgumentHelp("Print only failures and the summary line.", discussion: "Example: conform replay Recordings/ --quiet"))
    var quiet = false

    @Flag(name: .shortAndLong,
          help: ArgumentHelp("Also print passing cases' transcripts and files that were skipped, with why.",
                             discussion: "Example: conform replay Recordings/demo --filter prechat --verbose"))
    var verbose = false

    /// Where the HTML report goes, nil with `--no-html`.
    var htmlPath: String? { noHTML ? nil : html }

    var style: ConsoleStyle {
        ConsoleStyle(color: !noColor && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }
}

/// Prints a line and flushes it at once, so CI logs show progress as it happens.
func emit(_ line: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
}

func emitError(_ line: String) {
    try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
}
