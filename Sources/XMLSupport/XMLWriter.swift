import CLibXML2

/// Writes an `XMLElement` tree as a UTF-8 XML 1.0 document with libxml2's `xmlTextWriter`.
///
/// Every text and attribute value is stripped of the characters XML 1.0 forbids and escaped by libxml2
/// (never written as CDATA, whose `]]>` libxml2 would not split), and names are checked first, so the
/// result is always a well-formed document or an error — never a broken file.
///
/// Indentation is conform's own (two spaces a level, child elements on their own lines unless their
/// parent also holds text), not `xmlTextWriterSetIndent`'s: a `fragment` then comes out exactly as the
/// same element would inside a whole document, so `XMLFileWriter` can stream a document made of
/// fragments rendered earlier.
public enum XMLWriter {
    public static func document(_ root: XMLElement, indent: Bool = true) throws(XMLError) -> String {
        try validateNames(root)
        return try XMLMemoryOutput.text { writer in
            xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) >= 0
                && write(root, depth: 0, indent: indent, to: writer)
                && xmlTextWriterEndDocument(writer) >= 0
        }
    }

    /// `element` as it reads inside an indented document `depth` levels down: a line break and the
    /// indentation first, then the element.
    ///
    /// ```swift
    /// try XMLWriter.fragment(XMLElement("testcase", attributes: [("name", "a")]), depth: 2)
    /// // "\n    <testcase name=\"a\"></testcase>"
    /// ```
    public static func fragment(_ element: XMLElement, depth: Int) throws(XMLError) -> String {
        try validateNames(element)
        return try XMLMemoryOutput.text { writer in
            writeRaw(lineBreak(depth), to: writer) && write(element, depth: depth, indent: true, to: writer)
        }
    }

    static func write(_ element: XMLElement, depth: Int, indent: Bool, to writer: xmlTextWriterPtr) -> Bool {
        guard startElement(element, to: writer) else { return false }
        // Breaking lines inside an element that holds text would change its text.
        let layout = indent && !element.children.contains { if case .text = $0 { true } else { false } }
        for child in element.children {
            switch child {
            case .element(let e):
                if layout { guard writeRaw(lineBreak(depth + 1), to: writer) else { return false } }
                guard write(e, depth: depth + 1, indent: indent, to: writer) else { return false }
            case .text(let t):
                guard withXMLChars(XMLText.sanitized(t), { xmlTextWriterWriteString(writer, $0) }) >= 0 else { return false }
            }
        }
        if layout && !element.elements.isEmpty { guard writeRaw(lineBreak(depth), to: writer) else { return false } }
        // Full end tags keep empty text elements (<system-out></system-out>) distinct from missing ones.
        return xmlTextWriterFullEndElement(writer) >= 0
    }

    /// The start tag with its attributes (libxml2 closes it when content or the end tag follows).
    static func startElement(_ element: XMLElement, to writer: xmlTextWriterPtr) -> Bool {
        guard withXMLChars(element.name, { xmlTextWriterStartElement(writer, $0) }) >= 0 else { return false }
        for attribute in element.attributes {
            let rc = withXMLChars(attribute.name) { name in
                withXMLChars(XMLText.sanitized(attribute.value)) { value in
                    xmlTextWriterWriteAttribute(writer, name, value)
                }
            }
            guard rc >= 0 else { return false }
        }
        return true
    }

    static func lineBreak(_ depth: Int) -> String { "\n" + String(repeating: "  ", count: depth) }

    static func writeRaw(_ text: String, to writer: xmlTextWriterPtr) -> Bool {
        withXMLChars(text) { xmlTextWriterWriteRaw(writer, $0) } >= 0
    }

    /// The element's name and attribute names, and its descendants' when `recursive`.
    static func validateNames(_ element: XMLElement, recursive: Bool = true) throws(XMLError) {
        guard XMLText.isValidName(element.name) else { throw .invalidName(element.name) }
        var seen = Set<String>()
        for attribute in element.attributes {
            guard XMLText.isValidName(attribute.name) else { throw .invalidName(attribute.name) }
            guard seen.insert(attribute.name).inserted else { throw .invalidName("\(attribute.name) (repeated)") }
        }
        guard recursive else { return }
        for child in element.elements { try validateNames(child) }
    }
}

/// An `xmlTextWriter` into a memory buffer, read back as text when `body` is done.
enum XMLMemoryOutput {
    static func text(_ body: (xmlTextWriterPtr) -> Bool) throws(XMLError) -> String {
        xmlInitParser()
        guard let buffer = xmlBufferCreate() else { throw .internalFailure("cannot allocate a buffer") }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { throw .internalFailure("cannot create a writer") }
        let ok = body(writer)
        // Freeing the writer flushes it into the buffer.
        xmlFreeTextWriter(writer)
        guard ok else { throw .internalFailure("xmlTextWriter reported an error") }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}

/// Calls `body` with a NUL-terminated `xmlChar` copy of `s`.
func withXMLChars<R>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    s.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
}
