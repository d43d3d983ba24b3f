// swift-tools-version:6.0
// conform — record, replay and report Webim ⇄ JAICP bot conversations offline.
// Module layout and the reasons behind it: see README.md ("Code layout").
import PackageDescription

let package = Package(
    name: "conform",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "conform", targets: ["ConformCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // System libraries: the two real engines conform is built on.
        .systemLibrary(
            name: "CJavaScriptCore",
            pkgConfig: "javascriptcoregtk-4.1",
            providers: [.apt(["libjavascriptcoregtk-4.1-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),

        // A lock-guarded shared value ThreadSanitizer can see through (Synchronization.Mutex it cannot, on Linux).
        .target(name: "ConformConcurrency"),
        // Order-preserving JSON values, a positioned parser and a stable pretty writer.
        .target(
            name: "ConformJSON",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),
        // JavaScriptCore wrapper: one engine per worker, time limits, Swift functions, JSON bridging.
        .target(
            name: "JSEngine",
            dependencies: [
                "ConformJSON",
                .target(name: "CJavaScriptCore", condition: .when(platforms: [.linux])),
            ]
        ),
        // libxml2 wrapper: a safe writer, a small-document reader, XSD validation.
        .target(name: "XMLSupport", dependencies: ["CLibXML2"]),

        // JAICP projects: chatbot.yaml, the .sc DSL, the require graph, the state tree, the pattern language.
        .target(
            name: "BotScript",
            dependencies: [
                "ConformJSON", "ConformConcurrency",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // Running a JAICP bot: the dialog engine and the JavaScript sandbox.
        .target(
            name: "BotRuntime",
            dependencies: [
                "BotScript", "JSEngine", "ConformJSON", "ConformConcurrency",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),

        // The recording file model, its schema, the suite config, comparison with matchers.
        .target(
            name: "Recording",
            dependencies: ["ConformJSON", "BotScript", .product(name: "OrderedCollections", package: "swift-collections")]
        ),

        // The Webim dialects as values: webhooks, messages, bot API calls, dialect detection.
        .target(name: "WebimProtocol", dependencies: ["ConformJSON", .product(name: "OrderedCollections", package: "swift-collections")]),
        // The Webim channel adapter: Webim requests → bot requests, bot replies → Webim outputs.
        .target(name: "WebimChannel", dependencies: ["WebimProtocol", "BotRuntime", "ConformJSON",
                                                    .product(name: "OrderedCollections", package: "swift-collections")]),
        // Webim over HTTP: `conform serve` (the bot behind a webhook) and `conform simulate` (Webim's side).
        .target(
            name: "WebimServer",
            dependencies: ["WebimChannel", "WebimProtocol", "BotRuntime", "BotScript", "JSEngine", "ConformJSON",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdTLS", package: "hummingbird"),
                           .product(name: "HummingbirdCore", package: "hummingbird"),
                           .product(name: "OrderedCollections", package: "swift-collections"),
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]
        ),

        // `conform record`: the webhook and API proxies, per-chat journals, crash-safe recording files.
        .target(
            name: "Recorder",
            dependencies: ["Recording", "WebimServer", "WebimChannel", "WebimProtocol", "BotRuntime", "ConformJSON", "ConformConcurrency",
                           .product(name: "OrderedCollections", package: "swift-collections"),
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),

        // Replaying recordings through the channel adapter and the runtime, in process; comparison.
        .target(
            name: "Replay",
            dependencies: ["Recording", "Reporting", "BotRuntime", "BotScript", "WebimChannel", "WebimProtocol",
                           "JSEngine", "ConformJSON", "ConformConcurrency",
                           .product(name: "OrderedCollections", package: "swift-collections")]
        ),

        // `conform chat`: a person talking to a local bot as a Webim visitor, line by line, recorded strictly.
        .target(name: "LocalChat", dependencies: ["Replay", "WebimChannel", "WebimProtocol", "BotRuntime", "JSEngine", "ConformJSON",
                                                  .product(name: "OrderedCollections", package: "swift-collections")]),

        // Replay over HTTP (`--over-http`): the same recordings through `conform serve` on loopback, to
        // prove the in-process path equals the real one; apart so Replay needs no HTTP stack.
        .target(
            name: "ReplayOverHTTP",
            dependencies: ["Replay", "WebimServer", "WebimChannel", "WebimProtocol", "BotRuntime", "Recording", "ConformJSON",
                           "JSEngine", "ConformConcurrency"]
        ),

        // Reports: JUnit XML (validated against the schema conform ships), console and HTML.
        .target(name: "Reporting", dependencies: ["XMLSupport", "ConformJSON"]),
        // A JAICP project's own test/*.xml autotests: reading them and running them on the runtime.
        .target(name: "AutoTests", dependencies: ["BotScript", "BotRuntime", "XMLSupport", "Reporting", "Recording",
                                                  "ConformJSON", "JSEngine"]),

        .executableTarget(
            name: "ConformCLI",
            dependencies: [
                "ConformJSON", "ConformConcurrency", "JSEngine", "XMLSupport", "Reporting", "BotScript", "BotRuntime", "Recording", "Replay", "AutoTests", "WebimServer", "Recorder", "LocalChat", "ReplayOverHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks: programs that print numbers (run them with `-c release`; see README).
        .executableTarget(name: "conform-bench-botscript", dependencies: ["BotScript", "BotRuntime"],
                          path: "Benchmarks/BotScriptBenchmark"),
        .executableTarget(name: "conform-bench-runtime", dependencies: ["BotScript", "BotRuntime", "JSEngine"],
                          path: "Benchmarks/RuntimeBenchmark"),

        .executableTarget(name: "conform-bench-replay", dependencies: ["Replay", "Recording", "Reporting", "BotScript", "BotRuntime",
                                                                     "JSEngine", "ConformJSON", "ConformConcurrency", "WebimChannel", "WebimProtocol"],
                          path: "Benchmarks/ReplayBenchmark"),
        .executableTarget(name: "conform-bench-recorder", dependencies: ["Recorder", "Recording", "WebimServer", "ConformJSON"],
                          path: "Benchmarks/RecorderBenchmark"),

        // Fuzzing: the outside inputs as byte functions, one small program per entry point. In the normal
        // build each program replays the files it is given; scripts/fuzz builds them with libFuzzer.
        .target(name: "FuzzTargets", dependencies: ["AutoTests", "BotScript", "ConformJSON", "Recording", "WebimChannel",
                                                    "WebimProtocol"], path: "Fuzz/Targets"),
        .executableTarget(name: "fuzz-botscript", dependencies: ["FuzzTargets"], path: "Fuzz/BotScript"),
        .executableTarget(name: "fuzz-webim-webhook", dependencies: ["FuzzTargets"], path: "Fuzz/WebimWebhook"),
        .executableTarget(name: "fuzz-recording", dependencies: ["FuzzTargets"], path: "Fuzz/Recording"),
        .executableTarget(name: "fuzz-jaicp-xml-test", dependencies: ["FuzzTargets"], path: "Fuzz/JAICPXMLTest"),
        .executableTarget(name: "fuzz-suite-config", dependencies: ["FuzzTargets"], path: "Fuzz/SuiteConfig"),

        .testTarget(name: "ConformJSONTests", dependencies: ["ConformJSON"]),
        .testTarget(name: "ConformConcurrencyTests", dependencies: ["ConformConcurrency"]),
        .testTarget(name: "JSEngineTests", dependencies: ["JSEngine", "ConformJSON"]),
        .testTarget(name: "BotScriptTests", dependencies: ["BotScript", "ConformJSON"], exclude: ["Fixtures"]),
        .testTarget(name: "BotRuntimeTests", dependencies: ["BotRuntime", "BotScript", "JSEngine", "ConformJSON"]),
        .testTarget(name: "RecordingTests", dependencies: ["Recording", "ConformJSON"]),
        .testTarget(name: "ReplayTests", dependencies: ["Replay", "Recording", "Reporting", "BotRuntime", "BotScript", "XMLSupport", "ConformJSON",
                                                       "ConformConcurrency"]),
        .testTarget(name: "ReplayOverHTTPTests", dependencies: ["ReplayOverHTTP", "Replay", "Recording", "ConformJSON"]),
        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport", "Reporting"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "XMLSupport"]),
        .testTarget(name: "AutoTestsTests", dependencies: ["AutoTests", "BotRuntime", "BotScript", "JSEngine", "Reporting",
                                                           "ConformJSON"], exclude: ["Fixtures"]),
        .testTarget(name: "WebimProtocolTests", dependencies: ["WebimProtocol", "ConformJSON"]),
        .testTarget(name: "WebimServerTests", dependencies: ["WebimServer", "WebimChannel", "WebimProtocol", "BotScript", "BotRuntime", "JSEngine",
                                                            "ConformJSON"]),
        .testTarget(name: "RecorderTests", dependencies: ["Recorder", "Recording", "Replay", "WebimServer", "WebimChannel", "WebimProtocol", "BotScript",
                                                         "ConformConcurrency",
                                                         "BotRuntime", "ConformJSON",
                                                         .product(name: "AsyncHTTPClient", package: "async-http-client"),
                                                         .product(name: "Hummingbird", package: "hummingbird"),
                                                         .product(name: "HummingbirdTLS", package: "hummingbird")]),
        // The command line: CI recipes parse, completions and the help reference match the binary, `conform chat` in a terminal.
        .testTarget(name: "ConformCLITests", dependencies: ["ConformCLI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                                           .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "LocalChatTests", dependencies: ["LocalChat", "Replay", "Recording", "BotScript", "BotRuntime", "JSEngine",
                                                          "ConformJSON"]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets", "ConformJSON"]),
        .testTarget(
            name: "WebimChannelTests",
            dependencies: ["WebimChannel", "WebimProtocol", "BotRuntime", "BotScript", "JSEngine", "ConformJSON"]
        ),
    ]
)
