import Testing
import WebimChannel

@Suite struct MediaTypeTests {
    @Test func mediaTypeFollowsTheExtension() {
        #expect(WebimMediaType.guess(url: "https://x/a.png") == "image/png")
        #expect(WebimMediaType.guess(url: "https://x/a.JPEG?w=2#top") == "image/jpeg")
        #expect(WebimMediaType.guess(url: "https://x/song.ogg") == "audio/ogg")
        #expect(WebimMediaType.guess(url: "https://x/clip.webm") == "video/webm")
        #expect(WebimMediaType.guess(url: "https://x/report.docx")
                == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    }

    @Test func unknownExtensionFallsBackToTheNameThenToOctetStream() {
        #expect(WebimMediaType.guess(url: "https://x/download?id=1", name: "prices.pdf") == "application/pdf")
        #expect(WebimMediaType.guess(url: "https://x/download?id=1") == "application/octet-stream")
        #expect(WebimMediaType.guess(url: "https://x/archive.tar.xz") == "application/octet-stream")
        #expect(WebimMediaType.guess(url: "https://x/.hidden") == "application/octet-stream")
    }

    @Test func nameIsTheLastPathComponentDecoded() {
        #expect(WebimMediaType.lastPathComponent(of: "https://cdn.example.com/files/price%20list.pdf?v=2") == "price list.pdf")
        #expect(WebimMediaType.lastPathComponent(of: "https://cdn.example.com/dir/") == "dir")
        #expect(WebimMediaType.lastPathComponent(of: "https://cdn.example.com") == nil)
        #expect(WebimMediaType.lastPathComponent(of: "https://cdn.example.com/") == nil)
        #expect(WebimMediaType.lastPathComponent(of: "files/a.txt") == "a.txt")
    }
}
