import CLibXML2

/// Streams an indented XML document into a file with libxml2's `xmlTextWriter`, element by element,
/// so a document larger than memory cares to hold (a JUnit report of thousands of testcases) is never
/// held whole. Pieces rendered earlier by `XMLWriter.fragment` go in as they are (`raw`).
///
/// ```swift
/// let out = try XMLFileWriter(path: "report.xml.tmp")
/// try out.open(XMLElement("testsuites", attributes: [("tests", "1")]), depth: 0)
/// try out.raw(Array(try XMLWriter.fragment(testcase, depth: 1).utf8))
/// try out.close(depth: 0)
/// try out.finish()
/// ```
public final class XMLFileWriter {
    private var writer: xmlTextWriterPtr?
    private let path: String

    public init(path: String) throws(XMLError) {
        xmlInitParser()
        self.path = path
        guard let writer = xmlNewTextWriterFilename(path, 0) else { throw .internalFailure("cannot open \(path) for writing") }
        self.writer = writer
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) >= 0)
    }

    deinit { if let writer { xmlFreeTextWriter(writer) } }

    /// The start tag of `element` (its attributes; its children are not written) `depth` levels down.
    public func open(_ element: XMLElement, depth: Int) throws(XMLError) {
        try XMLWriter.validateNames(element, recursive: false)
        let writer = try current()
        if depth > 0 { try check(XMLWriter.writeRaw(XMLWriter.lineBreak(depth), to: writer)) }
        try check(XMLWriter.startElement(element, to: writer))
    }

    /// A whole element `depth` levels down.
    public func element(_ element: XMLElement, depth: Int) throws(XMLError) {
        try raw(Array(try XMLWriter.fragment(element, depth: depth).utf8))
    }

    /// Bytes written as they are: well-formed XML made by `XMLWriter.fragment`.
    public func raw(_ bytes: [UInt8]) throws(XMLError) {
        let writer = try current()
        guard !bytes.isEmpty else { return }
        let rc = bytes.withUnsafeBufferPointer { buffer in
            xmlTextWriterWriteRawLen(writer, buffer.baseAddress!, Int32(clamping: buffer.count))
        }
        try check(rc >= 0)
    }

    /// The end tag of the innermost open element, on its own line `depth` levels down.
    public func close(depth: Int) throws(XMLError) {
        let writer = try current()
        try check(XMLWriter.writeRaw(XMLWriter.lineBreak(depth), to: writer) && xmlTextWriterFullEndElement(writer) >= 0)
    }

    /// Ends the document and closes the file.
    public func finish() throws(XMLError) {
        let writer = try current()
        let ended = xmlTextWriterEndDocument(writer) >= 0
        self.writer = nil
        // Freeing the writer flushes and closes the file.
        xmlFreeTextWriter(writer)
        try check(ended)
    }

    private func current() throws(XMLError) -> xmlTextWriterPtr {
        guard let writer else { throw .internalFailure("\(path) is already finished") }
        return writer
    }

    private func check(_ ok: Bool) throws(XMLError) {
        guard ok else { throw .internalFailure("writing \(path) failed (disk full or not writable?)") }
    }
}
