@testable import AutoTests
import BotRuntime
import ConformJSON
import Testing

@Suite struct ReplyCursorTests {
    static let replies: [JSONValue] = [
        ["type": "text", "text": "one", "state": "/A"],
        ["type": "buttons", "buttons": [["text": "b"]], "state": "/A"],
        ["type": "image", "imageUrl": "u", "state": "/A"],
        ["type": "text", "text": "two", "state": "/B"],
        ["type": "timeout", "interval": 5, "targetState": "/T"],
    ]

    @Test func eachTakeIsTheNextTextReplySkippingOtherTypes() {
        var cursor = ReplyCursor(replies: Self.replies, statesEntered: ["/A", "/B"], requestLine: 3, requestNumber: 1)
        #expect(cursor.textCount == 2)
        #expect(cursor.next()?.index == 0)
        #expect(cursor.remaining.map(\.index) == [3])
        #expect(cursor.next()?.index == 3)
        #expect(cursor.next() == nil)
        #expect(cursor.remaining.isEmpty)
        #expect(cursor.timeout?["targetState"] == "/T")
    }

    @Test func classIsTheFirstStateOrTheNewSessionsFirstState() {
        let cursor = ReplyCursor(replies: Self.replies, statesEntered: ["/Restart", "/Start", "/Menu"],
                                 newSession: NewSessionStart(arguments: ["message": "/start"], replyIndex: 3, stateIndex: 1),
                                 requestLine: 3, requestNumber: 1)
        #expect(cursor.classState(ofReply: 0) == "/Restart")
        #expect(cursor.classState(ofReply: 3) == "/Start")
    }
}
