import AutoTests
import BotScript
import ConformJSON
import Foundation
import Recording
import WebimChannel
import WebimProtocol

/// The input paths conform reads from outside, each as one function of raw bytes: what a fuzzer
/// drives and what the regression tests replay. Each returns what the real code said, so a test can
/// tell an accepted input from a refused one; none may trap, hang or leak whatever the bytes are.
///
/// ```swift
/// let outcome = FuzzEntryPoint.recording.run(Array(data))   // .accepted("2 turns") or .refused(message)
/// ```
public enum FuzzEntryPoint: String, CaseIterable, Sendable {
    /// A `.sc` file through the parser, then each line through the pattern compiler and the first
    /// compiled pattern matched against the last line.
    case botScript = "BotScript"
    /// A webhook body through the decoder (both dialects) and the inbound mapping, without JavaScript.
    case webimWebhook = "WebimWebhook"
    /// A recording file through `RecordingLoader.parse(bytes:file:)` (JSON, schema, model).
    case recording = "Recording"
    /// A JAICP `test/*.xml` file through the autotest reader.
    case jaicpXMLTest = "JAICPXMLTest"
    /// A `conform.yaml` through YAMLConversion and `SuiteConfig(json:file:)`.
    case suiteConfig = "SuiteConfig"

    public enum Outcome: Sendable, Equatable {
        case accepted(String)
        case refused(String)

        public var isAccepted: Bool { if case .accepted = self { true } else { false } }
    }

    /// Built once: a library of the built-in patterns takes longer to build than most inputs take to run.
    static let compiler = PatternCompiler()

    /// Patterns compiled per input: enough for every line of a seed, bounded for long garbage.
    static let maxPatternLines = 64

    public func run(_ bytes: [UInt8]) -> Outcome {
        switch self {
        case .botScript: Self.botScript(bytes)
        case .webimWebhook: Self.webimWebhook(bytes)
        case .recording: Self.recording(bytes)
        case .jaicpXMLTest: Self.jaicpXMLTest(bytes)
        case .suiteConfig: Self.suiteConfig(bytes)
        }
    }

    static func botScript(_ bytes: [UInt8]) -> Outcome {
        let text = String(decoding: bytes, as: UTF8.self)
        let parsed = ScParser.parse(SourceText(file: "src/main.sc", text: text))
        var compiled: [CompiledPattern] = []
        var refused = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).prefix(maxPatternLines)
        for (index, line) in lines.enumerated() {
            do {
                compiled.append(try Self.compiler.compile(patternSource(line), file: "src/main.sc", line: index + 1))
            } catch {
                refused += 1
                _ = error.description
            }
        }
        var matched = false
        if let first = compiled.first, let last = lines.last {
            matched = PatternMatcher(library: Self.compiler.library).match(first, text: String(last)) != nil
        }
        let summary = "\(parsed.nodes.count) nodes, \(parsed.diagnostics.count) diagnostics, "
            + "\(compiled.count) patterns compiled, \(refused) refused, matched \(matched)"
        return parsed.diagnostics.isEmpty ? .accepted(summary) : .refused(summary)
    }

    /// A line's pattern: what follows `q!:` or `q:` in a `.sc` line, else the whole line.
    static func patternSource(_ line: Substring) -> String {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        for tag in ["q!:", "q:"] where trimmed.hasPrefix(tag) {
            return String(trimmed.dropFirst(tag.count).drop(while: { $0 == " " }))
        }
        return String(line)
    }

    static func webimWebhook(_ bytes: [UInt8]) -> Outcome {
        let body: JSONValue
        do {
            body = try WebimWebhook.parse(bytes: bytes, limit: 1 << 20)
        } catch {
            return .refused(error.description)
        }
        let detected = WebimDialect.detect(headers: [:], path: "/", body: body)?.dialect
        var results: [String] = []
        for dialect in [detected ?? .botAPI2, .botAPI1] {
            do {
                let hook = try WebimWebhook.decode(body, dialect: dialect)
                for open in [false, true] {
                    let turn = WebimInbound.map(hook, chatIsOpen: open, knownVisitorID: open ? "visitor" : nil,
                                                configuration: WebimChannelConfiguration(), time: 1_764_064_800_000)
                    results.append(turn.request.map { "\($0.event ?? "text") \($0.query ?? "")" } ?? turn.reason ?? "no request")
                }
            } catch {
                return .refused(error.description)
            }
        }
        return .accepted(results.joined(separator: "; "))
    }

    static func recording(_ bytes: [UInt8]) -> Outcome {
        switch RecordingLoader.parse(bytes: bytes, file: "fuzz.json") {
        case .success(.recording(let recording)): .accepted("\(recording.turns.count) turns")
        case .success(.notARecording(let why)): .refused(why)
        case .failure(let error): .refused(error.description)
        }
    }

    static func jaicpXMLTest(_ bytes: [UInt8]) -> Outcome {
        let file = XMLTestReader().read(String(decoding: bytes, as: UTF8.self), path: "test/fuzz.xml")
        if let problem = file.problem { return .refused(problem.description) }
        let unsupported = file.cases.flatMap(\.unsupported)
        return .accepted("\(file.cases.count) cases, \(file.cases.map(\.steps.count).reduce(0, +)) steps, \(unsupported.count) unsupported")
    }

    static func suiteConfig(_ bytes: [UInt8]) -> Outcome {
        guard let text = String(validating: bytes, as: UTF8.self) else { return .refused("cannot be read as UTF-8 text") }
        do {
            let json = try YAMLConversion.parse(text)
            let config = try SuiteConfig(json: json, file: "/nonexistent/conform.yaml")
            return .accepted(config.name ?? "unnamed suite")
        } catch {
            return .refused("\(error)")
        }
    }
}
