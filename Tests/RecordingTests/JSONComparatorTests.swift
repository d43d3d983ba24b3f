import ConformJSON
import Recording
import Testing

@Suite struct JSONComparatorTests {
    let comparator = JSONComparator()

    @Test func equalValuesHaveNoDifferences() {
        #expect(comparator.compare(expected: ["a": [1, 2]], actual: ["a": [1, 2]], at: "x").isEmpty)
    }

    @Test func differencesNameTheExactPath() {
        let differences = comparator.compare(expected: ["message": ["text": "Hi", "kind": "operator"]],
                                             actual: ["message": ["text": "Hello", "kind": "operator", "extra": true]],
                                             at: "turns[0].calls[1].request.body")
        #expect(differences == [
            Difference(path: "turns[0].calls[1].request.body.message.text", expected: "Hi", actual: "Hello"),
            Difference(path: "turns[0].calls[1].request.body.message.extra", expected: nil, actual: true),
        ])
    }

    @Test func subsetModeChecksOnlyWrittenKeys() {
        let session: JSONValue = ["order": ["id": 7, "status": "new"], "visits": 3]
        #expect(comparator.compare(expected: ["order": ["id": 7]], actual: session, at: "s", subset: true).isEmpty)
        #expect(comparator.compare(expected: ["order": ["id": 8]], actual: session, at: "s", subset: true)
                == [Difference(path: "s.order.id", expected: 8, actual: 7)])
    }

    @Test func anyAndRegexMatchers() {
        #expect(comparator.compare(expected: ["id": "{{any}}"], actual: ["id": 12345], at: "b").isEmpty)
        #expect(comparator.compare(expected: ["id": "{{any}}"], actual: [:], at: "b")
                == [Difference(path: "b.id", expected: "{{any}}", actual: nil)])
        #expect(comparator.compare(expected: "{{re:Order \\d+ shipped}}", actual: "Order 12 shipped", at: "t").isEmpty)
        let anchored = comparator.compare(expected: "{{re:\\d+}}", actual: "order 12", at: "t")
        #expect(anchored.first?.note == "does not match the regular expression \\d+")
    }

    @Test func ignoredPathsAreNotCompared() throws {
        let ignoring = JSONComparator(ignore: [try #require(JSONPathPattern("turns[*].calls[*].request.body.message.buttons[*][*].id"))])
        let expected: JSONValue = ["message": ["buttons": [[["id": "a", "text": "Yes"]]]]]
        let actual: JSONValue = ["message": ["buttons": [[["id": "b", "text": "Yes"]]]]]
        #expect(ignoring.compare(expected: expected, actual: actual, at: "turns[3].calls[0].request.body").isEmpty)
        #expect(comparator.compare(expected: expected, actual: actual, at: "turns[3].calls[0].request.body").count == 1)
    }

    @Test func arraysOfDifferentLengthReportEachMissingItem() {
        #expect(comparator.compare(expected: [1, 2, 3], actual: [1], at: "r") == [
            Difference(path: "r[1]", expected: 2, actual: nil), Difference(path: "r[2]", expected: 3, actual: nil),
        ])
    }
}

@Suite struct GlobTests {
    @Test func antStyleGlobs() {
        #expect(Glob("drafts/**").matches("drafts/a/b.json"))
        #expect(!Glob("drafts/**").matches("live/a.json"))
        #expect(Glob("**/old-*.json").matches("x/y/old-1.json"))
        #expect(Glob("**/old-*.json").matches("old-2.json"))
        #expect(Glob("*.xml").matches("a.xml"))
        #expect(!Glob("*.xml").matches("sub/a.xml"))
        #expect(Glob("case-?.xml").matches("case-1.xml"))
    }

    /// The recorder redacts credentials the bot itself says (a payment link's signature): the
    /// placeholder stands for whatever is there today.
    @Test func aRedactedPartOfAnExpectedStringMatchesAnyText() {
        let comparator = JSONComparator()
        #expect(comparator.compare(expected: "Pay: https://p.example/i?id=7&signature=[redacted]",
                                   actual: "Pay: https://p.example/i?id=7&signature=abc123", at: "t").isEmpty)
        #expect(!comparator.compare(expected: "Pay: https://p.example/i?id=8&signature=[redacted]",
                                    actual: "Pay: https://p.example/i?id=7&signature=abc123", at: "t").isEmpty)
    }

    /// `--update`'s merge keeps what still matches: an ignored key, even one the bot no longer sends,
    /// and adds no ignored key today's output has.
    @Test func mergeKeepsIgnoredPathsAsWritten() throws {
        let comparator = JSONComparator(ignore: [try #require(JSONPathPattern("b.id"))])
        let result = comparator.merged(expected: ["id": "x-1", "text": "old"], actual: ["text": "new"], at: "b")
        #expect(result == ["id": "x-1", "text": "new"])
        let added = comparator.merged(expected: ["text": "old"], actual: ["text": "new", "id": "x-2"], at: "b")
        #expect(added == ["text": "new"])
    }
}
