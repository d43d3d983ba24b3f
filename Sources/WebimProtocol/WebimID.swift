import ConformJSON

/// A chat or operator id as Webim sent it: an integer (2.0 fixtures) or a string (UUIDs in 1.0
/// fixtures). The two are different ids (`1` is not `"1"`), and an id is written back with the
/// type it arrived with, so outbound bodies compare equal to recorded ones.
public enum WebimID: Hashable, Sendable, CustomStringConvertible {
    case integer(Int)
    case string(String)

    public var json: JSONValue {
        switch self {
        case .integer(let value): .number(JSONNumber(value))
        case .string(let value): .string(value)
        }
    }

    /// The id as text (for `channelUserId` fallbacks, file names, messages).
    public var text: String {
        switch self {
        case .integer(let value): String(value)
        case .string(let value): value
        }
    }

    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .string(let value): "\"\(value)\""
        }
    }
}

extension WebimID {
    /// Reads an id at `field`: an integer or a non-empty string.
    static func decode(_ field: JSONField) throws(WebimProtocolError) -> WebimID {
        switch field.value {
        case .string(let text):
            guard !text.isEmpty else {
                throw .invalidValue(path: field.path, expected: "a non-empty id", found: "an empty string")
            }
            return .string(text)
        case .number(let number):
            guard let value = number.exactInt else {
                throw .invalidValue(path: field.path, expected: "an integer or a string id", found: number.literal)
            }
            return .integer(value)
        default:
            throw .wrongType(path: field.path, expected: "an integer or a string id", found: field.value.typeName)
        }
    }
}
