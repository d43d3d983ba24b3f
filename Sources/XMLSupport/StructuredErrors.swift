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
