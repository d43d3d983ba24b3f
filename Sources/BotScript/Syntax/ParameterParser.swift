/// Parses `key = value, key2 = "v"` parameter lists, as written after `||` or on the lines under a
/// `require:` or an action tag.
///
/// Separators (`,` and line ends) inside quotes, `{…}`, `[…]` and `(…)` belong to the value, so
/// `injector = {a: 1, b: 2}` spanning several lines is one parameter.
enum ParameterParser {
    struct Problem: Error, Equatable {
        var message: String
        /// Offset (in characters) into the parsed text.
        var offset: Int
    }

    /// `oneALine`: the parameters are the `key = value` lines under a `require:` or an action tag, where
    /// JAICP's editor writes free text (`messageBeforeTransfer = Hello, what is your question?`): there
    /// a comma ends a value only when another `name =` follows it.
    static func parse(_ text: String, at location: SourceLocation, lineStarts: [(offset: Int, location: SourceLocation)] = [],
                      oneALine: Bool = false)
        -> (parameters: [ScParameter], problems: [Diagnostic])
    {
        var parameters: [ScParameter] = []
        var problems: [Diagnostic] = []
        let chars = Array(text)
        var i = 0

        func locate(_ offset: Int) -> SourceLocation {
            guard let start = lineStarts.last(where: { $0.offset <= offset }) else {
                return SourceLocation(file: location.file, line: location.line, column: location.column + offset)
            }
            return SourceLocation(file: start.location.file, line: start.location.line,
                                  column: start.location.column + offset - start.offset)
        }

        while i < chars.count {
            while i < chars.count, chars[i].isWhitespace || chars[i] == "," { i += 1 }
            guard i < chars.count else { break }
            let keyStart = i
            while i < chars.count, isKeyCharacter(chars[i]) {
                i += 1
            }
            let key = String(chars[keyStart..<i])
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            guard !key.isEmpty, i < chars.count, chars[i] == "=" else {
                problems.append(.error("expected 'name = value' in the parameters, found '\(String(chars[keyStart...]).prefix(40))'",
                                       at: locate(keyStart),
                                       hint: "write parameters as `|| key = value, other = \"text\"`"))
                // Skip to the next separator and go on, so one typo does not hide the rest.
                while i < chars.count, chars[i] != ",", !chars[i].isNewline { i += 1 }
                continue
            }
            i += 1
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            let valueStart = i
            var depth = 0
            var quote: Character?
            var problem: String?
            // Free text under an action tag (`message = Don't worry (really)`): its quotes and brackets
            // are letters, and it ends where the next `name =` starts — the editor continues a long text
            // on the lines below; only a value that starts with a quote or bracket is grouped.
            let freeText = oneALine && !(i < chars.count && "\"'{[(".contains(chars[i]))
            scan: while i < chars.count {
                let c = chars[i]
                if freeText {
                    if (c.isNewline || c == ",") && startsParameter(chars, after: i) { break scan }
                } else if let q = quote {
                    if c == "\\" { i += 2; continue }
                    if c == q { quote = nil }
                } else {
                    switch c {
                    case "\"", "'": quote = c
                    case "{", "[", "(": depth += 1
                    case "}", "]", ")": depth -= 1
                    case _ where c.isNewline && depth <= 0: break scan
                    case "," where depth <= 0 && (!oneALine || startsParameter(chars, after: i)): break scan
                    default: break
                    }
                }
                i += 1
            }
            if quote != nil { problem = "a quoted value is not closed" }
            else if depth > 0 { problem = "a '{', '[' or '(' in the value is not closed" }
            let raw = String(chars[valueStart..<min(i, chars.count)]).trimmingCharacters()
            if let problem {
                problems.append(.error("parameter '\(key)': \(problem)", at: locate(valueStart)))
            }
            let value = interpret(raw)
            let text: String
            if case .string(let unquoted) = value { text = unquoted } else { text = raw }
            parameters.append(ScParameter(key: key, value: value, text: text, location: locate(keyStart)))
        }
        return (parameters, problems)
    }

    /// A character of a parameter's name (`messageBeforeTransfer`, `sys.zb-common`'s `module`).
    private static func isKeyCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "-" || c == "."
    }

    /// Whether what follows the separator at `index` is another `name = value` (or nothing).
    private static func startsParameter(_ chars: [Character], after index: Int) -> Bool {
        var i = index + 1
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        guard i < chars.count else { return true }
        let keyStart = i
        while i < chars.count, isKeyCharacter(chars[i]) {
            i += 1
        }
        guard i > keyStart else { return false }
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        return i < chars.count && chars[i] == "=" && (i + 1 == chars.count || chars[i + 1] != "=")
    }

    /// Whether `text` ends inside a quoted string or an unclosed bracket.
    static func isOpen(_ text: String) -> Bool {
        var depth = 0
        var quote: Character?
        var escaping = false
        for c in text {
            if let q = quote {
                if escaping { escaping = false } else if c == "\\" { escaping = true } else if c == q { quote = nil }
            } else {
                switch c {
                case "\"", "'": quote = c
                case "{", "[", "(": depth += 1
                case "}", "]", ")": depth -= 1
                default: break
                }
            }
        }
        return quote != nil || depth > 0
    }

    static func interpret(_ raw: String) -> ScParameter.Value {
        if raw.count >= 2, let first = raw.first, first == "\"" || first == "'", raw.last == first {
            return .string(unescape(String(raw.dropFirst().dropLast())))
        }
        if raw == "true" { return .bool(true) }
        if raw == "false" { return .bool(false) }
        if let n = Double(raw), raw.first?.isNumber == true || raw.first == "-" { return .number(n) }
        return .raw(raw)
    }

    private static func unescape(_ s: String) -> String {
        guard s.contains("\\") else { return s }
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                switch c {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}

extension String {
    func trimmingCharacters() -> String {
        if let ascii = ASCIIDelimiters.trimmedASCII(Substring(self)) { return String(ascii) }
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension Substring {
    func trimmed() -> Substring {
        if let ascii = ASCIIDelimiters.trimmedASCII(self) { return ascii }
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
