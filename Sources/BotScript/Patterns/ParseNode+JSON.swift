import ConformJSON

extension ParseNode {
    /// The node in JAICP's `$parseTree` shape:
    /// `{"tag", "pattern", "text", "words", "value"?, "<Name>": [subtrees], "_<Name>": …}`.
    ///
    /// Children are grouped by tag in order of first appearance; `_<Name>` is the first such
    /// child's `value` when it has one, otherwise its `text`. `value` is present only when set.
    /// The converter expression is not part of `$parseTree` (the runtime replaces `value` with the
    /// converter's result before scripts see it).
    public var json: JSONValue {
        var object: JSONValue = [
            "tag": .string(tag),
            "pattern": .string(pattern),
            "text": .string(text),
            "words": .array(words.map(JSONValue.string)),
        ]
        if let value { object["value"] = value }
        var groups: [(tag: String, nodes: [ParseNode])] = []
        var groupIndex: [String: Int] = [:]
        for child in children {
            if let i = groupIndex[child.tag] {
                groups[i].nodes.append(child)
            } else {
                groupIndex[child.tag] = groups.count
                groups.append((child.tag, [child]))
            }
        }
        for (tag, nodes) in groups {
            object[tag] = .array(nodes.map(\.json))
            object["_" + tag] = nodes[0].value ?? .string(nodes[0].text)
        }
        return object
    }
}
