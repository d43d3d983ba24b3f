import ConformJSON
import Testing

/// JSON as people write it (object literals, comments) — also in files saved with Windows line ends.
@Suite struct RelaxedJSONTests {
    @Test func objectLiteralsWithCommentsAndTrailingCommasParse() throws {
        let text = "{\n  // a comment\n  tag: 'Sum', /* block */ list: [1, 2,],\n}\n"
        #expect(try RelaxedJSON.parse(text) == ["tag": "Sum", "list": [1, 2]])
    }

    @Test func lineCommentsEndAtAWindowsLineEnd() throws {
        // "\r\n" is one Swift Character: a comment that waited for "\n" ran to the end of the text.
        let text = "{\r\n  \"a\": [\r\n    // {\"b\": 1},\r\n    2\r\n  ],\r\n  /* x\r\n y */ \"c\": 3\r\n}\r\n"
        #expect(try RelaxedJSON.parse(text) == ["a": [2], "c": 3])
    }
}
