import BotRuntime
import ConformConcurrency
import Foundation
import Recording
import WebimChannel
import WebimProtocol

/// What a replay run needs besides the recordings: which bot, which suite settings, runtime limits.
public struct ReplaySettings: Sendable {
    /// `--bot`: replay every recording against this project instead of the one they name.
    public var botOverride: String?
    /// `--bot-module NAME=PATH`.
    public var modules: [String: String]
    /// Applied to every conversation (the suite's `turnTimeout` overrides the limit).
    public var runtime: RuntimeOptions
    /// `--update`: produce failing recordings rewritten with today's behaviour.
    public var update = false
    /// How turns are fed to the bot: in process (default) or, with `--over-http`, through `conform serve`.
    public var driver: any ReplayDriverFactory = InProcessDriverFactory()
    /// `--draw-search-limit`: combinations of random draws tried per turn, the default ones included,
    /// for turns recorded without draws (1 or less: no search).
    public var drawSearchLimit = 64

    public init(botOverride: String? = nil, modules: [String: String] = [:], runtime: RuntimeOptions = RuntimeOptions()) {
        self.botOverride = botOverride
        self.modules = modules
        self.runtime = runtime
    }
}

/// The `conform.yaml` that applies to each folder, read once per run.
public final class SuiteConfigs: Sendable {
    private let cache = Locked<[String: Result<SuiteConfig, SuiteConfig.Problem>]>([:])
    private let mockFiles = Locked<[String: Result<[QueuedHTTPMocks.Mock], ReplayDriverFailure>]>([:])
    /// The `conform.yaml` found for each folder: looking walks up to the root with a `stat` per level,
    /// and every recording of a folder asks.
    private let files = Locked<[String: String?]>([:])

    public init() {}

    /// The settings for a recording in `folder`: the nearest `conform.yaml` in it or a parent.
    public func config(for folder: String) -> Result<SuiteConfig, SuiteConfig.Problem> {
        guard let file = files.value(for: folder, make: { SuiteConfig.find(from: folder) }) else { return .success(SuiteConfig()) }
        return cache.value(for: file) { Result { () throws(SuiteConfig.Problem) in try SuiteConfig.load(file) } }
    }

    /// The suite's `mocks:` file, read and checked once per run (every recording of the suite uses it).
    func mocks(of config: SuiteConfig) throws(ReplayDriverFailure) -> [QueuedHTTPMocks.Mock] {
        guard let file = config.mocks else { return [] }
        return try mockFiles.value(for: file) {
            Result { () throws(ReplayDriverFailure) in try SuiteMocks.load(file) }
        }.get()
    }
}

extension SuiteConfig {
    /// The channel adapter's settings this suite asks for.
    var channelConfiguration: WebimChannelConfiguration {
        var configuration = WebimChannelConfiguration()
        if let channelType { configuration.channelType = channelType }
        if let prechatJoin { configuration.prechatSeparator = prechatJoin }
        configuration.forceQueueRedirect = forceQueueRedirect
        if let silentReply, let reply = WebimSyncReply(setting: silentReply) { configuration.silentReplyBotAPI1 = reply }
        return configuration
    }
}
