import ArgumentParser
import ConformJSON
import Foundation
import Recording

/// `conform redact PATH…`: apply the recorder's redaction to recordings that already exist.
struct RedactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Remove secrets from existing recordings, in place.",
        discussion: """
            Applies the same rules `conform record` applies before writing:
            credential headers, passwords in URLs, token-like query parameters,
            every --secret / $CONFORM_SECRETS value, and conform.yaml's `redact:`.
            Recordings that change are rewritten atomically; other JSON is left
            alone. Exit status 1 when a recording cannot be read or written.

            Examples:
              conform redact Recordings/
              CONFORM_SECRETS="$WEBIM_PASSWORD,$BOT_TOKEN" conform redact Recordings/live --check
            """)

    @Argument(help: ArgumentHelp("Recording files or folders.", discussion: "Example: conform redact Recordings/live Recordings/demo/chat.json",
                                 valueName: "PATH"))
    var paths: [String]

    @Flag(help: ArgumentHelp("Change nothing; list the recordings that hold secrets (exit 1 when any does).",
                             discussion: "Example: conform redact Recordings/ --check"))
    var check = false

    @OptionGroup var redaction: RedactionOptions

    func run() throws {
        var changed = 0
        var problems = 0
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                emitError("error: \(path) does not exist")
                throw ExitCode(2)
            }
            if isFolder.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                while let relative = enumerator?.nextObject() as? String {
                    if relative.hasSuffix(".json") { files.append((path as NSString).appendingPathComponent(relative)) }
                }
            } else {
                files.append(path)
            }
        }
        for file in files.sorted() {
            guard let data = FileManager.default.contents(atPath: file) else {
                emitError("error: \(file) cannot be read")
                problems += 1
                continue
            }
            guard let json = try? JSONParser.parse(bytes: Array(data)), json["format"]?.stringValue == Recording.format else {
                continue
            }
            let redactor = try redaction.redactor(for: (file as NSString).deletingLastPathComponent)
            let redacted = redactor.document(json)
            guard redacted != json else { continue }
            changed += 1
            if check {
                emit("holds secrets: \(file)")
                continue
            }
            do {
                try RecordingWriter.write(redacted, to: file)
                emit("redacted \(file)")
            } catch {
                emitError("error: \(file) cannot be written: \(error.localizedDescription)")
                problems += 1
            }
        }
        emit(check ? "\(changed) of \(files.count) files hold secrets" : "\(changed) of \(files.count) files redacted")
        if problems > 0 || (check && changed > 0) { throw ExitCode(1) }
    }
}
