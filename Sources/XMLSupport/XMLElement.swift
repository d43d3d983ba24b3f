/// A small XML tree: what conform writes (reports) and what it reads (JAICP autotests).
///
/// ```swift
/// var suite = XMLElement("testsuite", attributes: [("name", "demo")])
/// suite.append(XMLElement("testcase", attributes: [("name", "greets")]))
/// let text = try XMLWriter.document(suite)
/// ```
public struct XMLElement: Sendable, Equatable {
    public var name: String
    /// In document order; names are unique within an element.
    public var attributes: [(name: String, value: String)]
    public var children: [XMLNode]
    /// 1-based line in the source document, for elements that were read (0 for built ones).
    public var line: Int

    public init(_ name: String, attributes: [(String, String)] = [], children: [XMLNode] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes.map { (name: $0.0, value: $0.1) }
        self.children = children
        self.line = line
    }

    public init(_ name: String, attributes: [(String, String)] = [], text: String) {
        self.init(name, attributes: attributes, children: [.text(text)])
    }

    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    public mutating func setAttribute(_ name: String, _ value: String) {
        if let i = attributes.firstIndex(where: { $0.name == name }) {
            attributes[i].value = value
        } else {
            attributes.append((name: name, value: value))
        }
    }

    public mutating func append(_ element: XMLElement) { children.append(.element(element)) }
    public mutating func append(text: String) { children.append(.text(text)) }

    /// Child elements, in order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    public func elements(named name: String) -> [XMLElement] { elements.filter { $0.name == name } }

    /// All text inside this element, descendants included, in document order.
    public var text: String {
        children.map { node in
            switch node {
            case .text(let t): t
            case .element(let e): e.text
            }
        }.joined()
    }

    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.name == rhs.name && lhs.children == rhs.children
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }
}

public enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}
