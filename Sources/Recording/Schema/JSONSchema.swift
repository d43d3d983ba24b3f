import ConformJSON

/// A validator for the JSON Schema keywords conform's own schemas use: `type`, `const`, `enum`,
/// `required`, `properties`, `additionalProperties`, `items`, `minimum`, `minLength`, `minItems` and
/// local `$ref`s (`#/$defs/name`). Other keywords are ignored, as JSON Schema prescribes for unknown ones.
public struct JSONSchema: Sendable {
    public let document: JSONValue

    /// The document made into nodes once, so a check reads fields instead of looking keywords up in
    /// dictionaries and building arrays at every value (the check was a third of loading a recording).
    private let root: Node

    public init(_ document: JSONValue) {
        self.document = document
        var compiler = Compiler(document: document)
        root = compiler.node(for: document)
    }

    public struct Violation: Sendable, Equatable, CustomStringConvertible {
        /// Where, as a JSON path (`turns[2].webhook.request.method`); `$` for the document itself.
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    public func validate(_ value: JSONValue) -> [Violation] {
        var violations: [Violation] = []
        var path = JSONLocation(base: "$")
        check(value, against: root, path: &path, into: &violations, depth: 0)
        return violations
    }

    /// One schema, its keywords read out. A class so `$ref`s (which may be recursive) share one node.
    private final class Node: @unchecked Sendable {
        var constant: JSONValue?
        var options: [JSONValue]?
        var types: [String]?
        var minimum: Double?
        var minLength: Int?
        var minItems: Int?
        var required: [String] = []
        var properties: [String: Node] = [:]
        var additional: Additional = .unchecked
        var items: Node?
        /// No keyword at all (a webhook's body, say): nothing inside the value needs visiting.
        var acceptsAnything = false
        /// An object's members are checked only against `properties` or `additionalProperties`.
        var visitsMembers = false
    }

    private enum Additional { case unchecked, forbidden, schema(Node) }

    private struct Compiler {
        let document: JSONValue
        var byReference: [String: Node] = [:]

        /// The node for a schema; a local `$ref` is followed one step, as the check always did.
        mutating func node(for raw: JSONValue) -> Node {
            guard let ref = raw["$ref"]?.stringValue, ref.hasPrefix("#/") else { return fill(Node(), from: raw) }
            if let known = byReference[ref] { return known }
            var target = document
            for part in ref.dropFirst(2).split(separator: "/") {
                guard let next = target[String(part)] else { return fill(Node(), from: raw) }
                target = next
            }
            let node = Node()
            byReference[ref] = node
            return fill(node, from: target)
        }

        mutating func fill(_ node: Node, from schema: JSONValue) -> Node {
            node.constant = schema["const"]
            node.options = schema["enum"]?.arrayValue
            if let type = schema["type"] {
                node.types = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue].compactMap { $0 }
            }
            node.minimum = schema["minimum"]?.doubleValue
            node.minLength = schema["minLength"]?.intValue
            node.minItems = schema["minItems"]?.intValue
            node.required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for (key, property) in schema["properties"]?.objectValue ?? [:] { node.properties[key] = self.node(for: property) }
            switch schema["additionalProperties"] {
            case .bool(false)?: node.additional = .forbidden
            case let additional? where additional.objectValue != nil: node.additional = .schema(self.node(for: additional))
            default: node.additional = .unchecked
            }
            if let items = schema["items"], items.objectValue != nil { node.items = self.node(for: items) }
            node.visitsMembers = true
            if case .unchecked = node.additional {
                node.visitsMembers = !node.properties.isEmpty
                node.acceptsAnything = node.constant == nil && node.options == nil && node.types == nil && node.minimum == nil
                    && node.minLength == nil && node.minItems == nil && node.required.isEmpty && node.properties.isEmpty
                    && node.items == nil
            }
            return node
        }
    }

    private func check(_ value: JSONValue, against schema: Node, path: inout JSONLocation, into violations: inout [Violation], depth: Int) {
        guard depth < 64, !schema.acceptsAnything else { return }
        if let constant = schema.constant, constant != value {
            violations.append(Violation(path: path.text, message: "must be \(JSONWriter.compact(constant)), found \(Self.show(value))"))
            return
        }
        if let options = schema.options, !options.contains(value) {
            violations.append(Violation(path: path.text, message: "must be one of \(options.map(JSONWriter.compact).joined(separator: ", ")), found \(Self.show(value))"))
            return
        }
        if let allowed = schema.types {
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                violations.append(Violation(path: path.text, message: "must be \(allowed.map(Self.article).joined(separator: " or ")), found \(value.typeName)"))
                return
            }
        }
        if let minimum = schema.minimum, let d = value.doubleValue, d < minimum {
            violations.append(Violation(path: path.text, message: "must be at least \(JSONNumber(minimum)), found \(JSONNumber(d))"))
        }
        if let minLength = schema.minLength, let s = value.stringValue, s.count < minLength {
            violations.append(Violation(path: path.text, message: minLength == 1 ? "must not be empty" : "must have at least \(minLength) characters"))
        }
        switch value {
        case .object(let members):
            for key in schema.required where members[key] == nil {
                violations.append(Violation(path: path.text, message: "is missing the required field \"\(key)\""))
            }
            guard schema.visitsMembers else { break }
            for (key, member) in members {
                path.parts.append(.key(key))
                defer { path.parts.removeLast() }
                if let propertySchema = schema.properties[key] {
                    check(member, against: propertySchema, path: &path, into: &violations, depth: depth + 1)
                } else {
                    switch schema.additional {
                    case .forbidden:
                        violations.append(Violation(path: path.text, message: "is not an allowed field"))
                    case .schema(let additional):
                        check(member, against: additional, path: &path, into: &violations, depth: depth + 1)
                    case .unchecked:
                        break
                    }
                }
            }
        case .array(let items):
            if let minItems = schema.minItems, items.count < minItems {
                violations.append(Violation(path: path.text, message: "must have at least \(minItems) items"))
            }
            if let itemSchema = schema.items {
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
