import ConformJSON
import Foundation
import WebimChannel

/// One line a person types in `conform chat`, read without any bot state: what it asks for.
///
/// ```swift
/// ChatInput("where is my order")        // .say("where is my order")
/// ChatInput("2")                        // .say("2") — a click when the last keyboard has a button 2
/// ChatInput("/file https://x/t.pdf")    // .file(url: "https://x/t.pdf", name: nil)
/// ChatInput("/start")                   // .sayText("/start") — not a chat command, so a message
/// ```
public enum ChatInput: Equatable, Sendable {
    /// A visitor's message; digits may mean a button of the last keyboard.
    case say(String)
    /// `/say TEXT`: a message sent as text even when it is a button's number.
    case sayText(String)
    /// `/open`: a new chat without messages (`newChatStarted`).
    case open
    /// `/prechat A | B`: a new chat with these pre-chat messages.
    case prechat([String])
    /// `/file URL [NAME]`: a file from the visitor.
    case file(url: String, name: String?)
    /// `/wait SECONDS`: time passes for the bot's clock.
    case wait(Double)
    /// `/close`, `/quit`, `/exit` (and end of input): the visitor leaves.
    case close
    case showState
    case showSession
    case help
    /// Nothing to do (an empty line).
    case nothing
    /// A command written wrongly (`/wait soon`), with why. A `/word` that is no command is `sayText`.
    case invalid(String)

    public init(_ line: String) {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("/") else {
            self = text.isEmpty ? .nothing : .say(text)
            return
        }
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let command = String(parts[0]).lowercased()
        let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
        switch command {
        case "/open": self = argument.isEmpty ? .open : .invalid("/open takes nothing; to open with messages use /prechat \(argument)")
        case "/prechat":
            let texts = argument.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            self = texts.isEmpty ? .invalid("/prechat needs the messages, separated by |: /prechat hello | where is my order") : .prechat(texts)
        case "/say": self = argument.isEmpty ? .invalid("/say needs a text") : .sayText(argument)
        case "/file":
            let fields = argument.split(separator: " ", maxSplits: 1).map(String.init)
            guard let url = fields.first else {
                self = .invalid("/file needs a URL: /file https://example.com/receipt.pdf [name]")
                return
            }
            self = .file(url: url, name: fields.count > 1 ? fields[1] : nil)
        case "/wait":
            guard let seconds = Double(argument), seconds >= 0 else {
                self = .invalid("/wait needs a number of seconds: /wait 30")
                return
            }
            self = .wait(seconds)
        case "/close", "/quit", "/exit": self = .close
        case "/state": self = .showState
        case "/session": self = .showSession
        case "/help", "/?": self = .help
        // Not a chat command: a message (`/start` opens many JAICP bots, as on Telegram).
        default: self = .sayText(text)
        }
    }

    /// What `/help` shows.
    public static let helpLines = [
        "TEXT                a message from the visitor (the first one opens the chat with it as a pre-chat message)",
        "/WORD               a message too, when it is none of the commands below (/start)",
        "N                   press button N of the last keyboard",
        "/open               open the chat without messages (event newChatStarted)",
        "/prechat A | B      open the chat with pre-chat messages A and B",
        "/say TEXT           send TEXT even if it is a button's number",
        "/file URL [NAME]    send a file",
        "/wait SECONDS       let time pass for the bot's clock",
        "/state              the bot's current state",
        "/session            the whole $session",
        "/close              leave (also end of input, Ctrl-D)",
    ]
}

extension ChatInput {
    /// The `file_visitor` data Webim sends for a file: url, name (default: the URL's last path
    /// component) and the media type guessed from them.
    static func fileData(url: String, name: String?) -> JSONValue {
        let name = name ?? WebimMediaType.lastPathComponent(of: url) ?? "file"
        return ["url": .string(url), "name": .string(name), "media_type": .string(WebimMediaType.guess(url: url, name: name))]
    }
}
