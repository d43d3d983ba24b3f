/// What went wrong with an XML document, and where.
public enum XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not well-formed XML.
    case malformed(message: String, line: Int, column: Int)
    /// A name that XML does not allow for an element or attribute (a bug in the caller, reported, not trapped).
    case invalidName(String)
    /// The schema itself could not be read.
    case invalidSchema([String])
    /// libxml2 failed for a reason of its own (out of memory, internal error).
    case internalFailure(String)

    public var description: String {
        switch self {
        case .malformed(let message, let line, let column): "line \(line), column \(column): \(message)"
        case .invalidName(let name): "'\(name)' is not a valid XML name"
        case .invalidSchema(let messages): "the XML schema is invalid: \(messages.joined(separator: "; "))"
        case .internalFailure(let what): "libxml2 failed: \(what)"
        }
    }
}
