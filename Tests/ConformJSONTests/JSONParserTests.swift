import ConformJSON
import Testing

@Suite struct JSONParserTests {
    @Test func keepsKeyOrderAndNumberLiterals() throws {
        let text = #"{"z": 1, "a": [true, null, 12345678901234567890, 1.50], "m": "Привет 👋"}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue.map { Array($0.keys) } == ["z", "a", "m"])
        #expect(JSONWriter.compact(value) == #"{"z":1,"a":[true,null,12345678901234567890,1.50],"m":"Привет 👋"}"#)
    }

    @Test func aKeyWrittenTwiceKeepsItsFirstPlaceAndItsLastValue() throws {
        let small = try JSONParser.parse(#"{"a": 1, "b": {"a": [1, {"c": 2}], "a": 3}, "a": 4, "d": []}"#)
        #expect(JSONWriter.compact(small) == #"{"a":4,"b":{"a":3},"d":[]}"#)
        // Past 16 keys duplicates are found by hashing.
        let keys = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let large = try JSONParser.parse("{\(keys), \"k3\": \"again\", \"k20\": [[], [[1], {}]]}")
        #expect(large.objectValue?.count == 21)
        #expect(large["k3"] == .string("again"))
        #expect(large.objectValue.map { Array($0.keys.prefix(4)) } == ["k0", "k1", "k2", "k3"])
        #expect(JSONWriter.compact(large["k20"] ?? .null) == "[[],[[1],{}]]")
        #expect(large["k19"] == .number(JSONNumber(19)))
    }

    @Test func prettyWriterUsesTwoSpacesAndEndsWithNewline() {
        let value: JSONValue = ["format": "conform-recording", "turns": [["at": "x"]], "empty": [:]]
        #expect(JSONWriter.pretty(value) == """
            {
              "format": "conform-recording",
              "turns": [
                {
                  "at": "x"
                }
              ],
              "empty": {}
            }

            """)
    }

    @Test func escapesRoundTrip() throws {
        let original = "quote \" backslash \\ nl \n tab \t nul \u{0} slash / emoji 🎉 surrogate"
        let text = JSONWriter.compact(.string(original))
        #expect(try JSONParser.parse(text) == .string(original))
        #expect(try JSONParser.parse(#""\ud83c\udf89 \u00e9""#) == .string("🎉 é"))
    }

    @Test func writerEscapesExactlyQuotesBackslashesControlsAndLineSeparators() {
        let text = "a\"b\\c\nd\re\tf\u{08}g\u{0C}h\u{1F}i\u{7F}j\u{2028}k\u{2029}l/é🎉\"\u{301}"
        #expect(JSONWriter.compact(.string(text))
                == #""a\"b\\c\nd\re\tf\bg\fh\u001fi\u007fj\u2028k\u2029l/é🎉\"\#u{301}""#)
        var literal = "x="
        JSONWriter.writeString("ü\n", into: &literal)
        #expect(literal == #"x="ü\n""#)
    }

    @Test func stringsWithAndWithoutEscapesParseToTheSameText() throws {
        #expect(try JSONParser.parse(#"["plain", "Привет", "a\u0041\n", ""]"#) == ["plain", "Привет", "aA\n", ""])
    }

    @Test func truncatedTextNamesLineAndColumn() {
        #expect(throws: JSONSyntaxError(reason: .unexpectedEnd, line: 2, column: 10)) {
            try JSONParser.parse("{\"a\": 1,\n  \"b\": [1")
        }
    }

    @Test func invalidUTF8IsAnError() {
        let bytes: [UInt8] = Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes: bytes) }
        do {
            _ = try JSONParser.parse(bytes: bytes)
        } catch {
            #expect(error.reason == .invalidUTF8)
        }
    }

    @Test func deepNestingIsRefusedNotCrashing() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == .tooDeep(limit: JSONParser.defaultMaxDepth))
        }
    }

    @Test func rejectsWhatRFC8259Rejects() {
        for bad in ["01", "[1,]", "{'a':1}", "[1 2]", "\"a\tb\"", "1.", "-", "tru", "{} x", "NaN"] {
            #expect(throws: JSONSyntaxError.self, "\(bad)") { try JSONParser.parse(bad) }
        }
    }

    @Test func numbersCompareByValue() throws {
        #expect(try JSONParser.parse("1.0") == JSONValue.number(JSONNumber(1)))
        #expect(try JSONParser.parse("1e2").intValue == 100)
    }
}
