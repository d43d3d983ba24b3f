import ConformJSON
import Foundation

/// Writes a run as one self-contained HTML page (`Reports/index.html`): a summary bar, the cases with a
/// filter, each failing replay drawn as a chat (recorded and today's bot messages side by side), and the
/// state coverage. Inline CSS and script only; a Content-Security-Policy forbids loading anything else,
/// and lets only the report's own script (by nonce) run.
///
/// ```swift
/// try HTMLReportWriter.write(report, coverage: [coverage], to: "Reports/index.html")
/// ```
public enum HTMLReportWriter {
    public static func write(_ report: TestReport, coverage: [ReportedCoverage] = [], to path: String) throws {
        try AtomicFile.write(document(report, coverage: coverage), to: path)
    }

    /// The page. `nonce` authorises the one inline script; a fresh random one by default, so a script
    /// smuggled into a recording could not carry it even if escaping failed.
    public static func document(_ report: TestReport, coverage: [ReportedCoverage] = [],
                                nonce: String = UUID().uuidString.replacingOccurrences(of: "-", with: "")) -> String {
        var html = HTMLBuilder()
        html.raw("<!DOCTYPE html>\n")
        html.open("html", ["lang": "en"])
        html.element("head") { head in
            head.void("meta", ["charset": "utf-8"])
            head.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
            head.void("meta", ["http-equiv": "Content-Security-Policy",
                               "content": "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-\(nonce)'; img-src data:"])
            head.element("title", text: "\(report.name) — \(summaryText(report))")
            head.open("style")
            head.raw(HTMLReportStyle.css)
            head.close("style")
        }
        html.open("body", ["data-filter": "all"])
        summaryBar(report, into: &html)
        html.element("main") { main in
            filters(report, into: &main)
            for (index, testCase) in report.cases.enumerated() {
                HTMLCaseView(testCase: testCase, anchor: "case-\(index + 1)").draw(into: &main)
            }
            if !coverage.isEmpty {
                main.element("h2", text: "State coverage")
                for item in coverage { HTMLCoverageView(coverage: item).draw(into: &main) }
            }
            main.element("footer", text: "Written by conform" + (report.timestamp.map { " at \($0)" } ?? "")
                         + ". Every text from the recordings is shown as text; this page loads nothing from the network.")
        }
        html.open("script", ["nonce": nonce])
        html.raw(HTMLReportStyle.script)
        html.close("script")
        html.close("body")
        html.close("html")
        return html.text + "\n"
    }

    static func summaryText(_ report: TestReport) -> String {
        "\(report.passed) passed, \(report.failed) failed, \(report.errors) errors"
    }

    private static func summaryBar(_ report: TestReport, into html: inout HTMLBuilder) {
        html.element("header", ["class": "bar"]) { bar in
            bar.element("div", ["class": "bar-inner"]) { inner in
                inner.element("h1") { h1 in
                    // "conform replay" reads as tool and command; a project's name follows the tool.
                    h1.text("conform ")
                    h1.element("span", text: report.name.hasPrefix("conform ") ? String(report.name.dropFirst(8)) : report.name)
                }
                inner.element("div", ["class": "counts"]) { counts in
                    for (label, number) in [("passed", report.passed), ("failed", report.failed), ("errors", report.errors)] {
                        counts.element("span", ["class": "count \(label)\(number > 0 ? " some" : "")"], text: "\(number) \(label)")
                    }
                    if report.skipped > 0 {
                        counts.element("span", ["class": "count skipped"], text: "\(report.skipped) skipped")
                    }
                }
                inner.element("div", ["class": "facts"]) { list in
                    for (name, value) in facts(report) {
                        list.element("span") { span in
                            span.text(name + " ")
                            span.element("b", text: value)
                        }
                    }
                }
            }
        }
    }

    /// Time, bot, shard, when: what a reader needs to know which run this is.
    static func facts(_ report: TestReport) -> [(String, String)] {
        var facts: [(String, String)] = [("time", JUnitWriter.seconds(report.time) + " s")]
        let property = { (name: String) in report.properties.first { $0.name == name }?.value }
        var bots = property("bot").map { [$0] } ?? []
        if bots.isEmpty {
            for testCase in report.cases {
                if let bot = testCase.properties.first(where: { $0.name == "bot" })?.value, !bots.contains(bot) { bots.append(bot) }
            }
        }
        if !bots.isEmpty { facts.append((bots.count == 1 ? "bot" : "bots", bots.map(displayPath).joined(separator: ", "))) }
        if let shard = property("shard") { facts.append(("shard", shard)) }
        if let timestamp = report.timestamp { facts.append(("at", timestamp)) }
        return facts
    }

    /// Paths under the current folder are shown relative to it: shorter, and the same on every machine.
    static func displayPath(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private static func filters(_ report: TestReport, into html: inout HTMLBuilder) {
        html.element("nav", ["class": "filters"]) { nav in
            nav.element("button", ["type": "button", "class": "on", "data-filter": "all"], text: "All \(report.cases.count)")
            nav.element("button", ["type": "button", "data-filter": "failed"], text: "Failed \(report.failed + report.errors)")
            nav.element("button", ["type": "button", "data-filter": "passed"], text: "Passed \(report.passed)")
        }
    }
}
