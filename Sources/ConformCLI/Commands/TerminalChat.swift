import Foundation
import LocalChat

/// `conform chat`'s two faces. In a terminal: a prompt before each line and colours by kind, and
/// the visitor's own typed text is not repeated. Otherwise (input from a pipe or a file): no prompt
/// and no colour, every line printed as it is — a transcript a script can read.
struct TerminalChat {
    let interactive: Bool
    let color: Bool

    static let prompt = "you› "

    /// The next typed line, or nil at the end of input.
    func read() -> String? {
        if interactive { try? FileHandle.standardOutput.write(contentsOf: Data((color ? "\u{1B}[1m\(Self.prompt)\u{1B}[0m" : Self.prompt).utf8)) }
        let line = readLine(strippingNewline: true)
        if line == nil, interactive { try? FileHandle.standardOutput.write(contentsOf: Data("\n".utf8)) }
        return line
    }

    func show(_ lines: [ChatLine], typed: String? = nil) {
        var text = ""
        for line in lines {
            // The terminal already shows what was typed.
            if interactive, let typed, line.kind == .visitor, line.text == "visitor: \(typed.trimmingCharacters(in: .whitespaces))" {
                continue
            }
            text += paint(line) + "\n"
        }
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    private func paint(_ line: ChatLine) -> String {
        guard color else { return line.text }
        let code = switch line.kind {
        case .visitor: "36"     // cyan
        case .bot: "1"          // bold
        case .event: "35"       // magenta
        case .state: "2"        // dim
        case .warning: "33"     // yellow
        case .error: "31"       // red
        case .info: "0"
        }
        return "\u{1B}[\(code)m\(line.text)\u{1B}[0m"
    }
}
