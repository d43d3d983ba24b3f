import Foundation

/// The `name` and `media_type` of a file the bot sends, which JAICP replies do not carry.
///
/// The name is the reply's own (`fileName`, `audioName`, `videoName`) when it has one, otherwise the
/// URL's last path component (without query or fragment, percent-decoded), otherwise the reply
/// type (`image`, `audio`, `video`, `file`). The media type is looked up by the extension of the
/// URL's last path component, then of the name; an unknown extension is
/// `application/octet-stream` (no guess is made from the reply type).
public enum WebimMediaType {
    public static let unknown = "application/octet-stream"

    /// Media types by lower-cased extension.
    public static let byExtension: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "svg": "image/svg+xml", "bmp": "image/bmp", "heic": "image/heic",
        "tif": "image/tiff", "tiff": "image/tiff",
        "mp3": "audio/mpeg", "ogg": "audio/ogg", "oga": "audio/ogg", "opus": "audio/ogg",
        "wav": "audio/wav", "m4a": "audio/mp4", "aac": "audio/aac", "flac": "audio/flac",
        "mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "mov": "video/quicktime",
        "avi": "video/x-msvideo", "mkv": "video/x-matroska", "3gp": "video/3gpp",
        "pdf": "application/pdf", "txt": "text/plain", "csv": "text/csv", "html": "text/html",
        "htm": "text/html", "json": "application/json", "xml": "application/xml",
        "zip": "application/zip", "rtf": "application/rtf",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ]

    public static func guess(url: String, name: String? = nil) -> String {
        for candidate in [lastPathComponent(of: url), name].compactMap({ $0 }) {
            if let ext = fileExtension(candidate), let type = byExtension[ext] { return type }
        }
        return unknown
    }

    /// `https://cdn.example.com/files/price%20list.pdf?v=2` → `price list.pdf`; nil without a path.
    public static func lastPathComponent(of url: String) -> String? {
        var rest = Substring(url)
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        if let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
            guard let pathStart = rest.firstIndex(of: "/") else { return nil }  // host only
            rest = rest[pathStart...]
        }
        guard let component = rest.split(separator: "/").last, !component.isEmpty else { return nil }
        let text = String(component)
        return text.removingPercentEncoding ?? text
    }

    static func fileExtension(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...]
        return ext.isEmpty ? nil : ext.lowercased()
    }
}
