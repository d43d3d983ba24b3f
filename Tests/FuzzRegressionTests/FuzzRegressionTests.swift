import Foundation
import FuzzTargets
import Testing

/// What CI keeps of the fuzzing: every seed and every input the fuzzer once crashed on goes through
/// the same entry point the fuzz targets drive (scripts/fuzz runs the long fuzzing itself).
@Suite struct FuzzRegressionTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz").standardizedFileURL.path

    static func inputs(_ folder: String, _ entry: FuzzEntryPoint) -> [(name: String, bytes: [UInt8])] {
        let root = "\(fuzz)/\(folder)/\(entry.rawValue)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.compactMap { name in
            FileManager.default.contents(atPath: root + "/" + name).map { (name, [UInt8]($0)) }
        }
    }

    /// Seeds the real code refuses: the bare pattern lines are not a `.sc` file (the parser reports them;
    /// the fuzz target compiles them as patterns).
    static let refusedSeeds: Set<String> = ["patterns-from-sc.txt"]

    /// Every seed of `entry`: what `Fuzz/seeds.txt` names plus `Fuzz/Corpus/<Target>/`.
    static func seeds(_ entry: FuzzEntryPoint) throws -> [(name: String, bytes: [UInt8])] {
        try FuzzSeeds(listing: fuzz + "/seeds.txt").seeds(for: entry.rawValue) + inputs("Corpus", entry)
    }

    @Test func seedListingNamesOnlyFilesThatExist() throws {
        for entry in FuzzEntryPoint.allCases {
            for line in try FuzzSeeds(listing: Self.fuzz + "/seeds.txt").lines where line.target == entry.rawValue {
                let path = line.pattern.hasPrefix("webhooks-of ") ? String(line.pattern.dropFirst("webhooks-of ".count)) : line.pattern
                #expect(!FuzzSeeds.expand(path, in: FuzzSeeds.repository(of: Self.fuzz)).isEmpty,
                        "Fuzz/seeds.txt: \(line.target) \(line.pattern) matches no file")
            }
        }
    }

    @Test(arguments: FuzzEntryPoint.allCases)
    func seedCorpusIsReadAsTheRealCommandsReadIt(_ entry: FuzzEntryPoint) throws {
        let seeds = try Self.seeds(entry)
        #expect(seeds.count >= 2, "\(entry.rawValue) has \(seeds.count) seeds (Fuzz/seeds.txt, Fuzz/Corpus)")
        for seed in seeds {
            let outcome = entry.run(seed.bytes)
            #expect(outcome.isAccepted == !Self.refusedSeeds.contains(seed.name), "\(entry.rawValue)/\(seed.name): \(outcome)")
        }
    }

    @Test(arguments: FuzzEntryPoint.allCases)
    func inputsTheFuzzerCrashedOnAreNowRefusedOrRead(_ entry: FuzzEntryPoint) {
        for input in Self.inputs("Regressions", entry) {
            switch entry.run(input.bytes) {
            case .accepted: break
            case .refused(let message): #expect(!message.isEmpty, "\(entry.rawValue)/\(input.name)")
            }
        }
    }

    @Test(arguments: [FuzzEntryPoint.webimWebhook, .recording])
    func emptyAndNonUTF8InputsAreRefusedWithAMessage(_ entry: FuzzEntryPoint) {
        for bytes: [UInt8] in [[], [0xFF, 0xFE, 0x00, 0xC3], Array("{\"event\": \"new_chat\"".utf8) + [0xC3]] {
            guard case .refused(let message) = entry.run(bytes) else {
                Issue.record("\(entry.rawValue) accepted \(bytes)")
                continue
            }
            #expect(!message.isEmpty)
        }
    }
}
