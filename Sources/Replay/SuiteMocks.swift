import BotRuntime
import BotScript
import ConformJSON
import Foundation
import Recording

/// `conform.yaml`'s `mocks:` file: `$http` answers for recordings of a deployed bot, whose `$http`
/// calls were never seen. Each entry answers every call with its method and URL, as often as asked:
///
/// ```yaml
/// - url: https://api.example.com/rate?c=USD   # required; `[redacted]` stands for any value there
///   method: GET                               # default GET
///   status: 200                               # default 200; -1: the call got no answer
///   body: {value: 91.5}                       # what the service answered (JSON or text)
/// ```
///
/// A file that cannot be read or is not such a list is an error for every recording that uses it,
/// naming the file and the entry: a typo must not silently become an unmocked call.
enum SuiteMocks {
    static func load(_ path: String) throws(ReplayDriverFailure) -> [QueuedHTTPMocks.Mock] {
        let shown = "conform.yaml `mocks:` file \(path)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReplayDriverFailure("\(shown) cannot be read (does it exist?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReplayDriverFailure("\(shown) is not UTF-8 text")
        }
        let document: JSONValue
        do {
            document = try YAMLConversion.parse(text)
        } catch {
            throw ReplayDriverFailure("\(shown): \(error)")
        }
        guard let entries = document.arrayValue else {
            throw ReplayDriverFailure("\(shown) must be a list of {url, method, status, body} entries, found \(document.typeName)")
        }
        var mocks: [QueuedHTTPMocks.Mock] = []
        for (index, entry) in entries.enumerated() {
            let at = "\(shown), entry [\(index)]"
            guard case .object(let fields) = entry else { throw ReplayDriverFailure("\(at) must be an object, found \(entry.typeName)") }
            for key in fields.keys where !["url", "method", "status", "body"].contains(key) {
                throw ReplayDriverFailure("\(at): unknown field `\(key)` (url, method, status, body)")
            }
            guard let url = fields["url"]?.stringValue, !url.isEmpty else { throw ReplayDriverFailure("\(at) has no `url`") }
            let method = fields["method"].map { $0.stringValue } ?? "GET"
            guard let method, !method.isEmpty else { throw ReplayDriverFailure("\(at): `method` must be text such as GET") }
            let status = fields["status"].map { $0.intValue } ?? 200
            guard let status, status == -1 || (100...599).contains(status) else {
                throw ReplayDriverFailure("\(at): `status` must be an HTTP status (100–599) or -1 for no answer")
            }
            let response = status == -1 ? HTTPMockResponse(status: -1, body: nil, error: "no answer (mocked)")
                : HTTPMockResponse(status: status, body: fields["body"])
            mocks.append(QueuedHTTPMocks.Mock(method: method.uppercased(), url: url, response: response, once: false,
                                              wildcard: Redactor.placeholder))
        }
        return mocks
    }
}
