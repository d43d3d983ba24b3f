import ConformJSON

/// A JSON value together with the path it was read from, so every decoding error can name the
/// field (`chat.id`, `messages[0].kind`). Absent and `null` are treated alike: Webim omits fields
/// and some integrations send `null` for "not set".
struct JSONField {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member `key`, or nil when it is absent or `null` (or when this is not an object).
    func member(_ key: String) -> JSONField? {
        guard let child = value[key]?.nonNull else { return nil }
        return JSONField(child, path: childPath(key))
    }

    func required(_ key: String, expected: String) throws(WebimProtocolError) -> JSONField {
        guard let child = member(key) else { throw .missing(path: childPath(key), expected: expected) }
        return child
    }

    func object(expected: String = "an object") throws(WebimProtocolError) -> JSONField {
        guard case .object = value else { throw .wrongType(path: path, expected: expected, found: value.typeName) }
        return self
    }

    func string(expected: String = "a string") throws(WebimProtocolError) -> String {
        guard case .string(let text) = value else { throw .wrongType(path: path, expected: expected, found: value.typeName) }
        return text
    }

    /// Ids Webim writes sometimes as strings, sometimes as numbers: read either as text.
    func identifier(expected: String = "a string or number id") throws(WebimProtocolError) -> String {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.literal
        default: throw .wrongType(path: path, expected: expected, found: value.typeName)
        }
    }

    func integer(expected: String = "an integer") throws(WebimProtocolError) -> Int {
        guard case .number(let number) = value else { throw .wrongType(path: path, expected: expected, found: value.typeName) }
        guard let int = number.exactInt else { throw .invalidValue(path: path, expected: expected, found: number.literal) }
        return int
    }

    func elements(expected: String = "an array") throws(WebimProtocolError) -> [JSONField] {
        guard case .array(let items) = value else { throw .wrongType(path: path, expected: expected, found: value.typeName) }
        return items.enumerated().map { JSONField($0.element, path: "\(path)[\($0.offset)]") }
    }

    func optionalString(_ key: String) throws(WebimProtocolError) -> String? {
        try member(key)?.string()
    }
}
