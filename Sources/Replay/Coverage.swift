import BotRuntime
import BotScript
import ConformJSON
import OrderedCollections
import Reporting

/// Which states and triggers of a bot the recordings exercised: every state counted each time a turn
/// entered it (as the target or through `go!`), every trigger each time it won a turn.
public struct Coverage: Sendable {
    public var states: OrderedDictionary<String, Int>
    public var triggers: OrderedDictionary<String, Int>
    /// Where each state is declared, for listing the ones never entered.
    public var stateLocations: [String: SourceLocation]

    public init(bot: CompiledBot) {
        states = [:]
        triggers = [:]
        stateLocations = [:]
        for state in bot.project.states.values {
            states[state.path] = 0
            stateLocations[state.path] = state.location
        }
        for compiled in bot.triggers {
            triggers["\(compiled.trigger.location.file):\(compiled.trigger.location.line)"] = 0
        }
    }

    public mutating func count(_ outcome: ReplayOutcome) {
        for path in outcome.statesEntered where states[path] != nil { states[path]! += 1 }
        for location in outcome.triggersWon where triggers[location] != nil { triggers[location]! += 1 }
    }

    public var coveredStates: Int { states.values.filter { $0 > 0 }.count }
    public var coveredTriggers: Int { triggers.values.filter { $0 > 0 }.count }

    public var statePercent: Double {
        states.isEmpty ? 100 : Double(coveredStates) / Double(states.count) * 100
    }

    public var neverEntered: [(path: String, location: SourceLocation?)] {
        states.filter { $0.value == 0 }.map { ($0.key, stateLocations[$0.key]) }
    }

    /// The counts as the HTML report draws them.
    public func reported(bot: String) -> ReportedCoverage {
        ReportedCoverage(bot: bot,
                         states: states.map { ReportedCoverage.State(path: $0.key, hits: $0.value, location: stateLocations[$0.key].map { "\($0.file):\($0.line)" }) },
                         triggers: triggers.count, triggersWon: coveredTriggers)
    }

    /// `Reports/coverage.json`'s shape.
    public var json: JSONValue {
        [
            "states": [
                "total": .number(JSONNumber(states.count)), "covered": .number(JSONNumber(coveredStates)),
                "byPath": .object(states.mapValues { .number(JSONNumber($0)) }),
            ],
            "triggers": [
                "total": .number(JSONNumber(triggers.count)), "covered": .number(JSONNumber(coveredTriggers)),
                "byLocation": .object(triggers.mapValues { .number(JSONNumber($0)) }),
            ],
        ]
    }
}

extension ReplayRun {
    /// Coverage per bot replayed against, in the order the bots were first met.
    public static func coverage(_ outcomes: [ReplayOutcome], modules: [String: String]) -> [(bot: String, coverage: Coverage)] {
        var order: [String] = []
        var byBot: [String: Coverage] = [:]
        let cache = BotCache(modules: modules)
        for outcome in outcomes {
            guard let path = outcome.bot else { continue }
            if byBot[path] == nil {
                guard case .ready(let bot) = cache.bot(at: path) else { continue }
                byBot[path] = Coverage(bot: bot)
                order.append(path)
            }
            byBot[path]!.count(outcome)
        }
        return order.map { ($0, byBot[$0]!) }
    }
}

extension Coverage {
    /// Adds two `coverage.json` documents (shards of one run): every count under `byPath` and
    /// `byLocation` sums, `covered` is recounted, totals are kept.
    public static func add(_ base: JSONValue?, _ next: JSONValue) -> JSONValue {
        guard var result = base else { return next }
        for (section, keyed) in [("states", "byPath"), ("triggers", "byLocation")] {
            var counts = result[section]?[keyed]?.objectValue ?? [:]
            for (key, value) in next[section]?[keyed]?.objectValue ?? [:] {
                counts[key] = .number(JSONNumber((counts[key]?.intValue ?? 0) + (value.intValue ?? 0)))
            }
            var part = result[section] ?? [:]
            part[keyed] = .object(counts)
            part["covered"] = .number(JSONNumber(counts.values.filter { ($0.intValue ?? 0) > 0 }.count))
            result[section] = part
        }
        return result
    }
}
