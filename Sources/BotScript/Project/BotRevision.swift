import Foundation

/// A bot project as it is at a git branch, tag or commit (`--ref`), read out of its repository
/// into a temporary folder with `git archive` — the user's working tree, index and worktree list
/// are never touched. JAICP deploys a channel from a branch the same way.
///
/// ```swift
/// let revision = try BotRevision.checkout(project: "bots/shop", ref: "v1.2")
/// revision.projectPath   // /tmp/conform-ref-…/bots/shop
/// revision.commit        // "3f2c…" (40 hex digits)
/// revision.remove()
/// ```
public struct BotRevision: Sendable, Equatable {
    public var ref: String
    /// The full commit hash the ref resolved to.
    public var commit: String
    /// The project folder inside the temporary copy.
    public var projectPath: String
    /// The temporary folder holding the copy (removed by `remove()`).
    public var temporaryRoot: String

    public static func checkout(project: String, ref: String) throws(BotRevisionError) -> BotRevision {
        let absolute = URL(fileURLWithPath: project).standardizedFileURL.resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder), isFolder.boolValue else {
            throw .notAFolder(project)
        }
        guard !ref.isEmpty, !ref.hasPrefix("-") else { throw .unknownRef(ref, repository: absolute) }
        let top: String
        switch Git.run(["-C", absolute, "rev-parse", "--show-toplevel"]) {
        case .success(let output): top = output.trimmingCharacters(in: .whitespacesAndNewlines)
        case .failure: throw .notInARepository(project)
        }
        let commit: String
        switch Git.run(["-C", top, "rev-parse", "--verify", "--quiet", "\(ref)^{commit}"]) {
        case .success(let output): commit = output.trimmingCharacters(in: .whitespacesAndNewlines)
        case .failure: throw .unknownRef(ref, repository: top)
        }
        let topPath = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
        let relative = absolute == topPath ? "" : String(absolute.dropFirst(topPath.count + 1))
        let temporary = NSTemporaryDirectory() + "conform-ref-" + String(commit.prefix(12)) + "-" + UUID().uuidString.prefix(8)
        do {
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        } catch {
            throw .cannotExtract(reason: error.localizedDescription)
        }
        var archive = ["-C", top, "archive", "--format=tar", commit]
        if !relative.isEmpty { archive += ["--", relative] }
        if case .failure(let reason) = Git.archive(archive, into: temporary) {
            try? FileManager.default.removeItem(atPath: temporary)
            if reason.reason.contains("pathspec") || reason.reason.contains("did not match") {
                throw .projectMissing(relative, ref: ref)
            }
            throw .cannotExtract(reason: reason.reason)
        }
        let projectPath = relative.isEmpty ? temporary : (temporary as NSString).appendingPathComponent(relative)
        return BotRevision(ref: ref, commit: commit, projectPath: projectPath, temporaryRoot: temporary)
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: temporaryRoot)
    }
}

public enum BotRevisionError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAFolder(String)
    case notInARepository(String)
    case unknownRef(String, repository: String)
    case projectMissing(String, ref: String)
    case cannotExtract(reason: String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "--ref: \(path) is not a folder (give the bot project with --bot PATH)"
        case .notInARepository(let path):
            "--ref needs the bot project to be in a git repository, and \(path) is not (drop --ref to run the files as they are)"
        case .unknownRef(let ref, let repository):
            "--ref: '\(ref)' is not a branch, tag or commit of \(repository) (see `git -C \(repository) branch -a` and `git tag`)"
        case .projectMissing(let relative, let ref): "--ref: the bot project \(relative) does not exist at \(ref)"
        case .cannotExtract(let reason): "--ref: the project could not be read out of git: \(reason)"
        }
    }
}

/// The `git` executable, run without a shell.
enum Git {
    static func run(_ arguments: [String]) -> Result<String, GitFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(GitFailure(reason: "git could not be started: \(error.localizedDescription)"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return .failure(GitFailure(reason: errorText)) }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// `git archive … | tar -x -C folder`.
    static func archive(_ arguments: [String], into folder: String) -> Result<Void, GitFailure> {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git"] + arguments
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-x", "-C", folder]
        let pipe = Pipe()
        let gitErrors = Pipe()
        let tarErrors = Pipe()
        git.standardOutput = pipe
        git.standardError = gitErrors
        tar.standardInput = pipe
        tar.standardError = tarErrors
        do {
            try git.run()
            try tar.run()
        } catch {
            return .failure(GitFailure(reason: "git archive could not be started: \(error.localizedDescription)"))
        }
        let gitErrorText = String(decoding: gitErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let tarErrorText = String(decoding: tarErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        tar.waitUntilExit()
        guard git.terminationStatus == 0 else { return .failure(GitFailure(reason: gitErrorText)) }
        guard tar.terminationStatus == 0 else { return .failure(GitFailure(reason: "tar: " + tarErrorText)) }
        return .success(())
    }

    struct GitFailure: Error {
        var reason: String
    }
}
