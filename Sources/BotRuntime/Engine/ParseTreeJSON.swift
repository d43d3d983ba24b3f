import BotScript
import ConformJSON
import OrderedCollections

/// A match's parse tree as the JSON handed to the sandbox: JAICP's `$parseTree` shape plus, on nodes
/// of named patterns with a converter, a `__converter` expression that the sandbox runs (bottom-up)
/// and removes before scripts see the tree.
enum ParseTreeJSON {
    static func make(_ node: ParseNode, rootValue: String?) -> JSONValue {
        var json = make(node)
        if let rootValue {
            json["value"] = .string(rootValue)
            json["_Root"] = .string(rootValue)
        } else if let value = node.value {
            json["_Root"] = value
        }
        return json
    }

    private static func make(_ node: ParseNode) -> JSONValue {
        var object = fields(of: node)
        if let converter = node.converter { object["__converter"] = .string(converter) }
        for (tag, nodes) in groups(of: node, make) {
            object[tag] = .array(nodes)
            object["_" + tag] = nodes[0]["value"] ?? nodes[0]["text"] ?? .null
        }
        return .object(object)
    }

    /// The fields every node starts with: `tag`, `pattern`, `text`, `words` and its own `value`.
    private static func fields(of node: ParseNode) -> OrderedDictionary<String, JSONValue> {
        var object = OrderedDictionary<String, JSONValue>()
        object["tag"] = .string(node.tag)
        object["pattern"] = .string(node.pattern)
        object["text"] = .string(node.text)
        object["words"] = .array(node.words.map(JSONValue.string))
        if let value = node.value { object["value"] = value }
        return object
    }

    /// The children made into JSON and grouped by tag, in the order the tags first appear.
    private static func groups(of node: ParseNode, _ make: (ParseNode) -> JSONValue) -> [(tag: String, nodes: [JSONValue])] {
        var order: [String] = []
        var groups: [String: [JSONValue]] = [:]
        for child in node.children {
            if groups[child.tag] == nil { order.append(child.tag) }
            groups[child.tag, default: []].append(make(child))
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// The tree exactly as the sandbox's `applyConverters` leaves it, made here when that has nothing
    /// to run — no converter anywhere and no list-valued `value` (the sandbox would walk it like
    /// children) — so the turn skips three tree walks in freshly started JavaScript; nil otherwise.
    /// Keys come in the order the sandbox's deletes and additions leave them.
    static func finished(_ root: ParseNode, rootValue: String?) -> JSONValue? {
        guard isPlain(root), !root.children.contains(where: { $0.tag == "Root" }) else { return nil }
        var json = bare(root, isRoot: true)
        if let rootValue {
            json["value"] = .string(rootValue)
            json["_Root"] = .string(rootValue)
        } else if let value = root.value {
            json["_Root"] = value
        }
        addShortcuts(&json)
        return json
    }

    private static func isPlain(_ node: ParseNode) -> Bool {
        if node.converter != nil { return false }
        if case .array? = node.value { return false }
        return node.children.allSatisfy { !ownFields.contains($0.tag) && !$0.tag.hasPrefix("_") && isPlain($0) }
    }

    /// A capture named like a node's own field would replace that field.
    private static let ownFields: Set<String> = ["tag", "pattern", "text", "words", "value", "__converter"]

    /// A node without `_Name` keys, after the sandbox's rule for a named pattern without a value of
    /// its own that holds exactly one child with a value (see `convert` in the runtime).
    private static func bare(_ node: ParseNode, isRoot: Bool) -> JSONValue {
        var object = fields(of: node)
        for (tag, nodes) in groups(of: node, { bare($0, isRoot: false) }) { object[tag] = .array(nodes) }
        if !isRoot, node.value == nil, node.children.count == 1, let only = object[node.children[0].tag]?[0]?["value"] {
            object["value"] = only
        }
        return .object(object)
    }

    /// `_Name` on every node, after its other keys: the first `Name` child's value, else its text.
    private static func addShortcuts(_ node: inout JSONValue) {
        guard case .object(var object) = node else { return }
        node = .null  // the object is changed in place, not copied
        let groups = object.keys.filter { key in
            guard key != "words", case .array(let items)? = object[key], case .object? = items.first else { return false }
            return true
        }
        for key in groups {
            guard case .array(var items)? = object[key] else { continue }
            object[key] = .null
            for index in items.indices { addShortcuts(&items[index]) }
            object[key] = .array(items)
            object["_" + key] = items[0]["value"] ?? items[0]["text"] ?? .null
        }
        node = .object(object)
    }
}
