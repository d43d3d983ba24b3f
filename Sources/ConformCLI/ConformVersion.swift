import ArgumentParser

enum ConformVersion {
    static let current = "0.1.0"

    /// The commands that exist today; each later one is added by the work that builds it.
    static let subcommands: [ParsableCommand.Type] = [ReplayCommand.self, RecordCommand.self, CheckCommand.self, SchemaCommand.self, TestCommand.self, MergeCommand.self,
                                                       ServeCommand.self, SimulateCommand.self, RedactCommand.self, ChatCommand.self]
}
