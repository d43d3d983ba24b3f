/// A `--listen HOST:PORT` value: `127.0.0.1:8080`, `[::1]:8080`, `0.0.0.0:80`, or `:8080` (loopback).
/// Port 0 asks the system for a free port (tests; the real port is reported once listening).
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public init?(_ text: String) {
        var host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = ""
            portText = Substring(text)
        }
        guard let port = Int(portText), (0...65535).contains(port) else { return nil }
        if host.isEmpty { host = "127.0.0.1" }
        self.init(host: String(host), port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
