import Foundation

/// A Webim account as JAICP's Webim channel names it: by its domain (`examplecom` for
/// https://examplecom.webim.ru), or by its full address when it lives elsewhere. The bot API is
/// under it at `/api/bot/v2/`.
///
/// ```swift
/// try WebimAccount("examplecom").baseURL                    // "https://examplecom.webim.ru"
/// try WebimAccount("https://chat.example.com/").botAPIBase  // "https://chat.example.com/api/bot/v2/"
/// ```
public struct WebimAccount: Sendable, Equatable, CustomStringConvertible {
    /// `https://examplecom.webim.ru`, no trailing slash.
    public let baseURL: String

    public var botAPIBase: String { baseURL + WebimBotAPI2Method.pathPrefix }
    public var description: String { baseURL }

    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var value: String
        public var description: String {
            "--domain expects the Webim account's domain (examplecom for https://examplecom.webim.ru) or its "
                + "https:// address, got '\(value)'"
        }
    }

    public init(_ domain: String) throws(Invalid) {
        let text = domain.trimmingCharacters(in: .whitespaces)
        if text.contains("://") {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  let host = url.host, Self.isHostName(host), url.user == nil, url.query == nil, url.fragment == nil,
                  url.path.isEmpty || url.path == "/" else {
                throw Invalid(value: text)
            }
            baseURL = "\(scheme)://\(host.lowercased())" + (url.port.map { ":\($0)" } ?? "")
        } else if text.contains(".") {
            // A host name without a scheme: `examplecom.webim.ru`.
            guard Self.isHostName(text) else { throw Invalid(value: text) }
            baseURL = "https://" + text.lowercased()
        } else {
            guard Self.isLabel(text) else { throw Invalid(value: text) }
            baseURL = "https://\(text.lowercased()).webim.ru"
        }
    }

    /// One DNS label: letters, digits and inner hyphens, at most 63 characters.
    static func isLabel(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 63, text.first != "-", text.last != "-" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    static func isHostName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return text.count <= 253 && labels.allSatisfy { isLabel(String($0)) }
    }
}
