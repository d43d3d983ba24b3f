import AutoTests
import BotRuntime
import BotScript
import Foundation
import JSEngine
import Reporting

/// The fixture bot every runner test talks to: `Fixtures/shop` (written for these tests).
enum Shop {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/shop").path

    static func project() throws -> BotProject { try ProjectLoader().load(at: root) }
    static func bot() throws -> CompiledBot { CompiledBot(project: try project()) }
}

extension AutoTestOptions {
    /// Deterministic: the clock before any `<dateTime>` is 2025-01-31 09:00:00 UTC.
    static var fixed: AutoTestOptions {
        var options = AutoTestOptions()
        options.now = 1_738_314_000_000
        return options
    }
}

/// Runs the cases of an XML text (read as `test/inline.xml`) against the shop bot.
func run(_ xml: String, options: AutoTestOptions = .fixed) throws -> [TestCaseResult] {
    let file = XMLTestReader(timeZone: options.timeZone).read(xml, path: "test/inline.xml")
    let runner = XMLTestRunner(bot: try Shop.bot(), engine: JSEngine(), options: options)
    return file.cases.map { runner.run($0, in: file) }
}

/// Runs a single-case XML text.
func runOne(_ xml: String, options: AutoTestOptions = .fixed) throws -> TestCaseResult {
    let results = try run(xml, options: options)
    guard results.count == 1 else { throw TestSupportError.expectedOneCase(results.count) }
    return results[0]
}

enum TestSupportError: Error { case expectedOneCase(Int) }

extension TestCaseResult {
    var failureMessage: String? {
        if case .failed(let message, _) = outcome { return message }
        return nil
    }

    var errorMessage: String? {
        if case .error(let message, _) = outcome { return message }
        return nil
    }

    var skipReason: String? {
        if case .skipped(let reason) = outcome { return reason }
        return nil
    }
}
