/// A Webim bot-integration dialect: how webhooks are shaped and how the bot answers.
///
/// Webim documents two: External Bot API 1.0 (the bot answers inside the webhook's HTTP response)
/// and 2.0 (the webhook is acknowledged and the bot calls Webim's REST API). Any other name is
/// kept as is, so a recording of a dialect conform does not parse yet still says what it was.
///
/// ```swift
/// WebimDialect("bot-api-2") == .botAPI2   // true
/// WebimDialect("bot-api-3").isKnown       // false
/// ```
public struct WebimDialect: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// External Bot API 1.0: synchronous, `{"has_answer": …, "messages": […]}` in the webhook response.
    public static let botAPI1 = WebimDialect("bot-api-1")
    /// External Bot API 2.0: the webhook answers `{"result": "ok"}`, replies go to `/api/bot/v2/<method>`.
    public static let botAPI2 = WebimDialect("bot-api-2")

    /// The dialects conform parses, in the order error messages list them.
    public static let known: [WebimDialect] = [.botAPI1, .botAPI2]

    public var isKnown: Bool { WebimDialect.known.contains(self) }

    /// The dialect of a Bot API version as Webim writes it in `X-Bot-API-Version` ("2.0", "1.0")
    /// or in a URL suffix ("2"): the major number decides, as Webim's own sample bot routes.
    public init?(apiVersion: String) {
        let trimmed = apiVersion.trimmingWhitespace()
        let major = trimmed.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        guard !major.isEmpty else { return nil }
        self.init("bot-api-" + (major.allSatisfy(\.isNumber) ? major : trimmed))
    }

    public var description: String { rawValue }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
