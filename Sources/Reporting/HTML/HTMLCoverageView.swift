/// A bot's state tree with each state's hit count; states no turn entered are highlighted with where
/// they are declared, so a reader sees at once what the recordings and tests never reach.
struct HTMLCoverageView {
    let coverage: ReportedCoverage

    /// Tree order: a parent before its children, siblings by name (state paths as component lists).
    var ordered: [ReportedCoverage.State] {
        coverage.states.sorted { a, b in
            let x = a.path.split(separator: "/")
            let y = b.path.split(separator: "/")
            return x.lexicographicallyPrecedes(y)
        }
    }

    func draw(into html: inout HTMLBuilder) {
        let percent = (coverage.statePercent * 10).rounded() / 10
        html.element("section", ["class": "coverage"]) { section in
            section.element("h3") { h3 in
                h3.text(HTMLReportWriter.displayPath(coverage.bot) + " ")
                h3.element("span", text: "· \(coverage.statesCovered) of \(coverage.states.count) states entered (\(percent)%)"
                                         + " · \(coverage.triggersWon) of \(coverage.triggers) triggers won")
            }
            section.element("div", ["class": "meter", "title": "\(percent)% of states entered"]) { meter in
                meter.element("div", ["style": "width: \(percent)%"], text: "")
            }
            section.element("ul", ["class": "tree"]) { list in
                let paths = Set(coverage.states.map(\.path))
                var drawn: Set<String> = []
                for state in ordered {
                    let components = state.path.split(separator: "/")
                    // A parent that is no state (a theme) still gets a row, so its states do not seem
                    // to belong to the row drawn before them.
                    for end in components.indices.dropLast() {
                        let ancestor = "/" + components[...end].joined(separator: "/")
                        guard !paths.contains(ancestor), drawn.insert(ancestor).inserted else { continue }
                        list.element("li", ["class": "group", "title": ancestor]) { li in
                            li.element("span", ["style": "padding-left: \(end * 16)px"], text: end == 0 ? ancestor : String(components[end]))
                            li.element("span", ["class": "hits"], text: "")
                        }
                    }
                    let depth = max(0, components.count - 1)
                    let name = state.path.split(separator: "/").last.map(String.init) ?? state.path
                    list.element("li", ["class": state.hits == 0 ? "uncovered" : "covered",
                                        "title": state.path]) { li in
                        li.element("span", ["style": "padding-left: \(depth * 16)px"]) { label in
                            label.text(depth == 0 ? "/" + name : name)
                            if state.hits == 0, let location = state.location { label.element("span", ["class": "loc"], text: location) }
                        }
                        li.element("span", ["class": "hits"], text: state.hits == 0 ? "never" : "\(state.hits)×")
                    }
                }
            }
        }
    }
}
