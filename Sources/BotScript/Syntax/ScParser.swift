/// Turns the text of one `.sc` file into a tree of `ScNode`s: tags, values, `||` parameters,
/// indentation nesting, comments, and multi-line bodies. No meaning is given to tags here, except
/// for how their nested lines are read (see `ScTagKind`).
public enum ScParser {
    public static func parse(_ source: SourceText) -> (nodes: [ScNode], diagnostics: [Diagnostic]) {
        var parser = Parser(source: source)
        var stray: [ScNode.BodyLine] = []
        let nodes = parser.parseBlock(range: 0..<source.lines.count, continuation: &stray, acceptsContinuation: false)
        return (nodes, parser.diagnostics)
    }

    /// A line that opens a tag: `name:` or `name!:` followed by a space or the end of the line.
    /// Read in UTF-8 bytes (a tag is ASCII); a line whose tag region holds other characters is read by
    /// `Character`, where a combining mark can join a letter or the colon.
    static func tagPrefix(of content: Substring) -> (tag: Substring, rest: Substring)? {
        let utf8 = content.utf8
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        var i = utf8.startIndex
        guard i < utf8.endIndex else { return nil }
        guard isLetter(utf8[i]) || utf8[i] == 0x5F else { return utf8[i] >= 0x80 ? characterTagPrefix(of: content) : nil }
        while i < utf8.endIndex, isLetter(utf8[i]) || (utf8[i] >= 0x30 && utf8[i] <= 0x39) || utf8[i] == 0x5F {
            i = utf8.index(after: i)
        }
        if i < utf8.endIndex, utf8[i] == 0x21 { i = utf8.index(after: i) }
        guard i < utf8.endIndex, utf8[i] == 0x3A else {
            return i < utf8.endIndex && utf8[i] >= 0x80 ? characterTagPrefix(of: content) : nil
        }
        let afterColon = utf8.index(after: i)
        if afterColon < utf8.endIndex, utf8[afterColon] >= 0x80 { return characterTagPrefix(of: content) }
        let tag = content[content.startIndex..<i]
        let bare = tag.hasSuffix("!") ? tag.dropLast() : tag[...]
        guard afterColon == utf8.endIndex || utf8[afterColon] == 0x20 || utf8[afterColon] == 0x09
            || dslTags.contains(String(bare)) else { return nil }
        return (tag, content[afterColon...])
    }

    static func characterTagPrefix(of content: Substring) -> (tag: Substring, rest: Substring)? {
        var i = content.startIndex
        guard i < content.endIndex, content[i].isASCII, content[i].isLetter || content[i] == "_" else { return nil }
        while i < content.endIndex, content[i].isASCII, content[i].isLetter || content[i].isNumber || content[i] == "_" {
            i = content.index(after: i)
        }
        if i < content.endIndex, content[i] == "!" { i = content.index(after: i) }
        guard i < content.endIndex, content[i] == ":" else { return nil }
        let tag = content[content.startIndex..<i]
        let afterColon = content.index(after: i)
        // `go!:/Play` and `a:{{x}}` are written in real projects; a DSL tag needs no space after its
        // colon. Other words do, so that `http://…` or `Note: …` in text is not taken for a tag.
        let bare = tag.hasSuffix("!") ? tag.dropLast() : tag[...]
        guard afterColon == content.endIndex || content[afterColon] == " " || content[afterColon] == "\t"
            || dslTags.contains(String(bare)) else { return nil }
        return (tag, content[afterColon...])
    }

    /// The lower-case tags of the JAICP DSL.
    static let dslTags: Set<String> = [
        "theme", "state", "init", "patterns", "require", "q", "event", "intent", "intentGroup", "e", "eg", "a", "random", "buttons",
        "inlineButtons", "image", "audio", "video", "file", "go", "script", "scriptEs6", "if", "elseif", "else", "timeout",
    ]

    /// Splits `value || key = v` at the first `||` outside quotes and `{{ … }}` templates.
    ///
    /// Read in UTF-8 bytes; where a non-ASCII character touches one of the characters that matter (a
    /// combining mark after a quote makes it another character), the text is read by `Character`.
    static func splitParameters(_ text: Substring) -> (value: Substring, parameters: Substring?) {
        let utf8 = text.utf8
        let matters = { (byte: UInt8) in byte == 0x22 || byte == 0x5C || byte == 0x7B || byte == 0x7D || byte == 0x7C }
        guard ASCIIDelimiters.standAlone(in: utf8, matters) else { return characterSplitParameters(text) }
        var inQuote = false
        var braces = 0
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            let next = utf8.index(after: i)
            if inQuote {
                if byte == 0x5C { i = next < utf8.endIndex ? utf8.index(after: next) : next; continue }
                if byte == 0x22 { inQuote = false }
            } else if byte == 0x22 {
                inQuote = true
            } else if byte == 0x7B {
                braces += 1
            } else if byte == 0x7D {
                braces = max(0, braces - 1)
            } else if byte == 0x7C, braces == 0, next < utf8.endIndex, utf8[next] == 0x7C {
                return (text[text.startIndex..<i], text[utf8.index(after: next)...])
            }
            i = next
        }
        return (text, nil)
    }

    static func characterSplitParameters(_ text: Substring) -> (value: Substring, parameters: Substring?) {
        var quote: Character?
        var braces = 0
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if let q = quote {
                if c == "\\" { i = next < text.endIndex ? text.index(after: next) : next; continue }
                if c == q { quote = nil }
            } else if c == "\"" {
                quote = c
            } else if c == "{" {
                braces += 1
            } else if c == "}" {
                braces = max(0, braces - 1)
            } else if c == "|", braces == 0, next < text.endIndex, text[next] == "|" {
                return (text[text.startIndex..<i], text[text.index(after: next)...])
            }
            i = next
        }
        return (text, nil)
    }
}

/// How the lines nested under a tag are read.
enum ScTagKind {
    /// `theme:`, `state:`, `random:`, `if:`/`elseif:`/`else:`: nested lines are child tags; plain text
    /// before the first child continues the value (a long `if:` condition).
    case container
    /// `script:`, `scriptEs6:`, `init:`: everything nested is JavaScript, kept verbatim.
    case raw
    /// Every other tag: nested lines are its body (continued text, buttons, parameters, declarations).
    case leaf
    /// The top level of a file.
    case file

    init(tag: String) {
        switch tag {
        case "theme", "state", "random", "if", "elseif", "else": self = .container
        case "script", "scriptEs6", "init": self = .raw
        default: self = .leaf
        }
    }
}

private struct Parser {
    let source: SourceText
    var diagnostics: [Diagnostic] = []

    init(source: SourceText) { self.source = source }

    func location(_ line: SourceText.Line, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: source.file, line: line.number, column: column ?? line.indent + 1)
    }

    /// Parses the lines of `range` (all indented deeper than `parentIndent`) as a sequence of tags.
    /// Text lines that are not tags are returned through `continuation` when the container allows it.
    mutating func parseBlock(range: Range<Int>, continuation: inout [ScNode.BodyLine],
                             acceptsContinuation: Bool) -> [ScNode] {
        var nodes: [ScNode] = []
        var blockIndent: Int?
        var i = range.lowerBound
        while i < range.upperBound {
            let line = source.lines[i]
            if line.isBlank || line.isComment { i += 1; continue }
            if blockIndent == nil { blockIndent = line.indent }
            let indent = blockIndent!
            if line.indent != indent {
                diagnostics.append(.error(
                    "inconsistent indentation: this line is indented \(line.indent) columns, its siblings \(indent)",
                    at: location(line),
                    hint: "indent nested tags deeper than their parent and siblings equally"))
            }
            if line.content.hasPrefix("@") {
                // JAICP's visual editor writes blocks such as `@InputText` into .sc files.
                let name = line.content.prefix(while: { !$0.isWhitespace && $0 != ":" })
                diagnostics.append(.error("visual-editor block \(name) is not supported by conform",
                                          at: location(line),
                                          hint: "blocks made in JAICP's visual editor run only in the JAICP cloud"))
                i = blockEnd(after: i, indent: line.indent)
                continue
            }
            if line.content.trimmed() == "else" {
                // *(inferred)* `else` without its colon: a public project's blocks write it so, and
                // their tests pass on JAICP; read as `else:`, with a warning.
                diagnostics.append(.warning("`else` without a colon is read as `else:`", at: location(line),
                                            hint: "write `else:`"))
                let end = blockEnd(after: i, indent: line.indent)
                nodes.append(parseTag(line: line, tag: "else", rest: "", nested: (i + 1)..<end))
                i = end
                continue
            }
            guard let (tag, rest) = ScParser.tagPrefix(of: line.content) else {
                if nodes.isEmpty, acceptsContinuation {
                    continuation.append(.init(text: String(line.content), location: location(line)))
                } else {
                    diagnostics.append(.error("expected a tag such as `state:` or `a:`, found '\(line.content.prefix(40))'",
                                              at: location(line),
                                              hint: "text continuing a value must be indented under its tag"))
                }
                i = blockEnd(after: i, indent: line.indent)
                continue
            }
            let end = blockEnd(after: i, indent: line.indent)
            nodes.append(parseTag(line: line, tag: String(tag), rest: rest, nested: (i + 1)..<end))
            i = end
        }
        return nodes
    }

    /// The index after the last line that belongs under line `index` (deeper, blank or comment lines;
    /// trailing blank and comment lines are left to the enclosing block).
    func blockEnd(after index: Int, indent: Int) -> Int {
        var end = index + 1
        var lastContent = index
        while end < source.lines.count {
            let line = source.lines[end]
            if line.isBlank || line.isComment { end += 1; continue }
            if line.indent <= indent { break }
            lastContent = end
            end += 1
        }
        return lastContent + 1
    }

    mutating func parseTag(line: SourceText.Line, tag: String, rest: Substring, nested: Range<Int>) -> ScNode {
        let valueColumnOffset = line.indent + tag.count + 1 + rest.prefix(while: { $0 == " " || $0 == "\t" }).count
        let kind = ScTagKind(tag: tag)
        // In JavaScript (`script:` and `if:` conditions) `||` is the logical or, not the parameter separator.
        let isJavaScript = kind == .raw || tag == "if" || tag == "elseif"
        let (valueText, parameterText) = isJavaScript ? (rest, nil) : ScParser.splitParameters(rest)
        var node = ScNode(
            tag: tag, value: String(valueText.trimmed()), parameters: [], body: [], children: [],
            location: location(line), valueLocation: location(line, column: valueColumnOffset + 1))

        switch kind {
        case .raw:
            node.body = rawBody(nested)
        case .container, .file:
            var continuation: [ScNode.BodyLine] = []
            node.children = parseBlock(range: nested, continuation: &continuation, acceptsContinuation: true)
            node.body = continuation
        case .leaf:
            for index in nested {
                let l = source.lines[index]
                if l.isBlank || l.isComment { continue }
                node.body.append(.init(text: String(l.content), location: location(l)))
            }
        }

        var parameterSource = ""
        var lineStarts: [(offset: Int, location: SourceLocation)] = []
        if let parameterText {
            let column = line.indent + 1 + ASCIIDelimiters.characterOffset(in: line.content, to: parameterText.startIndex)
            lineStarts.append((0, location(line, column: column)))
            parameterSource = String(parameterText)
        }
        // A quoted or `{…}` parameter value may go on over the following lines (`html = "…` on an `a:`).
        if kind == .leaf, !parameterSource.isEmpty, ParameterParser.isOpen(parameterSource) {
            var consumed = 0
            for bodyLine in node.body {
                parameterSource += "\n"
                lineStarts.append((parameterSource.count, bodyLine.location))
                parameterSource += bodyLine.text
                consumed += 1
                if !ParameterParser.isOpen(parameterSource) { break }
            }
            node.body.removeFirst(consumed)
        }
        // `require:` and capitalized action tags take `key = value` lines under them.
        let linesUnder = tag == "require" || tag.first?.isUppercase == true
        if linesUnder {
            for bodyLine in node.body {
                parameterSource += parameterSource.isEmpty ? "" : "\n"
                lineStarts.append((parameterSource.count, bodyLine.location))
                parameterSource += bodyLine.text
            }
            node.body = []
        }
        if !parameterSource.isEmpty {
            let (parameters, problems) = ParameterParser.parse(parameterSource, at: node.location, lineStarts: lineStarts,
                                                               oneALine: linesUnder)
            node.parameters = parameters
            diagnostics += problems
        }
        return node
    }

    /// JavaScript under `script:`: lines kept with the indentation beyond the block's own, blank lines
    /// kept (line numbers of errors stay right), `#` comment lines dropped (not JavaScript).
    func rawBody(_ range: Range<Int>) -> [ScNode.BodyLine] {
        let indents = range.map { source.lines[$0] }.filter { !$0.isBlank && !$0.isComment }.map(\.indent)
        let base = indents.min() ?? 0
        var lines: [ScNode.BodyLine] = []
        for index in range {
            let l = source.lines[index]
            if l.isComment { lines.append(.init(text: "", location: location(l))); continue }
            let text = l.isBlank ? "" : String(repeating: " ", count: max(0, l.indent - base)) + l.content
            lines.append(.init(text: text, location: location(l)))
        }
        while lines.last?.text.isEmpty == true { lines.removeLast() }
        return lines
    }
}
