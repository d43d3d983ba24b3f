import Foundation

/// The Webim account's admin email and password: what JAICP's Webim channel asks for to read
/// dialogs, and what Webim's stored-data API takes as HTTP Basic auth. Both are secrets: the
/// description shows neither (the email identifies an admin and is redacted like the password).
public struct WebimAdminLogin: Sendable, Equatable, CustomStringConvertible {
    public var email: String
    public var password: String

    public init(email: String, password: String) {
        self.email = email
        self.password = password
    }

    /// `Basic base64(email:password)`.
    public var authorization: String { "Basic " + Data("\(email):\(password)".utf8).base64EncodedString() }

    public var description: String { "the admin login (hidden)" }
}
