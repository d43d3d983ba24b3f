/// JSON as people write it inside JAICP test files and `.sc` parameters (`injector = {…}`): strict JSON, or a JavaScript object literal
/// (`{data: {response: 'ok'},}` — unquoted keys, single quotes, trailing commas, comments), which
/// public bots' tests use and JAICP accepts.
///
/// ```swift
/// try RelaxedJSON.parse("{data:{response:\"ok\"}}")   // {"data": {"response": "ok"}}
/// ```
public enum RelaxedJSON {
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        if let strict = try? JSONParser.parse(text) { return strict }
        return try JSONParser.parse(strictText(text))
    }

    /// The text rewritten as strict JSON; line breaks are kept, so error lines still point at the source.
    static func strictText(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        func peekNonSpace(from start: Int) -> Character? {
            var j = start
            while j < chars.count, chars[j].isWhitespace { j += 1 }
            return j < chars.count ? chars[j] : nil
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"":
                out.append(c)
                i += 1
                while i < chars.count {
                    out.append(chars[i])
                    if chars[i] == "\\", i + 1 < chars.count {
                        out.append(chars[i + 1])
                        i += 2
                        continue
                    }
                    i += 1
                    if chars[i - 1] == "\"" { break }
                }
            case "'":
                var value = ""
                i += 1
                while i < chars.count, chars[i] != "'" {
                    if chars[i] == "\\", i + 1 < chars.count {
                        value.append(chars[i + 1] == "'" ? "'" : "\\\(chars[i + 1])")
                        i += 2
                        continue
                    }
                    value.append(chars[i] == "\"" ? "\\\"" : String(chars[i]))
                    i += 1
                }
                i += 1
                out += "\"\(value)\""
            case "/" where i + 1 < chars.count && chars[i + 1] == "/":
                // `isNewline`: in a file with Windows line ends "\r\n" is one Character, never "\n".
                while i < chars.count, !chars[i].isNewline { i += 1 }
            case "/" where i + 1 < chars.count && chars[i + 1] == "*":
                i += 2
                while i < chars.count, !(chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/") {
                    if chars[i].isNewline { out.append("\n") }
                    i += 1
                }
                i += 2
            case ",":
                if let next = peekNonSpace(from: i + 1), next == "}" || next == "]" {
                    i += 1
                } else {
                    out.append(c)
                    i += 1
                }
            default:
                if c.isLetter || c == "_" || c == "$" {
                    var word = ""
                    while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "$" {
                        word.append(chars[i])
                        i += 1
                    }
                    if peekNonSpace(from: i) == ":" {
                        out += "\"\(word)\""
                    } else {
                        out += word
                    }
                } else {
                    out.append(c)
                    i += 1
                }
            }
        }
        return out
    }
}
