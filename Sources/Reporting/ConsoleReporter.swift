/// What `conform replay` and `conform test` print: one line per case as it finishes, then every
/// failure with its differences (expected in red, actual in green), then the summary line.
public struct ConsoleReporter: Sendable {
    public var style: ConsoleStyle

    public init(style: ConsoleStyle) { self.style = style }

    public func line(_ testCase: TestCaseResult) -> String {
        let time = style.dim("(\(JUnitWriter.seconds(testCase.time)) s)")
        let label = "\(testCase.classname) › \(testCase.name)"
        switch testCase.outcome {
        case .passed: return "\(style.green("✓")) \(label) \(time)"
        case .failed(let message, _): return "\(style.red("✗")) \(label) \(time)\n    \(style.red(message))"
        case .error(let message, _): return "\(style.red("!")) \(label) \(time)\n    \(style.red("error: " + message))"
        case .skipped(let reason): return "\(style.yellow("-")) \(label) \(style.dim("skipped: " + reason))"
        }
    }

    /// The full story of a failure or error: its differences, drawn, or its details.
    public func details(_ testCase: TestCaseResult) -> String {
        var out = [style.bold("\(testCase.classname) › \(testCase.name)") + (testCase.file.map { style.dim("  \($0)") } ?? "")]
        switch testCase.outcome {
        case .passed, .skipped:
            return ""
        case .error(_, let details):
            out.append(indent(details))
        case .failed(_, let details):
            if testCase.differences.isEmpty {
                out.append(indent(details))
            } else {
                out.append(contentsOf: testCase.differences.map(draw))
            }
        }
        return out.joined(separator: "\n")
    }

    func draw(_ difference: ReportedDifference) -> String {
        var lines = ["  " + (difference.turn.map { "turn \($0) · " } ?? "") + style.bold(difference.path)
                     + (difference.note.map { style.dim("  (\($0))") } ?? "")]
        lines.append("    " + style.red("- expected: " + (difference.expected ?? "(nothing)")))
        lines.append("    " + style.green("+ actual:   " + (difference.actual ?? "(nothing)")))
        return lines.joined(separator: "\n")
    }

    public func summary(_ report: TestReport) -> String { summary(report.totals) }

    public func summary(_ totals: TestTotals) -> String {
        var parts = ["\(totals.passed) passed", "\(totals.failed) failed", "\(totals.errors) errors"]
        if totals.skipped > 0 { parts.append("\(totals.skipped) skipped") }
        let text = parts.joined(separator: ", ")
        let painted = totals.failed + totals.errors > 0 ? style.red(text) : style.green(text)
        return painted + style.dim(" in \(JUnitWriter.seconds(totals.time)) s")
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// Plain text of differences, for JUnit `<failure>` bodies.
    public static func plain(_ differences: [ReportedDifference]) -> String {
        differences.map { d in
            (d.turn.map { "turn \($0) · " } ?? "") + d.path + (d.note.map { "  (\($0))" } ?? "")
                + "\n  - expected: " + (d.expected ?? "(nothing)") + "\n  + actual:   " + (d.actual ?? "(nothing)")
        }.joined(separator: "\n")
    }
}
