import CLibXML2

/// Parses text into a libxml2 document, never touching the network and reporting the first error with
/// its line and column. The caller frees the document (`xmlFreeDoc`).
enum XMLDocumentParser {
    /// Errors go to a `MessageCollector` rather than stderr; warnings are not wanted at all.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOWARNING.rawValue)

    static func parse(_ text: String, name: String) throws(XMLError) -> xmlDocPtr {
        xmlInitParser()
        guard let ctxt = xmlNewParserCtxt() else { throw .internalFailure("cannot create a parser context") }
        defer { xmlFreeParserCtxt(ctxt) }
        let bytes = Array(text.utf8)
        // The first error is where the text goes wrong; libxml2's `lastError` is often only its echo at
        // the end of the file ("Premature end of data in tag test line 1").
        let errors = MessageCollector()
        let doc = withExtendedLifetime(errors) {
            withStructuredErrors(Unmanaged.passUnretained(errors).toOpaque(), MessageCollector.callback) {
                bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                        xmlCtxtReadMemory(ctxt, $0, Int32(clamping: buffer.count), name, "UTF-8", options)
                    }
                }
            }
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            if let first = errors.entries.first { throw .malformed(message: first.message, line: first.line, column: first.column) }
            let error = ctxt.pointee.lastError
            let message = error.message.map { String(cString: $0).trimmingSpaces() } ?? "not well-formed XML"
            throw .malformed(message: message, line: Int(error.line), column: Int(error.int2))
        }
        return doc
    }
}
