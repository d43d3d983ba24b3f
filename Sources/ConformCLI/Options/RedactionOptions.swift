import ArgumentParser
import Foundation
import Recording

/// `--secret VALUE` plus the other places secrets come from: `$CONFORM_SECRETS`, `$WEBIM_PASSWORD`
/// and `$WEBIM_EMAIL`, and `conform.yaml`'s `redact:` (headers and JSON paths).
struct RedactionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A value that must never be written (repeatable; also $CONFORM_SECRETS, comma-separated).",
                               discussion: "Example: --secret \"$BOT_TOKEN\" --secret \"$CRM_API_KEY\"", valueName: "VALUE"))
    var secret: [String] = []

    /// The redactor for files under `folder` (its `conform.yaml`, or a parent's, adds rules).
    /// - Parameter extra: more secrets the command knows (a token it was given).
    func redactor(for folder: String, extra: [String?] = []) throws -> Redactor {
        let environment = ProcessInfo.processInfo.environment
        var secrets = secret + Redactor.secrets(fromEnvironment: environment["CONFORM_SECRETS"])
        for value in [environment["WEBIM_PASSWORD"], environment["WEBIM_EMAIL"]] + extra {
            if let value, !value.isEmpty { secrets.append(value) }
        }
        var headers: [String] = []
        var paths: [JSONPathPattern] = []
        if let configPath = SuiteConfig.find(from: folder) {
            let config: SuiteConfig
            do {
                config = try SuiteConfig.load(configPath)
            } catch {
                emitError("error: \(error)")
                throw ExitCode(2)
            }
            headers = config.redactHeaders
            for path in config.redactJSONPaths {
                guard let pattern = JSONPathPattern(path) else {
                    emitError("error: \(configPath): `redact.jsonPaths` entry '\(path)' is not a JSON path (e.g. visitor.fields.phone)")
                    throw ExitCode(2)
                }
                paths.append(pattern)
            }
        }
        return Redactor(secrets: secrets, headers: headers, bodyPaths: paths)
    }
}
