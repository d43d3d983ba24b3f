import ArgumentParser
import BotRuntime
import BotScript
import Foundation

/// `conform check PATH`: load a JAICP project the way replay will and list every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load a JAICP project and list every problem with file:line:column.",
        discussion: """
            Reads chatbot.yaml, the .sc files and everything they require, builds the state tree and checks
            every literal transition target. Exits 1 when there is an error; warnings (features that need
            the JAICP cloud) do not fail the check.

            Examples:
              conform check Recordings/bots/demo
              conform check ../my-bot --bot-module sys.zb-common=../zb-common
            """)

    @Argument(help: ArgumentHelp("The project folder (the one holding chatbot.yaml).",
                                 discussion: "Example: conform check Recordings/bots/demo"))
    var path: String

    @OptionGroup var botModules: BotModuleOptions

    func run() throws {
        let project: BotProject
        do {
            project = try ProjectLoader(modules: botModules.modules()).load(at: path)
        } catch let failure as ProjectLoader.Failure {
            try? FileHandle.standardError.write(contentsOf: Data("error: \(failure)\n".utf8))
            throw ExitCode(2)
        }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        // Compiling the patterns finds what loading cannot: syntax inside patterns, undefined $Names.
        let compiled = CompiledBot(project: project)
        // And parsing the JavaScript finds syntax errors a run would stop at.
        let diagnostics = compiled.allDiagnostics + ScriptSyntaxCheck.diagnostics(for: compiled)
        for diagnostic in diagnostics.sorted(by: Self.order) {
            var line = diagnostic.location.map { "\(prefix)\($0): " } ?? ""
            line += "\(diagnostic.severity.rawValue): \(diagnostic.message)"
            if let hint = diagnostic.hint { line += "\n  hint: \(hint)" }
            print(line)
        }
        let name = project.config.name ?? URL(fileURLWithPath: project.root).lastPathComponent
        let summary = "\(name): \(project.states.count) states, \(project.triggers.count) triggers, "
            + "\(project.patterns.count) named patterns, \(project.files.count) files"
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors == 0 && warnings == 0 {
            print("\(summary) — no problems")
        } else {
            print("\(summary) — \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if errors > 0 { throw ExitCode(1) }
    }

    private static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (x?, y?): x < y
        case (nil, _?): true
        default: false
        }
    }
}
