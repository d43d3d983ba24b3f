/// Named patterns the JAICP platform provides without a declaration (*inferred*: its own
/// zb-common module uses `$oneWord` and `$nonEmptyGarbage` and declares neither). A project's
/// declaration of the same name replaces the built-in one.
enum BuiltinPatterns {
    static let location = PatternSourceLocation(file: "<built-in>", line: 0, column: 0)

    /// Any one word; any one or more words. Both score like `*` (see `PatternScore`).
    static let roots: [(name: String, root: PatternElement)] = [
        ("oneWord", .wildcardWord(WildcardWord("*"))),
        ("nonEmptyGarbage", .repetition(.wildcardWord(WildcardWord("*")))),
    ]

    static func isBuiltin(_ declaration: NamedPatternDeclaration) -> Bool {
        declaration.location == location
    }
}
