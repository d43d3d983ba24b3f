// On Linux the engine is WebKitGTK's JavaScriptCore (Debian: libjavascriptcoregtk-4.1-dev) through the
// CJavaScriptCore system-library target; on macOS the C API of the system framework is the same.
#if canImport(CJavaScriptCore)
@_exported import CJavaScriptCore
#else
@_exported import JavaScriptCore
#endif
