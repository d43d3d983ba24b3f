/// Writes HTML markup. Tag names, attribute names and raw markup are `StaticString`s — literals in
/// conform's source — and every runtime string goes through `escape`, so nothing from a recording (a
/// visitor's text, a state name, a file name) can ever become markup.
///
/// ```swift
/// var html = HTMLBuilder()
/// html.element("p", ["class": "note"], text: visitorText)   // <p class="note">&lt;script&gt;…</p>
/// ```
struct HTMLBuilder {
    private(set) var text = ""

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
    /// Characters HTML forbids outright (NUL, other C0 controls but tab and newlines) become U+FFFD.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Markup written by conform itself (the doctype, the style sheet, the filter script).
    mutating func raw(_ markup: StaticString) {
        text += markup.description
    }

    mutating func text(_ value: String) {
        text += Self.escape(value)
    }

    mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) {
        text += "<\(tag)"
        for (name, value) in attributes { text += " \(name)=\"\(Self.escape(value))\"" }
        text += ">"
    }

    mutating func close(_ tag: StaticString) {
        text += "</\(tag)>"
    }

    /// An element with no content (`<meta …/>`); written self-closed so the page is also well-formed XML.
    mutating func void(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) {
        text += "<\(tag)"
        for (name, value) in attributes { text += " \(name)=\"\(Self.escape(value))\"" }
        text += "/>"
    }

    mutating func element(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], text value: String) {
        open(tag, attributes)
        text(value)
        close(tag)
    }

    mutating func element(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:],
                          _ body: (inout HTMLBuilder) -> Void) {
        open(tag, attributes)
        body(&self)
        close(tag)
    }
}
