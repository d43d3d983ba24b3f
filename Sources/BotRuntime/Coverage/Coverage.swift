import BotScript
import ConformJSON
import OrderedCollections

/// Which states and triggers of a bot a run exercised (replayed recordings, XML autotests): every state
/// counted each time a turn entered it (as the target or through `go!`), every trigger each time it won
/// a turn. Both producers count through `count(_:in:)`, so their numbers mean the same.
///
/// ```swift
/// var coverage = Coverage(bot: bot)
/// coverage.count(conversation.process(request), in: bot)
/// coverage.json   // Reports/coverage.json
/// ```
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
        var locations = Set(bot.triggers.map(\.trigger.location))
        for state in bot.project.states.values { locations.formUnion(Self.transitionButtons(in: state.reactions)) }
        for location in locations.sorted() { triggers[Self.key(location)] = 0 }
    }

    /// How a trigger is named in `byLocation`: `file:line`.
    public static func key(_ location: SourceLocation) -> String { "\(location.file):\(location.line)" }

    /// The `"Text" -> /Target` buttons of a state's body, wherever they are nested: each is a trigger
    /// (a click on it chooses the next state).
    static func transitionButtons(in reactions: [Reaction]) -> [SourceLocation] {
        reactions.flatMap { reaction -> [SourceLocation] in
            switch reaction {
            case .buttons(_, let buttons, _):
                return buttons.compactMap { button in
                    button.target == nil ? nil : button.location
                }
            case .random(let alternatives, _):
                return alternatives.flatMap { transitionButtons(in: $0) }
            case .conditional(let branches, let otherwise, _):
                return branches.flatMap { transitionButtons(in: $0.reactions) } + transitionButtons(in: otherwise ?? [])
            default:
                return []
            }
        }
    }

    /// One turn: the states it entered and the trigger that won it.
    public mutating func count(_ turn: TurnResult, in bot: CompiledBot) {
        count(statesEntered: turn.statesEntered, triggersWon: Self.triggerWon(turn, in: bot).map { [$0] } ?? [])
    }

    public mutating func count(statesEntered: [String], triggersWon: [String]) {
        for path in statesEntered where states[path] != nil { states[path]! += 1 }
        for location in triggersWon where triggers[location] != nil { triggers[location]! += 1 }
    }

    /// `file:line` of the trigger that chose the turn's target (a pattern, event or intent, or the
    /// button clicked), nil when none did.
    public static func triggerWon(_ turn: TurnResult, in bot: CompiledBot) -> String? {
        guard let selection = turn.selection else { return turn.buttonTrigger }
        return key(bot.triggers[selection.triggerID].trigger.location)
    }

    public var coveredStates: Int { states.values.filter { $0 > 0 }.count }
    public var coveredTriggers: Int { triggers.values.filter { $0 > 0 }.count }

    public var statePercent: Double {
        states.isEmpty ? 100 : Double(coveredStates) / Double(states.count) * 100
    }

    public var neverEntered: [(path: String, location: SourceLocation?)] {
        states.filter { $0.value == 0 }.map { ($0.key, stateLocations[$0.key]) }
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
