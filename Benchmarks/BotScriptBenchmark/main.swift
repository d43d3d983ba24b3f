// Benchmark: loading and compiling a large generated JAICP project, and matching requests against it.
// Run: swift run -c release conform-bench-botscript
import BotRuntime
import BotScript
import Foundation

let root = FileManager.default.temporaryDirectory.appendingPathComponent("conform-bench-\(ProcessInfo.processInfo.processIdentifier)")
defer { try? FileManager.default.removeItem(at: root) }

let stateCount = 2_000
let filesCount = 20
let words = ["order", "delivery", "price", "refund", "account", "password", "card", "bonus", "shop", "return",
             "status", "courier", "address", "payment", "discount", "warranty", "repair", "size", "color", "stock"]

/// 2,000 states, 4,000 triggers and 1,000 named patterns: 5,000 patterns in all.
func generate() throws {
    try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
    try "name: bench\nentryPoint: main.sc\n".write(to: root.appendingPathComponent("chatbot.yaml"), atomically: true, encoding: .utf8)
    var main = ""
    for f in 0..<filesCount { main += "require: flow\(f).sc\n" }
    main += "patterns:\n"
    for p in 0..<1_000 {
        main += "    $p\(p) = (\(words[p % 20])\(p) | \(words[(p + 3) % 20]) \(words[(p + 7) % 20])\(p) | ~\(words[(p + 5) % 20]))\n"
    }
    try main.write(to: root.appendingPathComponent("src/main.sc"), atomically: true, encoding: .utf8)
    let perFile = stateCount / filesCount
    for f in 0..<filesCount {
        var text = "theme: /Flow\(f)\n"
        for s in 0..<perFile {
            let n = f * perFile + s
            text += "    state: S\(n)\n"
            text += "        q!: * \(words[n % 20]) \(words[(n / 20) % 20]) \(n) *\n"
            text += "        q: [please] $p\(n % 1_000) [now]\n"
            text += "        a: Answer \(n)\n"
            if s > 0 { text += "        go: ../S\(n - 1)\n" }
        }
        try text.write(to: root.appendingPathComponent("src/flow\(f).sc"), atomically: true, encoding: .utf8)
    }
}

func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
}

try generate()
var loads: [Double] = []
var bot: CompiledBot?
for _ in 0..<5 {
    let (compiled, ms) = try measure { CompiledBot(project: try ProjectLoader().load(at: root.path)) }
    loads.append(ms)
    bot = compiled
}
let compiled = bot!
let patterns = compiled.triggers.filter { $0.pattern != nil }.count + compiled.library.names.count
print("project: \(compiled.project.states.count) states, \(compiled.triggers.count) triggers, \(patterns) patterns, \(compiled.project.files.count) files")
print(String(format: "load + compile: median %.1f ms (min %.1f ms) over %d runs", loads.sorted()[loads.count / 2], loads.min()!, loads.count))
if !compiled.allDiagnostics.isEmpty { print("diagnostics: \(compiled.allDiagnostics.count), first: \(compiled.allDiagnostics[0])") }

let engine = DialogEngine(bot: compiled)
let requests = (0..<1_000).map { i -> String in
    switch i % 4 {
    case 0: return "hello \(words[i % 20]) \(words[(i / 20) % 20]) \(i % stateCount) thanks"
    case 1: return "please \(words[(i + 3) % 20]) \(words[(i + 7) % 20])\(i % 1000) now"
    case 2: return "i want to talk about my \(words[i % 20]) and my \(words[(i + 1) % 20]) today"
    default: return "something nobody wrote a pattern for at all"
    }
}
var matched = 0
let rounds = 20
let (_, matchMs) = measure {
    for round in 0..<rounds {
        for (i, request) in requests.enumerated() {
            let context = i % 3 == 0 ? "/" : "/Flow\(i % filesCount)/S\((i * 7 + round) % stateCount)"
            if engine.select(DialogEngine.Input(query: request), context: context) != nil { matched += 1 }
        }
    }
}
let perRequest = matchMs * 1000 / Double(requests.count * rounds)
print(String(format: "matching: %.1f µs per request (%d requests, %d matched a trigger)", perRequest, requests.count * rounds, matched))
