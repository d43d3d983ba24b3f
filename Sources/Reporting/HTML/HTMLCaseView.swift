/// One case of the report: a header line (status, title, where, time) and, when it failed or erred,
/// the story — its conversation as a chat when the producer gave one (replay), else its differences
/// and transcript (XML autotests).
struct HTMLCaseView {
    let testCase: TestCaseResult
    let anchor: String

    var status: String {
        switch testCase.outcome {
        case .passed: "passed"
        case .failed: "failed"
        case .error: "error"
        case .skipped: "skipped"
        }
    }

    var title: String {
        testCase.properties.first { $0.name == "recording" }?.value ?? testCase.name
    }

    func draw(into html: inout HTMLBuilder) {
        html.element("article", ["class": "case", "id": anchor, "data-status": status]) { article in
            header(into: &article)
            switch testCase.outcome {
            case .passed, .skipped: break
            case .failed, .error:
                article.element("div", ["class": "case-body"]) { body in story(into: &body) }
            }
        }
    }

    private func header(into html: inout HTMLBuilder) {
        html.element("div", ["class": "case-head"]) { head in
            let icon = switch testCase.outcome {
            case .passed: "✓"
            case .failed: "✗"
            case .error: "!"
            case .skipped: "–"
            }
            head.element("span", ["class": "icon \(status)", "title": status], text: icon)
            head.element("span", ["class": "title"], text: title)
            head.element("span", ["class": "time"], text: JUnitWriter.seconds(testCase.time) + " s")
            head.element("span", ["class": "where"]) { whereSpan in
                whereSpan.text("\(testCase.classname) › \(testCase.name)")
                if let file = testCase.file {
                    whereSpan.text(" · ")
                    whereSpan.element("code", text: file + (testCase.line.map { ":\($0)" } ?? ""))
                }
            }
            switch testCase.outcome {
            case .failed(let message, _): head.element("span", ["class": "message"], text: message)
            case .error(let message, _): head.element("span", ["class": "message"], text: "error: " + message)
            case .skipped(let reason): head.element("span", ["class": "where"], text: "skipped: " + reason)
            case .passed: break
            }
        }
    }

    private func story(into html: inout HTMLBuilder) {
        if !testCase.conversation.isEmpty {
            for turn in testCase.conversation {
                HTMLTurnView(turn: turn, differences: testCase.differences.filter { $0.turn == turn.number }).draw(into: &html)
            }
            let loose = testCase.differences.filter { difference in
                !testCase.conversation.contains { $0.number == difference.turn }
            }
            if !loose.isEmpty { HTMLTurnView.differenceTable(loose, into: &html) }
            return
        }
        if !testCase.differences.isEmpty { HTMLTurnView.differenceTable(testCase.differences, into: &html) }
        let details: String
        switch testCase.outcome {
        // An error's details often just repeat its message, already shown in the header.
        case .error(let message, let text): details = text == message ? "" : text
        default: details = testCase.output ?? ""
        }
        if !details.isEmpty {
            html.element("details", ["open": "open"]) { box in
                box.element("summary", text: "transcript")
                box.element("pre", text: details)
            }
        }
    }
}
