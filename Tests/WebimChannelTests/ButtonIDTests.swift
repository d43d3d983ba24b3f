import Testing
import WebimChannel

@Suite struct ButtonIDTests {
    private func isValid(_ id: String) -> Bool {
        (1...24).contains(id.count) && id.unicodeScalars.allSatisfy {
            $0.isASCII && ($0 == "-" || $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0))
        }
    }

    @Test func idIsASlugOfTheTextAndItsHash() {
        #expect(WebimButtonID.make("Delivery") == "delivery-48f38d75")
        #expect(WebimButtonID.make("Track an order") == "track-an-order-737999db")
    }

    @Test func idsAreStableAcrossCalls() {
        let texts = ["Track an order", "Delivery", "Talk to a person"]
        #expect(WebimButtonID.make(for: texts) == WebimButtonID.make(for: texts))
    }

    @Test func idsMatchWebimsPatternWhateverTheText() {
        let texts = ["Доставка", "🙂", "", "  --  ", "A very long button text that goes on and on", "x_y.z", "ÄÖÜ ok"]
        for id in WebimButtonID.make(for: texts) { #expect(isValid(id), "\(id)") }
        #expect(WebimButtonID.make("Доставка").hasPrefix("b-"))
        #expect(WebimButtonID.make("A very long button text that goes on and on").hasPrefix("a-very-long-but-"))
        #expect(WebimButtonID.make("x_y.z").hasPrefix("x-y-z-"))
    }

    @Test func sameTextTwiceGetsDistinctIds() {
        let ids = WebimButtonID.make(for: ["Yes", "Yes", "Yes"])
        #expect(Set(ids).count == 3)
        #expect(ids[0] == WebimButtonID.make("Yes"))
        for id in ids { #expect(isValid(id)) }
    }
}
