import CLibXML2

/// Runs `body` with libxml2's structured error handler (errors of parsers that take no handler of
/// their own: `xmlSchemaValidateFile`'s SAX parser, `xmlCtxtReadMemory`) set to `callback`, then puts
/// back the handler that was there. libxml2 keeps the handler per thread, and `body` runs on this one.
func withStructuredErrors<T>(_ context: UnsafeMutableRawPointer, _ callback: @escaping xmlStructuredErrorFunc,
                             _ body: () throws -> T) rethrows -> T {
    let previous = __xmlStructuredError().pointee
    let previousContext = __xmlStructuredErrorContext().pointee
    xmlSetStructuredErrorFunc(context, callback)
    defer { xmlSetStructuredErrorFunc(previousContext, previous) }
    return try body()
}

/// Receives libxml2's structured errors through the `void *` user-data pointer, in the order reported.
final class MessageCollector {
    struct Entry {
        var message: String
        var line: Int
        var column: Int
    }

    var entries: [Entry] = []
    /// Each as "line N: message" (or the message alone when libxml2 gave no line).
    var messages: [String] { entries.map { $0.line > 0 ? "line \($0.line): \($0.message)" : $0.message } }

    static let callback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let collector = Unmanaged<MessageCollector>.fromOpaque(userData).takeUnretainedValue()
        let text = error.pointee.message.map { String(cString: $0).trimmingSpaces() } ?? "unknown error"
        collector.entries.append(Entry(message: text, line: Int(error.pointee.line), column: Int(error.pointee.int2)))
    }
}
