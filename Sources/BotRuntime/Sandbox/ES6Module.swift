import JSEngine

/// Turns an ES6 module required with `type = scriptEs6, name = x` into classic code that binds its
/// exports to the global `x`. JavaScriptCore's C API has no module loader, so this is a textual
/// rewrite of the `export` forms bots use; `import` (npm packages) cannot work offline and is an error.
enum ES6Module {
    static func transform(_ code: String, name: String?, file: String) throws(JSScriptError) -> String {
        var exports: [(exported: String, local: String)] = []
        var lines: [String] = []
        for (index, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var text = String(line)
            let trimmed = text.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("import ") || trimmed.hasPrefix("import{") {
                throw JSScriptError(name: "SyntaxError",
                                    message: "ES6 `import` is not supported offline (npm packages need JAICP's cloud)",
                                    source: file, line: index + 1)
            }
            if trimmed.hasPrefix("export ") {
                let indent = String(text.prefix(text.count - trimmed.count))
                var rest = trimmed.dropFirst("export ".count)
                if rest.hasPrefix("default ") {
                    rest = rest.dropFirst("default ".count)
                    text = indent + "var __default = " + rest
                    exports.append(("default", "__default"))
                } else {
                    text = indent + rest
                    for keyword in ["async function ", "function* ", "function ", "class ", "const ", "let ", "var "]
                    where rest.hasPrefix(keyword) {
                        let afterKeyword = rest.dropFirst(keyword.count).drop(while: { $0 == " " || $0 == "*" })
                        let identifier = afterKeyword.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" })
                        if !identifier.isEmpty { exports.append((String(identifier), String(identifier))) }
                        break
                    }
                }
            }
            lines.append(text)
        }
        let object = exports.map { "\"\($0.exported)\": \($0.local)" }.joined(separator: ", ")
        // Line 1 of the module stays on line 1, so error positions still match the file.
        let binding = name.map { "var \($0) = " } ?? ""
        return binding + "(function () { " + lines.joined(separator: "\n") + "\nreturn {\(object)};\n})();"
    }
}
