import ArgumentParser
import Foundation
import Testing
@testable import ConformCLI

/// Issue #10: `--help` shows an example for every option, flag and positional argument of every
/// command, and every example is a command line the real parser accepts. The arguments are read
/// from the `--experimental-dump-help` JSON (ToolInfoV0), so an option added later is checked too.
@Suite struct HelpExamplesTests {
    /// Variables the examples may use, as a shell would expand them.
    static let variables = ["BOT_TOKEN": "token", "CRM_API_KEY": "key", "STAGING_WEBIM_PASSWORD": "password"]

    @Test func everyOptionOfEveryCommandShowsAnExample() throws {
        let arguments = try Self.documentedArguments()
        #expect(arguments.count > 50, "the dump lists too few arguments: is it still read right?")
        for entry in arguments where entry.examples.isEmpty {
            Issue.record("`conform \(entry.command) \(entry.label)` has no `Example: …` in its help discussion")
        }
    }

    @Test func everyExampleParsesAsARealCommandLine() throws {
        for entry in try Self.documentedArguments() {
            for example in entry.examples {
                let words: [String]
                do {
                    words = try ShellWords.split(example, variables: Self.variables)
                } catch {
                    Issue.record("`conform \(entry.command) \(entry.label)`: example `\(example)`: \(error)")
                    continue
                }
                if !entry.names.isEmpty {
                    #expect(words.contains { word in entry.names.contains { word == $0 || word.hasPrefix($0 + "=") } },
                            "`conform \(entry.command) \(entry.label)`: example `\(example)` does not use \(entry.label)")
                }
                // `conform …` is a whole command line; `--option value` is tried on its command, after
                // the arguments that command cannot do without.
                let line = words.first == "conform" ? Array(words.dropFirst()) : [entry.command] + entry.required + words
                do {
                    _ = try Conform.parseAsRoot(line)
                } catch {
                    Issue.record("""
                        `conform \(entry.command) \(entry.label)`: example `\(example)` does not parse \
                        as `conform \(line.joined(separator: " "))`: \(Conform.message(for: error))
                        """)
                }
            }
        }
    }

    // MARK: The dump

    /// One argument as `--help` shows it, with its command and what its discussion gives as examples.
    struct DocumentedArgument {
        var command: String
        var label: String
        var names: [String]
        var examples: [String]
        /// The command's required arguments, with a value each, to put before an option's example.
        var required: [String]
    }

    static func documentedArguments() throws -> [DocumentedArgument] {
        let dump = try JSONDecoder().decode(ToolInfo.self, from: Data(Conform._dumpHelp().utf8))
        var found: [DocumentedArgument] = []
        for command in dump.command.subcommands ?? [] where command.commandName != "help" {
            let arguments = (command.arguments ?? []).filter { $0.shouldDisplay && !$0.isBuiltIn }
            let required = arguments.filter { !$0.isOptional }.flatMap(\.placeholderWords)
            for argument in arguments {
                found.append(DocumentedArgument(command: command.commandName, label: argument.label,
                                                names: argument.names?.map(\.spelled) ?? [],
                                                examples: argument.examples, required: required))
            }
        }
        return found
    }

    /// The part of ArgumentParser's ToolInfoV0 these tests read (the type itself is not a product).
    struct ToolInfo: Decodable {
        var command: Command
    }

    struct Command: Decodable {
        var commandName: String
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
            var spelled: String { kind == "short" ? "-" + name : "--" + name }
        }

        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var allValues: [String]?
        var discussion: String?

        /// `--help`, `--version` and friends come from ArgumentParser, not from conform.
        var isBuiltIn: Bool {
            ["help", "version", "generate-completion-script", "experimental-dump-help"].contains(preferredName?.name ?? "")
        }

        var label: String { preferredName?.spelled ?? "<\(valueName ?? "value")>" }

        var examples: [String] {
            (discussion ?? "").split(separator: "\n").compactMap { line in
                let text = line.trimmingCharacters(in: .whitespaces)
                return text.hasPrefix("Example: ") ? String(text.dropFirst("Example: ".count)) : nil
            }
        }

        /// A value this argument accepts, preceded by its name unless it is positional.
        var placeholderWords: [String] {
            let value = allValues?.first ?? "value"
            if kind == "flag" { return [label] }
            return kind == "positional" ? [value] : [label, value]
        }
    }
}
