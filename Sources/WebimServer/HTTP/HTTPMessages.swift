import ConformJSON
import Hummingbird

/// Reading requests and writing JSON responses the way both servers need them.
public enum HTTPMessages {
    /// A JSON response; the body written compact, as Webim writes its own.
    public static func json(_ status: Int, _ body: JSONValue) -> Response {
        let bytes = Array(JSONWriter.compact(body).utf8)
        return Response(status: .init(code: status), headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The request's headers by lower-cased name; repeated headers joined with ", ".
    static func headers(of request: Request) -> [String: String] {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        return headers
    }

    enum Body {
        case bytes([UInt8])
        /// More than the limit: `bytes` is the declared length, else what was read before stopping.
        case tooLarge(bytes: Int)
        case unreadable(String)
    }

    /// Reads the body, refusing it (unread) when it declares more than `limit` bytes and stopping
    /// as soon as more than `limit` arrive.
    static func body(of request: Request, limit: Int) async -> Body {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            return .tooLarge(bytes: declared)
        }
        var bytes: [UInt8] = []
        do {
            for try await buffer in request.body {
                bytes.append(contentsOf: buffer.readableBytesView)
                if bytes.count > limit { return .tooLarge(bytes: bytes.count) }
            }
        } catch {
            return .unreadable("\(error)")
        }
        return .bytes(bytes)
    }
}
