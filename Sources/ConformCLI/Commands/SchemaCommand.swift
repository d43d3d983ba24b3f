import ArgumentParser
import Recording

/// `conform schema recording`: the JSON Schema of the recording format, for editors and CI checks.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a conform file format.",
        discussion: """
            The same schema `conform replay` validates recordings with.

            Examples:
              conform schema recording > recording.schema.json
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case recording
    }

    @Argument(help: ArgumentHelp("Which schema: recording.", discussion: "Example: conform schema recording"))
    var kind: Kind

    func run() {
        print(RecordingSchema.text)
    }
}
