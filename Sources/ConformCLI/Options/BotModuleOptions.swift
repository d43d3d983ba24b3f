import ArgumentParser

/// `--bot-module sys.zb-common=PATH`: where to find JAICP platform modules offline.
struct BotModuleOptions: ParsableArguments {
    @Option(name: .customLong("bot-module"),
            help: ArgumentHelp("Map a JAICP platform module to a local folder (repeatable).",
                               discussion: "Example: --bot-module sys.zb-common=../zb-common",
                               valueName: "NAME=PATH"))
    var mappings: [String] = []

    func modules() throws -> [String: String] {
        var result: [String: String] = [:]
        for mapping in mappings {
            guard let equals = mapping.firstIndex(of: "="), equals != mapping.startIndex,
                  mapping.index(after: equals) != mapping.endIndex else {
                throw ValidationError("--bot-module expects NAME=PATH (e.g. sys.zb-common=../zb-common), got '\(mapping)'")
            }
            result[String(mapping[..<equals])] = String(mapping[mapping.index(after: equals)...])
        }
        return result
    }
}
