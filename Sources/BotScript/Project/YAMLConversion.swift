import ConformJSON
import OrderedCollections
import Yams

/// YAML documents (`chatbot.yaml`, required `.yaml` data) as `JSONValue`s, keys in file order.
public enum YAMLConversion {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var line: Int?
        public var column: Int?
        public var description: String {
            line.map { "line \($0)\(column.map { ", column \($0)" } ?? ""): \(message)" } ?? message
        }
    }

    /// Parses one YAML document; an empty document is `null`.
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw failure(from: error)
        } catch {
            throw Failure(message: "\(error)", line: nil, column: nil)
        }
        guard let node else { return .null }
        return try json(node, depth: 0)
    }

    private static func json(_ node: Node, depth: Int) throws(Failure) -> JSONValue {
        // Aliases can make a small file describe an exponentially large value; refuse deep structures.
        guard depth < 128 else {
            throw Failure(message: "the document is nested too deeply", line: node.mark?.line, column: node.mark?.column)
        }
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.description) {
            case Tag.Name.null: return .null
            case Tag.Name.bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case Tag.Name.int: return node.int.map { .number(JSONNumber($0)) } ?? .string(scalar.string)
            case Tag.Name.float:
                guard let d = node.float, d.isFinite else { return .string(scalar.string) }
                return .number(JSONNumber(d))
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            var members = OrderedDictionary<String, JSONValue>()
            for (key, value) in mapping {
                let keyText: String
                if case .scalar(let s) = key { keyText = s.string } else { keyText = "\(key)" }
                members[keyText] = try json(value, depth: depth + 1)
            }
            return .object(members)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence { items.append(try json(item, depth: depth + 1)) }
            return .array(items)
        case .alias:
            throw Failure(message: "YAML aliases are not supported here", line: node.mark?.line, column: node.mark?.column)
        }
    }

    private static func failure(from error: YamlError) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return Failure(message: text, line: mark.line, column: mark.column)
        case .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return Failure(message: text, line: mark.line, column: mark.column)
        default:
            return Failure(message: "\(error)", line: nil, column: nil)
        }
    }
}
