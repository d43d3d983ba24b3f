import ConformJSON
import Recording
import Testing

@Suite struct JSONSchemaTests {
    /// Values under a schema with nothing to say (a webhook's body) are not visited; everything a
    /// keyword constrains still is, however deep.
    @Test func onlyWhatAKeywordConstrainsIsChecked() throws {
        let schema = JSONSchema([
            "type": "object",
            "required": ["body", "meta"],
            "properties": [
                "body": [:],
                "meta": ["type": "object", "required": ["id"]],
                "items": ["type": "array", "items": ["type": "object", "properties": ["n": ["type": "integer"]]]],
            ],
        ])
        let value: JSONValue = [
            "body": ["anything": [1, "two", ["deep": .null]], "x": true],
            "meta": ["other": ["not": "checked"]],
            "items": [["n": 1], ["n": 1.5], ["m": "free"]],
        ]
        #expect(schema.validate(value).map(\.description) == [
            "meta: is missing the required field \"id\"",
            "items[1].n: must be an integer, found number",
        ])
        #expect(schema.validate(["meta": ["id": 1]]).map(\.description) == ["$: is missing the required field \"body\""])
        #expect(schema.validate("text").map(\.description) == ["$: must be an object, found string"])
    }
}
