import Foundation
import Testing
@testable import ConformCLI

/// `conform --generate-completion-script SHELL` (argument-parser's) must know every command.
@Suite struct CompletionScriptTests {
    static var commandNames: [String] { ConformVersion.subcommands.map { $0._commandName } }

    @Test func bashCompletionOffersEveryCommand() throws {
        let result = try runConform(["--generate-completion-script", "bash"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("#!/bin/bash"))
        // The top-level completion lists the commands as one word list.
        for name in Self.commandNames + ["chat"] {
            #expect(result.stdout.contains("_conform_\(name)()"), "the bash script has no function for `conform \(name)`")
        }
    }

    @Test func zshAndFishCompletionsNameEveryCommand() throws {
        for shell in ["zsh", "fish"] {
            let result = try runConform(["--generate-completion-script", shell])
            #expect(result.status == 0)
            for name in Self.commandNames {
                #expect(result.stdout.contains(name), "the \(shell) script does not mention `conform \(name)`")
            }
        }
    }
}
