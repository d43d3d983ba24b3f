/// Where a walk over a JSON document is: a starting path and the keys and indexes below it, made into
/// text (`turns[2].webhook.request`) only when it is reported — most values checked or compared have
/// nothing to report, and text for every one was the walk's main cost.
struct JSONLocation {
    enum Part { case key(String), index(Int) }
    /// The path the walk starts from (`$` for a whole document; may be empty).
    let base: String
    var parts: [Part] = []

    init(base: String) { self.base = base }

    var text: String {
        parts.reduce(base) { path, part in
            switch part {
            case .key(let key): JSONSchema.join(path.isEmpty ? "$" : path, key)
            case .index(let index): "\(path)[\(index)]"
            }
        }
    }
}
