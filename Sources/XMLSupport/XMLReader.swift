import CLibXML2

/// Reads small XML documents (JAICP autotests, reports) into `XMLElement` trees with libxml2.
///
/// The parser never touches the network (`XML_PARSE_NONET`), does not substitute external entities
/// or load DTDs (so a test file cannot make conform read other files), and reports the first error
/// with its line and column.
public enum XMLReader {
    public static func parse(_ text: String, name: String = "document.xml") throws(XMLError) -> XMLElement {
        let doc = try XMLDocumentParser.parse(text, name: name)
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else {
            throw .malformed(message: "the document has no root element", line: 1, column: 1)
        }
        return element(from: root)
    }

    static func element(from node: xmlNodePtr) -> XMLElement {
        var attributes: [(String, String)] = []
        var attr = node.pointee.properties
        while let a = attr {
            let name = String(cString: a.pointee.name)
            // An attribute's value is the list of text nodes under it (entities are not substituted).
            var value = ""
            var part = a.pointee.children
            while let p = part {
                if let content = p.pointee.content { value += String(cString: content) }
                part = p.pointee.next
            }
            attributes.append((name, value))
            attr = a.pointee.next
        }
        var children: [XMLNode] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(element(from: c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    let text = String(cString: content)
                    // Adjacent text nodes are joined so callers see one string per run of text.
                    if case .text(let previous)? = children.last {
                        children[children.count - 1] = .text(previous + text)
                    } else {
                        children.append(.text(text))
                    }
                }
            default:
                break  // comments and processing instructions carry nothing conform reads
            }
            child = c.pointee.next
        }
        return XMLElement(String(cString: node.pointee.name), attributes: attributes, children: children,
                          line: Int(xmlGetLineNo(node)))
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
