import ArgumentParser
import Foundation
import Testing
import Yams
@testable import ConformCLI

/// The CI recipes under ci/ are files people copy: they must be valid, have the parts their README
/// section promises, and every `conform …` line in them must be a command the real parser accepts.
@Suite struct CIRecipeTests {
    /// The shell variables the recipes use, with a value each CI system would give them.
    static let variables = ["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "4", "SHARD": "1"]

    @Test func githubActionsRunsShardsAsAMatrixPublishesJUnitAndMerges() throws {
        let document = try Self.yaml("ci/github-actions.yml")
        let jobs = try #require(document["jobs"] as? [String: Any])
        let replay = try #require(jobs["replay"] as? [String: Any])
        let matrix = try #require((replay["strategy"] as? [String: Any])?["matrix"] as? [String: Any])
        #expect(matrix["shard"] as? [Int] == [1, 2, 3, 4])
        let uses = Self.strings(in: replay, key: "uses")
        #expect(uses.contains("actions/upload-artifact@v4"))
        #expect(uses.contains("mikepenz/action-junit-report@v5"))
        let merge = try #require(jobs["merge"] as? [String: Any])
        #expect(merge["needs"] as? String == "replay")

        let commands = try Self.commands(in: Self.strings(in: document, key: "run"))
        // A YAML mapping has no order once parsed: the commands are compared as a set.
        #expect(commands.compactMap(\.first).sorted() == ["merge", "replay"])
        #expect(commands.first { $0.first == "replay" }?.contains("1/4") == true)
        try Self.expectParse(commands, file: "ci/github-actions.yml")
    }

    @Test func gitlabCIRunsParallelJobsWithJUnitReportsAndMerges() throws {
        let document = try Self.yaml("ci/gitlab-ci.yml")
        let replay = try #require(document["replay"] as? [String: Any])
        #expect(replay["parallel"] as? Int == 4)
        let reports = try #require((replay["artifacts"] as? [String: Any])?["reports"] as? [String: Any])
        #expect(reports["junit"] as? String == "Reports/junit-*.xml")
        let merge = try #require(document["merge"] as? [String: Any])
        #expect(merge["stage"] as? String == "report")

        let commands = try Self.commands(in: Self.strings(in: document, key: "script"))
        #expect(commands.compactMap(\.first).sorted() == ["merge", "replay"])
        #expect(commands.first { $0.first == "replay" }?.contains("1/4") == true)
        try Self.expectParse(commands, file: "ci/gitlab-ci.yml")
    }

    @Test func jenkinsfileRecordsEachShardWithTheJUnitStepAndMerges() throws {
        let text = try String(contentsOfFile: Repository.path("ci/Jenkinsfile"), encoding: .utf8)
        #expect(text.contains("junit testResults: \"Reports/junit-${SHARD}.xml\""))
        #expect(text.contains("values '1', '2', '3', '4'"))
        // The shell steps are the single-quoted strings after `sh`.
        let steps = text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("sh '"), trimmed.hasSuffix("'") else { return nil }
            return String(trimmed.dropFirst(4).dropLast())
        }
        let commands = try Self.commands(in: steps)
        #expect(commands.map(\.first) == ["replay", "merge"])
        #expect(commands[0].contains("1/4"))
        try Self.expectParse(commands, file: "ci/Jenkinsfile")
    }

    // MARK: Helpers

    static func yaml(_ relative: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: Repository.path(relative), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any], "\(relative) is not a YAML mapping")
    }

    /// Every string under `key`, anywhere in the document (a list under it gives each item).
    static func strings(in node: Any, key: String) -> [String] {
        var found: [String] = []
        if let mapping = node as? [String: Any] {
            for (name, value) in mapping {
                if name == key {
                    if let text = value as? String { found.append(text) }
                    if let list = value as? [Any] { found += list.compactMap { $0 as? String } }
                }
                found += strings(in: value, key: key)
            }
        } else if let list = node as? [Any] {
            for item in list { found += strings(in: item, key: key) }
        }
        return found
    }

    /// The arguments of every `conform` command in these shell scripts (after the word `conform`,
    /// variables replaced), in order.
    static func commands(in scripts: [String]) throws -> [[String]] {
        var commands: [[String]] = []
        for script in scripts {
            for line in script.split(separator: "\n") {
                for part in line.components(separatedBy: "&&").flatMap({ $0.components(separatedBy: "||") })
                where part.contains("conform ") {
                    var words = try ShellWords.split(part, variables: variables)
                    // `PATH=… conform …`: environment assignments come first.
                    while let first = words.first, first.contains("="), !first.hasPrefix("-") { words.removeFirst() }
                    if words.first == "conform" { commands.append(Array(words.dropFirst())) }
                }
            }
        }
        return commands
    }

    static func expectParse(_ commands: [[String]], file: String) throws {
        for arguments in commands {
            do {
                _ = try Conform.parseAsRoot(arguments)
            } catch {
                Issue.record("\(file): `conform \(arguments.joined(separator: " "))` does not parse: \(Conform.message(for: error))")
            }
        }
    }
}

/// Just enough of the POSIX shell's word splitting for CI recipe lines: quotes, and `$NAME`,
/// `${NAME}` and GitHub's `${{ … }}` expansions (an unknown variable is an error, so a recipe cannot
/// lean on a value the test does not know).
enum ShellWords {
    struct UnknownVariable: Error, CustomStringConvertible {
        var name: String
        var description: String { "unknown variable \(name) in a conform command" }
    }

    static func split(_ line: String, variables: [String: String]) throws -> [String] {
        var text = line
        // GitHub expressions: the matrix value.
        while let open = text.range(of: "${{"), let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) {
            let expression = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard expression == "matrix.shard" else { throw UnknownVariable(name: expression) }
            text.replaceSubrange(open.lowerBound..<close.upperBound, with: "1")
        }
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "'" || character == "\"" {
                if quote == nil { quote = character; inWord = true } else if quote == character { quote = nil } else { word.append(character) }
            } else if character == "$", quote != "'" {
                var name = ""
                var next = text.index(after: index)
                let braced = next < text.endIndex && text[next] == "{"
                if braced { next = text.index(after: next) }
                while next < text.endIndex, text[next].isLetter || text[next].isNumber || text[next] == "_" {
                    name.append(text[next])
                    next = text.index(after: next)
                }
                if braced, next < text.endIndex { next = text.index(after: next) }
                if name == "PWD" || name == "PATH" { word += "/" + name.lowercased() } else {
                    guard let value = variables[name] else { throw UnknownVariable(name: name) }
                    word += value
                }
                inWord = true
                index = next
                continue
            } else if character.isWhitespace, quote == nil {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
            index = text.index(after: index)
        }
        if inWord { words.append(word) }
        return words
    }
}
