import ConformJSON
import Foundation
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
    ///
    /// A key repeated in one mapping is accepted with the last value winning, as JAICP's YAML reader
    /// does (real projects have such files); strict YAML parsers, Yams among them, refuse it.
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        var source = text
        for _ in 0..<8 {
            do {
                guard let node = try Yams.compose(yaml: source) else { return .null }
                return try stripDuplicates(json(node, depth: 0))
            } catch let error as YamlError {
                guard case .duplicatedKeysInMapping(let keys, _) = error,
                      let renamed = DuplicateKeys.renameEarlierOccurrences(of: keys, in: source) else {
                    throw failure(from: error)
                }
                source = renamed
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure(message: "\(error)", line: nil, column: nil)
            }
        }
        throw Failure(message: "too many repeated keys", line: nil, column: nil)
    }

    private static func stripDuplicates(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var kept = OrderedDictionary<String, JSONValue>()
            for (key, member) in members where !key.hasPrefix(DuplicateKeys.marker) {
                kept[key] = stripDuplicates(member)
            }
            return .object(kept)
        case .array(let items):
            return .array(items.map(stripDuplicates))
        default:
            return value
        }
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

/// Renames all but the last occurrence of a repeated key within one block mapping, so the document
/// parses with "last one wins". Only plain `key:` lines at the same indentation, with no line of
/// smaller indentation between them (the same parent), are touched.
enum DuplicateKeys {
    static let marker = "__conform_duplicate_"

    static func renameEarlierOccurrences(of keys: [String], in text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        var changed = false
        for key in Set(keys) {
            // (indent, block id) → line indexes holding `key:`
            var groups: [[Int]] = []
            var open: [Int: Int] = [:]  // indent → index into groups
            for (index, line) in lines.enumerated() {
                let indent = line.prefix(while: { $0 == " " }).count
                let content = line.dropFirst(indent)
                if content.isEmpty || content.hasPrefix("#") { continue }
                // A line at a smaller indentation closes the blocks deeper than it.
                open = open.filter { $0.key <= indent }
                let bareKey = content.hasPrefix("\"\(key)\":") || content.hasPrefix("'\(key)':") || content.hasPrefix(key + ":")
                guard bareKey else { continue }
                if let group = open[indent] {
                    groups[group].append(index)
                } else {
                    open[indent] = groups.count
                    groups.append([index])
                }
            }
            for group in groups where group.count > 1 {
                for (n, index) in group.dropLast().enumerated() {
                    let line = lines[index]
                    let indent = line.prefix(while: { $0 == " " })
                    let rest = line.dropFirst(indent.count)
                    let colon = rest.firstIndex(of: ":")!
                    lines[index] = indent + "\(marker)\(n)_\(key)" + rest[colon...]
                    changed = true
                }
            }
        }
        return changed ? lines.joined(separator: "\n") : nil
    }
}
