import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real binary on a pseudo-terminal, as a person at a terminal runs it: stdin, stdout and stderr
/// are the terminal, so `isatty` is true and the line discipline (echo, Ctrl-D) is the kernel's.
final class PseudoTerminal {
    let process = Process()
    private let primary: Int32
    private var bytes: [UInt8] = []
    /// Everything the terminal showed so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }
    /// Where the output ends now: `read(until:after:)` looks only at what comes later.
    var mark: Int { bytes.count }

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        var primary: Int32 = -1, secondary: Int32 = -1
        guard openpty(&primary, &secondary, nil, nil, nil) == 0 else { throw ReferenceFailure(message: "openpty failed: errno \(errno)") }
        self.primary = primary
        let terminal = FileHandle(fileDescriptor: secondary, closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: Repository.conformBinary)
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        env["NO_COLOR"] = nil
        env["TERM"] = "xterm"
        process.environment = env
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        try terminal.close()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(primary)
    }

    func type(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(primary, $0.baseAddress, $0.count - 1) }
    }

    /// Reads until `text` has appeared after `offset` of the output (or the timeout); returns
    /// whether it did.
    @discardableResult
    func read(until text: String, after offset: Int = 0, timeout: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if found(text, after: offset) { return true }
            var descriptor = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let count = Glibc.read(primary, &buffer, buffer.count)
            if count <= 0 { break }  // EIO: the child closed the terminal
            bytes += buffer[0..<count]
        }
        return found(text, after: offset)
    }

    /// The output after `offset`.
    func output(after offset: Int) -> String { String(decoding: bytes[min(offset, bytes.count)...], as: UTF8.self) }

    private func found(_ text: String, after offset: Int) -> Bool {
        output(after: offset).contains(text)
    }

    func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            read(until: "\u{0}", after: mark, timeout: 0.1)  // drain, so the child never blocks writing
        }
        return process.isRunning ? nil : process.terminationStatus
    }
}
