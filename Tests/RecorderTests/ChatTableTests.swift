import Foundation
import Recorder
import Testing

/// The recorder's per-chat bookkeeping, without sockets or files.
@Suite struct ChatTableTests {
    let t0 = Date(timeIntervalSince1970: 1_764_064_800)
    let free: (String) -> Bool = { _ in true }

    @Test func webhooksOfAChatAreNumberedAndCallsJoinTheLatestTurn() {
        var table = ChatTable(idle: 600)
        let first = table.webhookArrived(chat: "1", now: t0, stem: "chat-1", isFree: free)
        #expect(first.session.chat == "1" && first.session.stem == "chat-1" && first.session.isNew)
        #expect(first.turn == 0)
        #expect(table.callArrived(chat: "1", now: t0, stem: "chat-1", isFree: free).turn == 0)
        let second = table.webhookArrived(chat: "1", now: t0, stem: "chat-1", isFree: free)
        #expect(second.session.isNew == false)
        #expect(second.turn == 1)
        #expect(table.callArrived(chat: "1", now: t0, stem: "chat-1", isFree: free).turn == 1)
        // Another chat has its own numbering.
        #expect(table.webhookArrived(chat: "2", now: t0, stem: "chat-2", isFree: free).turn == 0)
        #expect(table.openChats == 2)
    }

    @Test func aCallBeforeAnyWebhookOpensTheChatWithoutATurn() {
        var table = ChatTable(idle: 600)
        let call = table.callArrived(chat: "7", now: t0, stem: "chat-7", isFree: free)
        #expect(call.turn == nil)
        #expect(call.session.isNew)
    }

    @Test func closeChatFinalizesOnlyOnceNothingOfTheChatIsInFlight() {
        var table = ChatTable(idle: 600)
        _ = table.webhookArrived(chat: "1", now: t0, stem: "chat-1", isFree: free)   // still in flight
        _ = table.callArrived(chat: "1", now: t0, stem: "chat-1", isFree: free)
        #expect(table.finished(chat: "1", closes: true, now: t0) == nil)
        #expect(table.finished(chat: "1", closes: false, now: t0)?.stem == "chat-1")
        #expect(table.openChats == 0)
        // A later webhook of the same chat starts a new recording.
        #expect(table.webhookArrived(chat: "1", now: t0, stem: "chat-1b", isFree: free).session.isNew)
    }

    @Test func idleChatsAreSweptButNotWhileBusy() {
        var table = ChatTable(idle: 10)
        _ = table.webhookArrived(chat: "a", now: t0, stem: "chat-a", isFree: free)
        _ = table.finished(chat: "a", closes: false, now: t0)
        _ = table.webhookArrived(chat: "b", now: t0, stem: "chat-b", isFree: free)   // in flight
        #expect(table.sweep(now: t0.addingTimeInterval(9)) == [])
        #expect(table.sweep(now: t0.addingTimeInterval(11)).map(\.stem) == ["chat-a"])
        #expect(table.openChats == 1)
        #expect(table.closeAll().map(\.chat) == ["b"])
    }

    @Test func takenStemsGetANumberedSuffix() {
        var table = ChatTable(idle: 600)
        let taken: Set<String> = ["chat-1", "chat-1-2"]
        let session = table.webhookArrived(chat: "1", now: t0, stem: "chat-1", isFree: { !taken.contains($0) }).session
        #expect(session.stem == "chat-1-3")
        // An open chat's stem is taken too.
        #expect(table.webhookArrived(chat: "one", now: t0, stem: "chat-1-3", isFree: free).session.stem == "chat-1-3-2")
    }
}
