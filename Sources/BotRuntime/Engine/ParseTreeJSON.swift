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
        var object = OrderedDictionary<String, JSONValue>()
        object["tag"] = .string(node.tag)
        object["pattern"] = .string(node.pattern)
        object["text"] = .string(node.text)
        object["words"] = .array(node.words.map(JSONValue.string))
        if let value = node.value { object["value"] = value }
        if let converter = node.converter { object["__converter"] = .string(converter) }
        var order: [String] = []
        var groups: [String: [JSONValue]] = [:]
        for child in node.children {
            if groups[child.tag] == nil { order.append(child.tag) }
            groups[child.tag, default: []].append(make(child))
        }
        for tag in order {
            let nodes = groups[tag]!
            object[tag] = .array(nodes)
            object["_" + tag] = nodes[0]["value"] ?? nodes[0]["text"] ?? .null
        }
        return .object(object)
    }
}
