import Foundation

/// `--webhook-secret`: Webim signs nothing on the bot webhook, so integrators put a shared secret in
/// the webhook URL they give Webim — as HTTP Basic auth (`https://conform:SECRET@host/`; the user
/// name is not checked) or as a `secret` query parameter (`https://host/?secret=SECRET`). A request
/// without it is refused with 401 before anything else happens; the secret is never recorded or
/// forwarded.
///
/// ```swift
/// let secret = WebhookSecret("s3cret")
/// secret.admits(target: "/?secret=s3cret", authorization: nil)   // true
/// secret.stripped("/v2?secret=s3cret&x=1")                        // "/v2?x=1"
/// ```
public struct WebhookSecret: Sendable, Equatable {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public static let refusal = "the webhook needs conform's shared secret: as HTTP Basic auth (any user, the secret as password) or a `secret` query parameter"

    /// Whether a request with this path-and-query and `Authorization` header carries the secret.
    public func admits(target: String, authorization: String?) -> Bool {
        if let query = Self.query(of: target) {
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, parts[0] == "secret" else { continue }
                let given = String(parts[1]).removingPercentEncoding ?? String(parts[1])
                if Self.equal(given, value) { return true }
            }
        }
        if let authorization, authorization.lowercased().hasPrefix("basic "),
           let decoded = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
           let credentials = String(data: decoded, encoding: .utf8), let colon = credentials.firstIndex(of: ":") {
            return Self.equal(String(credentials[credentials.index(after: colon)...]), value)
        }
        return false
    }

    /// The path and query without the `secret` parameter (what the bot behind conform gets).
    public func stripped(_ target: String) -> String {
        guard let question = target.firstIndex(of: "?") else { return target }
        let kept = target[target.index(after: question)...].split(separator: "&").filter { !$0.hasPrefix("secret=") }
        return String(target[..<question]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    /// Whether this `Authorization` header is the secret's (and so belongs to conform, not the bot).
    public func isSecretAuthorization(_ authorization: String) -> Bool {
        admits(target: "/", authorization: authorization)
    }

    private static func query(of target: String) -> Substring? {
        guard let question = target.firstIndex(of: "?") else { return nil }
        return target[target.index(after: question)...]
    }

    /// Compares in time independent of where the first difference is.
    private static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}
