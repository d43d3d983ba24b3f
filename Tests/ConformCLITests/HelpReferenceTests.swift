import Foundation
import Testing
@testable import ConformCLI

/// docs/reference.md is every command's `--help`, generated from the binary so the two cannot
/// drift. This test regenerates it and compares; `scripts/update-reference` runs it in update mode
/// (CONFORM_UPDATE_REFERENCE=1), which writes the file instead.
@Suite struct HelpReferenceTests {
    static let file = "docs/reference.md"
    /// Help is wrapped to the terminal's width; the reference is made at a fixed one.
    static let columns = "80"

    static func reference() throws -> String {
        var text = """
            # conform command reference

            Every command's `--help`, generated from the `conform` binary by `scripts/update-reference`.
            Do not edit by hand: `swift test --filter HelpReferenceTests` fails when this file differs from
            the binary's help, and `scripts/update-reference` rewrites it.

            """
        for command in [nil] + ConformVersion.subcommands.map({ $0._commandName }) {
            let arguments = command.map { ["help", $0] } ?? ["--help"]
            let result = try runConform(arguments, environment: ["COLUMNS": columns])
            guard result.status == 0 else {
                throw ReferenceFailure(message: "conform \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
            }
            text += "\n## conform\(command.map { " " + $0 } ?? "")\n\n```text\n"
            text += result.stdout.trimmingCharacters(in: .newlines) + "\n```\n"
        }
        return text
    }

    @Test func checkedInReferenceMatchesTheBinarysHelp() throws {
        let current = try Self.reference()
        let path = Repository.path(Self.file)
        if ProcessInfo.processInfo.environment["CONFORM_UPDATE_REFERENCE"] == "1" {
            try Data(current.utf8).write(to: URL(fileURLWithPath: path))
            print("wrote \(Self.file): review it with git diff")
            return
        }
        let checkedIn = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard checkedIn != current else { return }
        let old = checkedIn.split(separator: "\n", omittingEmptySubsequences: false)
        let new = current.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        Issue.record("""
            \(Self.file) differs from the binary's help at line \(line + 1):
              checked in: \(line < old.count ? String(old[line]) : "(end of file)")
              binary:     \(line < new.count ? String(new[line]) : "(end of file)")
            Regenerate it with: scripts/update-reference
            """)
    }
}

struct ReferenceFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
