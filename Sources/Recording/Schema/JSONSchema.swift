import ConformJSON

/// A validator for the JSON Schema keywords conform's own schemas use: `type`, `const`, `enum`,
/// `required`, `properties`, `additionalProperties`, `items`, `minimum`, `minLength`, `minItems` and
/// local `$ref`s (`#/$defs/name`). Other keywords are ignored, as JSON Schema prescribes for unknown ones.
public struct JSONSchema: Sendable {
    public let document: JSONValue

    public init(_ document: JSONValue) { self.document = document }

    public struct Violation: Sendable, Equatable, CustomStringConvertible {
        /// Where, as a JSON path (`turns[2].webhook.request.method`); `$` for the document itself.
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    public func validate(_ value: JSONValue) -> [Violation] {
        var violations: [Violation] = []
        var path = Path()
        check(value, against: document, path: &path, into: &violations, depth: 0)
        return violations
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard let ref = schema["$ref"]?.stringValue, ref.hasPrefix("#/") else { return schema }
        var node = document
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = node[String(part)] else { return schema }
            node = next
        }
        return node
    }

    /// Where the check is: the keys and indexes from the document down, turned into text only when a
    /// violation is reported (most documents have none, and text for every node was the check's cost).
    struct Path {
        enum Part { case key(String), index(Int) }
        var parts: [Part] = []

        var text: String {
            parts.reduce("$") { path, part in
                switch part {
                case .key(let key): JSONSchema.join(path, key)
                case .index(let index): "\(path)[\(index)]"
                }
            }
        }
    }

    private func check(_ value: JSONValue, against rawSchema: JSONValue, path: inout Path, into violations: inout [Violation], depth: Int) {
        guard depth < 64 else { return }
        let schema = resolve(rawSchema)
        if let constant = schema["const"], constant != value {
            violations.append(Violation(path: path.text, message: "must be \(JSONWriter.compact(constant)), found \(Self.show(value))"))
            return
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            violations.append(Violation(path: path.text, message: "must be one of \(options.map(JSONWriter.compact).joined(separator: ", ")), found \(Self.show(value))"))
            return
        }
        if let type = schema["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue].compactMap { $0 }
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                violations.append(Violation(path: path.text, message: "must be \(allowed.map(Self.article).joined(separator: " or ")), found \(value.typeName)"))
                return
            }
        }
        if let minimum = schema["minimum"]?.doubleValue, let d = value.doubleValue, d < minimum {
            violations.append(Violation(path: path.text, message: "must be at least \(JSONNumber(minimum)), found \(JSONNumber(d))"))
        }
        if let minLength = schema["minLength"]?.intValue, let s = value.stringValue, s.count < minLength {
            violations.append(Violation(path: path.text, message: minLength == 1 ? "must not be empty" : "must have at least \(minLength) characters"))
        }
        switch value {
        case .object(let members):
            for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[key] == nil {
                violations.append(Violation(path: path.text, message: "is missing the required field \"\(key)\""))
            }
            let properties = schema["properties"]?.objectValue ?? [:]
            let additional = schema["additionalProperties"]
            for (key, member) in members {
                path.parts.append(.key(key))
                defer { path.parts.removeLast() }
                if let propertySchema = properties[key] {
                    check(member, against: propertySchema, path: &path, into: &violations, depth: depth + 1)
                } else if let additional {
                    if additional == .bool(false) {
                        violations.append(Violation(path: path.text, message: "is not an allowed field"))
                    } else if case .object = additional {
                        check(member, against: additional, path: &path, into: &violations, depth: depth + 1)
                    }
                }
            }
        case .array(let items):
            if let minItems = schema["minItems"]?.intValue, items.count < minItems {
                violations.append(Violation(path: path.text, message: "must have at least \(minItems) items"))
            }
            if let itemSchema = schema["items"], case .object = itemSchema {
                for (i, item) in items.enumerated() {
                    path.parts.append(.index(i))
                    check(item, against: itemSchema, path: &path, into: &violations, depth: depth + 1)
                    path.parts.removeLast()
                }
            }
        default:
            break
        }
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number):
            return true
        case ("integer", .number(let n)):
            return n.double.rounded() == n.double && n.double.isFinite
        default:
            return false
        }
    }

    static func article(_ type: String) -> String {
        ["object": "an object", "array": "an array", "integer": "an integer", "null": "null"][type] ?? "a \(type)"
    }

    static func show(_ value: JSONValue) -> String {
        let text = JSONWriter.compact(value)
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    /// `$` + `turns` → `turns`; `turns` + `at` → `turns.at`; keys that are not identifiers are quoted.
    static func join(_ path: String, _ key: String) -> String {
        let identifier = !key.isEmpty && (Self.isASCIIIdentifier(key) ?? key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        let part = identifier ? key : "[\(JSONWriter.compact(.string(key)))]"
        if path == "$" { return identifier ? part : "$" + part }
        return identifier ? path + "." + part : path + part
    }

    /// For an ASCII key, whether it is letters, digits, `_` and `-` only, read from its bytes (paths are
    /// made for every compared value); nil for other keys, which need Unicode's letter classes.
    private static func isASCIIIdentifier(_ key: String) -> Bool? {
        var result = true
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "-"):
                continue
            case 0x80...: return nil
            default: result = false
            }
        }
        return result
    }
}
