import CLibXML2

/// Parses text into a libxml2 document, never touching the network and reporting the first error with
/// its line and column. The caller frees the document (`xmlFreeDoc`).
enum XMLDocumentParser {
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
                               | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    static func parse(_ text: String, name: String) throws(XMLError) -> xmlDocPtr {
        xmlInitParser()
        guard let ctxt = xmlNewParserCtxt() else { throw .internalFailure("cannot create a parser context") }
        defer { xmlFreeParserCtxt(ctxt) }
        let bytes = Array(text.utf8)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                xmlCtxtReadMemory(ctxt, $0, Int32(clamping: buffer.count), name, "UTF-8", options)
            }
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            let error = ctxt.pointee.lastError
            let message = error.message.map { String(cString: $0).trimmingSpaces() } ?? "not well-formed XML"
            throw .malformed(message: message, line: Int(error.line), column: Int(error.int2))
        }
        return doc
    }
}
