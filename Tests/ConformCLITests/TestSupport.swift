import Foundation

enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The `conform` executable `swift test` built beside the test bundle.
    static var conformBinary: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var folder = bundle.deletingLastPathComponent()
        // The runner may be inside the .xctest bundle (Linux: the bundle is the executable itself).
        while !folder.path.isEmpty, folder.path != "/" {
            let candidate = folder.appendingPathComponent("conform").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/conform").path
    }
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the real `conform` with `arguments`, `input` on stdin (a pipe: not a terminal).
func runConform(_ arguments: [String], input: String = "", environment: [String: String] = [:],
                in directory: String = Repository.root.path) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Repository.conformBinary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    // stderr is read on another thread while stdout is read here, so neither full pipe can stall the child.
    nonisolated(unsafe) var err = Data()
    let errorsRead = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        err = stderr.fileHandleForReading.readDataToEndOfFile()
        errorsRead.signal()
    }
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    errorsRead.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                         stderr: String(decoding: err, as: UTF8.self))
}
