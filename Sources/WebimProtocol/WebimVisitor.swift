import ConformJSON

/// The visitor of a chat: `visitor.id` and the optional `visitor.fields` (`name`, `phone`, and the
/// account's custom fields). `json` is the object as received, unknown members included.
public struct WebimVisitor: Sendable, Equatable {
    public var id: String
    /// `visitor.fields` as received (an object), or nil.
    public var fields: JSONValue?
    public var json: JSONValue

    public init(id: String, fields: JSONValue? = nil, json: JSONValue? = nil) {
        self.id = id
        self.fields = fields
        self.json = json ?? ["id": .string(id)]
    }

    public var name: String? { fields?["name"]?.stringValue }
    public var phone: String? { fields?["phone"]?.stringValue }

    static func decode(_ field: JSONField) throws(WebimProtocolError) -> WebimVisitor {
        let object = try field.object(expected: "an object {\"id\": …, \"fields\": {…}}")
        let id = try object.required("id", expected: "the visitor's id (a string)").identifier()
        let fields = try object.member("fields")?.object(expected: "an object of visitor fields").value
        return WebimVisitor(id: id, fields: fields, json: field.value)
    }
}

/// Where the chat started: `location.address` is the page's URL (JAICP scripts read it through
/// `$request.rawRequest.location`).
public struct WebimLocation: Sendable, Equatable {
    public var address: String?
    public var json: JSONValue

    public init(address: String?, json: JSONValue? = nil) {
        self.address = address
        self.json = json ?? (address.map { ["address": .string($0)] } ?? [:])
    }

    static func decode(_ field: JSONField) throws(WebimProtocolError) -> WebimLocation {
        let object = try field.object(expected: "an object {\"address\": …}")
        return WebimLocation(address: try object.optionalString("address"), json: field.value)
    }
}
