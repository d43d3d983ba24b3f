import Foundation
import Recorder
import Testing

/// Chat ids come from the network: they never choose where a file goes.
@Suite struct ChatFileNameTests {
    @Test func plainIdsStayReadable() {
        #expect(ChatFileName.stem(chat: "101", at: "2026-11-25T10:00:00.120Z") == "chat-101-20261125-100000")
        #expect(ChatFileName.stem(chat: "9401b039-ace3", at: "2026-11-25T10:00:00Z") == "chat-9401b039-ace3-20261125-100000")
    }

    @Test func hostileIdsCannotEscapeTheFolder() {
        let hostile = ["../../etc/passwd", "/abs/path", "a\u{0}b", "..", ".", "con:\\x", String(repeating: "x", count: 5000),
                       "чат 1", "", "a/../../b"]
        var seen = Set<String>()
        for id in hostile {
            let stem = ChatFileName.stem(chat: id, at: "2026-11-25T10:00:00Z")
            #expect(!stem.contains("/") && !stem.contains("\\") && !stem.contains("\u{0}") && !stem.contains(".."), "\(stem)")
            #expect(stem.hasPrefix("chat-"))
            #expect(stem.count <= 5 + 40 + 9 + 16)
            #expect(stem.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            seen.insert(stem)
        }
        #expect(seen.count == hostile.count, "ids that sanitize alike keep apart by their hash")
        let resolved = URL(fileURLWithPath: "/out").appendingPathComponent(ChatFileName.stem(chat: "../x", at: "") + ".json")
            .standardizedFileURL.path
        #expect(resolved.hasPrefix("/out/"))
    }
}
