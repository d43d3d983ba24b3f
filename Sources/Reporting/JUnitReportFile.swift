import Foundation
import XMLSupport

/// A JUnit report built one testcase at a time without holding the cases, so a run of any size writes
/// its report in flat memory. Each case is rendered to XML (libxml2) when it is added and parked in a
/// scratch file; `write(to:)` streams the document — the counts, each suite's start tag and properties,
/// its parked cases — into a temporary file beside the target, validates that file against the schema
/// as a stream, and renames it into place (a CI server never reads half a report or an invalid one).
///
/// ```swift
/// let report = try JUnitReportFile(name: "conform replay", properties: [("conform.version", "1.0")])
/// try report.add(testCase, suite: "recordings.demo", label: "shop-assistant-demo")
/// try report.write(to: "Reports/junit.xml")
/// ```
public final class JUnitReportFile {
    struct Suite {
        var key: String
        var label: String?
        var properties: [(name: String, value: String)]
        var totals = TestTotals()
        /// Where its cases' XML lies in the scratch file, in order; adjacent pieces are merged.
        var pieces: [(offset: Int, length: Int)] = []
    }

    public let name: String
    public let properties: [(name: String, value: String)]
    public let timestamp: String?
    private var suites: [Suite] = []
    private var suiteIndex: [String: Int] = [:]
    private let scratch: FileHandle
    /// How errors name the scratch file once it is unlinked (its path no longer exists).
    static let scratchName = "the report's scratch file in the temp directory"
    private var scratchSize = 0

    public init(name: String, properties: [(name: String, value: String)] = [], timestamp: String? = nil) throws(JUnitWriter.Failure) {
        self.name = name
        self.properties = properties
        self.timestamp = timestamp
        let scratchPath = FileManager.default.temporaryDirectory.appendingPathComponent("conform-junit-\(UUID().uuidString).part").path
        // O_APPEND: every case lands at the end, whatever reading it back did to the offset.
        let descriptor = open(scratchPath, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .io(path: scratchPath, reason: "cannot create a scratch file for the report's testcases: \(String(cString: strerror(errno)))")
        }
        // Unlinked at once: the descriptor keeps the file for this run, and nothing is left in the temp
        // directory however the run ends (an interrupted run left its scratch file behind).
        unlink(scratchPath)
        scratch = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Every case added so far, counted.
    public var totals: TestTotals {
        var all = TestTotals()
        for suite in suites { all.add(suite.totals) }
        return all
    }

    /// The suites met so far, in the order they were first met, with the label each was given.
    public var suiteLabels: [(key: String, label: String?)] { suites.map { ($0.key, $0.label) } }

    /// Adds a case to the suite `key` (made when first met, with `properties`); the suite is named
    /// `label`, the first non-nil one given for it, else `key`.
    public func add(_ testCase: TestCaseResult, suite key: String, label: String? = nil,
                    properties: [(name: String, value: String)] = []) throws(JUnitWriter.Failure) {
        let text: String
        do {
            text = try XMLWriter.fragment(JUnitWriter.caseElement(testCase), depth: 2)
        } catch {
            throw .xml(error)
        }
        let bytes = Data(text.utf8)
        do {
            try scratch.write(contentsOf: bytes)
        } catch {
            throw .io(path: Self.scratchName, reason: error.localizedDescription)
        }
        let index = declare(key, label: label, properties: properties)
        suites[index].totals.count(testCase)
        if let last = suites[index].pieces.last, last.offset + last.length == scratchSize {
            suites[index].pieces[suites[index].pieces.count - 1].length += bytes.count
        } else {
            suites[index].pieces.append((scratchSize, bytes.count))
        }
        scratchSize += bytes.count
    }

    /// Makes the suite `key` if it is new (a suite without cases is still reported), and gives it
    /// `label` if it has none yet; returns its position.
    @discardableResult
    public func declare(_ key: String, label: String? = nil, properties: [(name: String, value: String)] = []) -> Int {
        let index: Int
        if let known = suiteIndex[key] {
            index = known
        } else {
            index = suites.count
            suiteIndex[key] = index
            suites.append(Suite(key: key, label: label, properties: properties))
        }
        if suites[index].label == nil { suites[index].label = label }
        return index
    }

    /// Streams the report to `path` (through a temporary file and a rename), validated against
    /// `JUnitSchema`. `suiteNames` overrides the names of suites by key.
    public func write(to path: String, suiteNames: [String: String] = [:]) throws(JUnitWriter.Failure) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        do {
            // The scratch file needs no flush: `FileHandle` writes straight to the descriptor.
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, reason: error.localizedDescription)
        }
        do {
            try stream(to: temporary, suiteNames: suiteNames)
            let problems: [String]
            do {
                problems = try XMLSchemaValidator(schema: JUnitSchema.xsd).validateFile(temporary)
            } catch {
                throw JUnitWriter.Failure.xml(error)
            }
            guard problems.isEmpty else { throw JUnitWriter.Failure.invalid(problems) }
            guard rename(temporary, path) == 0 else { throw JUnitWriter.Failure.io(path: path, reason: String(cString: strerror(errno))) }
        } catch let failure as JUnitWriter.Failure {
            unlink(temporary)
            throw failure
        } catch {
            unlink(temporary)
            throw .io(path: path, reason: "\(error)")
        }
    }

    private func stream(to temporary: String, suiteNames: [String: String]) throws(JUnitWriter.Failure) {
        // Read back through the same descriptor (O_APPEND: cases added later still go to the end).
        let reader = scratch
        do {
            let out = try XMLFileWriter(path: temporary)
            // The run's time is the suites' times added up (`totals` does), as a whole `TestReport` sums them.
            let all = totals
            var root = XMLElement("testsuites", attributes: JUnitWriter.countAttributes(name: name, all))
            if let timestamp { root.setAttribute("timestamp", timestamp) }
            try out.open(root, depth: 0)
            for suite in suites {
                var element = XMLElement("testsuite", attributes: JUnitWriter.countAttributes(
                    name: suiteNames[suite.key] ?? suite.label ?? suite.key, suite.totals))
                if let timestamp { element.setAttribute("timestamp", timestamp) }
                try out.open(element, depth: 1)
                let properties = self.properties + suite.properties
                if !properties.isEmpty { try out.element(JUnitWriter.propertiesElement(properties), depth: 2) }
                for piece in suite.pieces { try copy(piece, from: reader, to: out) }
                try out.close(depth: 1)
            }
            try out.close(depth: 0)
            try out.finish()
        } catch let error as XMLError {
            throw .xml(error)
        } catch let failure as JUnitWriter.Failure {
            throw failure
        } catch {
            throw .io(path: Self.scratchName, reason: "\(error)")
        }
    }

    /// Copies a run of parked cases in chunks of at most a MiB (bytes, so a chunk may end inside a
    /// character: libxml2 gets them raw and in order).
    private func copy(_ piece: (offset: Int, length: Int), from reader: FileHandle, to out: XMLFileWriter) throws {
        try reader.seek(toOffset: UInt64(piece.offset))
        var left = piece.length
        while left > 0 {
            guard let data = try reader.read(upToCount: min(left, 1 << 20)), !data.isEmpty else {
                throw JUnitWriter.Failure.io(path: Self.scratchName, reason: "the scratch file ended early")
            }
            try out.raw(Array(data))
            left -= data.count
        }
    }
}
