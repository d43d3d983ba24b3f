/// One turn of a failing conversation: the visitor's bubbles on the right, then the bot's — one bubble
/// across both columns where recorded and today's agree, side by side (recorded left, today right,
/// changed words marked) where they do not — then the variables that differ and every difference by
/// its JSON path.
struct HTMLTurnView {
    let turn: ReportedTurn
    let differences: [ReportedDifference]

    func draw(into html: inout HTMLBuilder) {
        let rows = ChatAlignment.rows(expected: turn.expected, actual: turn.actual)
        let split = rows.contains { if case .same = $0 { false } else { true } }
        html.element("section", ["class": "turn"]) { section in
            section.element("div", ["class": "turn-head"]) { head in
                head.element("b", text: "Turn \(turn.number)")
                if let time = turn.time { head.element("span", text: time) }
                if !differences.isEmpty {
                    head.element("span", ["class": "bad"],
                                 text: "\(differences.count) difference\(differences.count == 1 ? "" : "s")")
                }
            }
            for note in turn.notes { section.element("div", ["class": "note"], text: note) }
            if !turn.visitor.isEmpty {
                section.element("div", ["class": "visitor"]) { visitor in
                    for item in turn.visitor { Self.item(item, into: &visitor) }
                }
            }
            guard !rows.isEmpty else { return }
            section.element("div", ["class": "grid"]) { grid in
                if split {
                    grid.element("div", ["class": "label"], text: "recorded")
                    grid.element("div", ["class": "label"], text: "today")
                }
                for row in rows { Self.row(row, into: &grid) }
            }
            if !turn.variables.isEmpty { variableTable(into: &section) }
            if !differences.isEmpty {
                section.element("details") { box in
                    box.element("summary", text: "\(differences.count) difference\(differences.count == 1 ? "" : "s") by JSON path")
                    Self.differenceTable(differences, into: &box)
                }
            }
        }
    }

    static func row(_ row: ChatAlignment.Row, into html: inout HTMLBuilder) {
        switch row {
        case .same(let item):
            html.element("div", ["class": "cell wide"]) { cell in Self.item(item, into: &cell) }
        case .changed(let expected, let actual):
            if case .text(let before) = expected, case .text(let after) = actual {
                let runs = WordDiff.compare(before, after)
                html.element("div", ["class": "cell expected"]) { cell in Self.marked(runs.expected, tag: "del", into: &cell) }
                html.element("div", ["class": "cell actual"]) { cell in Self.marked(runs.actual, tag: "ins", into: &cell) }
            } else {
                html.element("div", ["class": "cell expected"]) { cell in Self.item(expected, into: &cell, compare: actual) }
                html.element("div", ["class": "cell actual"]) { cell in Self.item(actual, into: &cell, compare: expected) }
            }
        case .missing(let item):
            html.element("div", ["class": "cell expected"]) { cell in Self.item(item, into: &cell) }
            html.element("div", ["class": "cell absent"], text: "not sent today")
        case .extra(let item):
            html.element("div", ["class": "cell absent"], text: "not in the recording")
            html.element("div", ["class": "cell actual"]) { cell in Self.item(item, into: &cell) }
        }
    }

    private static func marked(_ runs: [WordDiff.Run], tag: StaticString, into html: inout HTMLBuilder) {
        html.element("span", ["class": "bubble"]) { bubble in
            for run in runs {
                if run.changed { bubble.element(tag, text: run.text) } else { bubble.text(run.text) }
            }
        }
    }

    /// A chat item as the visitor would see it. `compare`, when given, marks buttons the other side lacks.
    static func item(_ item: ChatItem, into html: inout HTMLBuilder, compare other: ChatItem? = nil) {
        switch item {
        case .text(let text):
            html.element("span", ["class": "bubble"], text: text)
        case .buttons(let rows):
            var otherLabels: Set<String>?
            if case .buttons(let theirs)? = other { otherLabels = Set(theirs.joined()) }
            html.element("span", ["class": "keyboard"]) { keyboard in
                for buttons in rows {
                    keyboard.element("span", ["class": "row"]) { row in
                        for label in buttons {
                            let differs = otherLabels.map { !$0.contains(label) } ?? false
                            row.element("span", ["class": differs ? "btn changed" : "btn", "title": "button"], text: label)
                        }
                    }
                }
            }
        case .file(let name, let url):
            // A word, not an emoji: headless and CI machines often lack an emoji font.
            html.element("span", ["class": "bubble", "title": url]) { bubble in
                bubble.element("span", ["class": "tag"], text: "file")
                bubble.text(name)
            }
        case .event(let text):
            html.element("span", ["class": "event"], text: text)
        case .raw(let json):
            html.element("span", ["class": "bubble raw"], text: json)
        }
    }

    private func variableTable(into html: inout HTMLBuilder) {
        html.element("table", ["class": "vars"]) { table in
            table.element("tr") { tr in
                tr.element("th", text: "variable")
                tr.element("th", text: "recorded")
                tr.element("th", text: "today")
            }
            for variable in turn.variables {
                table.element("tr") { tr in
                    tr.element("td", ["class": "json"], text: variable.name)
                    tr.element("td", ["class": "json expected"], text: variable.expected ?? "(not set)")
                    tr.element("td", ["class": "json actual"], text: variable.actual ?? "(not set)")
                }
            }
        }
    }

    static func differenceTable(_ differences: [ReportedDifference], into html: inout HTMLBuilder) {
        html.element("table", ["class": "diffs"]) { table in
            table.element("tr") { tr in
                for heading in ["where", "expected", "actual", "note"] { tr.element("th", text: heading) }
            }
            for difference in differences {
                table.element("tr") { tr in
                    tr.element("td", ["class": "json"], text: (difference.turn.map { "turn \($0) · " } ?? "") + difference.path)
                    tr.element("td", ["class": "json expected"], text: difference.expected ?? "(nothing)")
                    tr.element("td", ["class": "json actual"], text: difference.actual ?? "(nothing)")
                    tr.element("td", text: difference.note ?? "")
                }
            }
        }
    }
}
