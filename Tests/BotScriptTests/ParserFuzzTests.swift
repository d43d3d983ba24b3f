import BotScript
import Foundation
import Testing

/// Feeds damaged `.sc` text to the parser and the state tree: every input must give a tree and
/// diagnostics, never a trap or a hang.
@Suite struct ParserFuzzTests {

    static func corpus() throws -> [String] {
        let folders = [Fixtures.demoBot + "/src", Fixtures.path("support-desk") + "/src", Fixtures.path("pizza") + "/src"]
        var texts: [String] = []
        for folder in folders {
            let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() where file.hasSuffix(".sc") {
                texts.append(try String(contentsOfFile: folder + "/" + file, encoding: .utf8))
            }
        }
        return texts
    }

    @Test func truncatedAndShuffledTextNeverTraps() throws {
        var rng = SeededGenerator(state: 2026)
        let texts = try Self.corpus()
        #expect(texts.count >= 6)
        var inputs = 0
        for text in texts {
            let chars = Array(text)
            for _ in 0..<150 {
                var mutated: String
                switch Int.random(in: 0..<4, using: &rng) {
                case 0:  // truncated anywhere
                    mutated = String(chars.prefix(Int.random(in: 0...chars.count, using: &rng)))
                case 1:  // lines shuffled
                    mutated = text.split(separator: "\n", omittingEmptySubsequences: false).shuffled(using: &rng).joined(separator: "\n")
                case 2:  // random characters replaced by structure characters
                    var copy = chars
                    for _ in 0..<8 where !copy.isEmpty {
                        copy[Int.random(in: 0..<copy.count, using: &rng)] = "(|[{\"'\t:!$<>\\\n ".randomElement(using: &rng)!
                    }
                    mutated = String(copy)
                default:  // indentation scrambled
                    mutated = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                        String(repeating: " ", count: Int.random(in: 0..<12, using: &rng)) + line.drop(while: { $0 == " " })
                    }.joined(separator: "\n")
                }
                let project = try TemporaryProject(main: mutated).load()
                inputs += 1
                // Every diagnostic points into the file it is about.
                for diagnostic in project.diagnostics {
                    if let location = diagnostic.location, location.file == "src/main.sc" {
                        #expect(location.line >= 1)
                        #expect(location.column >= 1)
                    }
                }
            }
        }
        #expect(inputs == texts.count * 150)
    }
}
