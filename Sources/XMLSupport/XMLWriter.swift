import CLibXML2

/// Writes an `XMLElement` tree as a UTF-8 XML 1.0 document with libxml2's `xmlTextWriter`.
///
/// Every text and attribute value is stripped of the characters XML 1.0 forbids and escaped by libxml2
/// (never written as CDATA, whose `]]>` libxml2 would not split), and names are checked first, so the
/// result is always a well-formed document or an error — never a broken file.
public enum XMLWriter {
    public static func document(_ root: XMLElement, indent: Bool = true) throws(XMLError) -> String {
        try validateNames(root)
        xmlInitParser()
        guard let buffer = xmlBufferCreate() else { throw .internalFailure("cannot allocate a buffer") }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { throw .internalFailure("cannot create a writer") }
        var ok = true
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            "  ".withCString { _ = xmlTextWriterSetIndentString(writer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        }
        ok = ok && xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) >= 0
        ok = ok && write(root, to: writer)
        ok = ok && xmlTextWriterEndDocument(writer) >= 0
        // Freeing the writer flushes it into the buffer.
        xmlFreeTextWriter(writer)
        guard ok else { throw .internalFailure("xmlTextWriter reported an error") }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    private static func write(_ element: XMLElement, to writer: xmlTextWriterPtr) -> Bool {
        guard withXMLChars(element.name, { xmlTextWriterStartElement(writer, $0) }) >= 0 else { return false }
        for attribute in element.attributes {
            let rc = withXMLChars(attribute.name) { name in
                withXMLChars(XMLText.sanitized(attribute.value)) { value in
                    xmlTextWriterWriteAttribute(writer, name, value)
                }
            }
            guard rc >= 0 else { return false }
        }
        for child in element.children {
            switch child {
            case .element(let e):
                guard write(e, to: writer) else { return false }
            case .text(let t):
                guard withXMLChars(XMLText.sanitized(t), { xmlTextWriterWriteString(writer, $0) }) >= 0 else { return false }
            }
        }
        // Full end tags keep empty text elements (<system-out></system-out>) distinct from missing ones.
        return xmlTextWriterFullEndElement(writer) >= 0 || xmlTextWriterEndElement(writer) >= 0
    }

    private static func validateNames(_ element: XMLElement) throws(XMLError) {
        guard XMLText.isValidName(element.name) else { throw .invalidName(element.name) }
        var seen = Set<String>()
        for attribute in element.attributes {
            guard XMLText.isValidName(attribute.name) else { throw .invalidName(attribute.name) }
            guard seen.insert(attribute.name).inserted else { throw .invalidName("\(attribute.name) (repeated)") }
        }
        for child in element.elements { try validateNames(child) }
    }
}

/// Calls `body` with a NUL-terminated `xmlChar` copy of `s`.
func withXMLChars<R>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    s.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
}
