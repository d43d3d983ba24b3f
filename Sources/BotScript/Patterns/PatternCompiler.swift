/// Compiles JAICP pattern text (`q:`/`q!:` triggers) against a project's named patterns and dictionaries.
///
/// ```swift
/// let library = try PatternLibrary(patterns: [
///     NamedPatternDeclaration(name: "Number", source: #"$regexp<\d+>"#,
///                             converter: "$converters.number", location: location),
/// ])
/// let compiler = PatternCompiler(library: library)
/// let pattern = try compiler.compile("* купить $Number (билет*|~место) *", at: location)
/// ```
///
/// The language (JAICP's, with conform's reading of undocumented corners):
/// - words are compared normalized (lower case, `ё` = `е`); punctuation in a pattern is dropped
///   like in requests (`как дела?` = `как дела`), and text such as `т.е.` becomes several words;
/// - `*` any words (0+); `word*`, `*word`, `*wor*` one word by its letters;
/// - `[…]` optional; `(a | b c)` alternatives, also with `/` (`(a/b)`, `[мне/у вас]`): `/`
///   separates alternatives inside any bracket; outside brackets it is punctuation (a word break)
///   and only `|` separates alternatives;
/// - `{a b}` all members next to each other in any order; `{a b | c}` is `({a b} | {c})`;
/// - `~lemma` (see `LemmaRule`); `$Name`, `$Name::Alias`;
/// - `element:value` (also `element: value`, `(…):value`): the value is JSON when it reads as JSON
///   (`1`, `true`, `"x"`, `{"a": 1}`), otherwise the text;
/// - `$regexp<re>`, `$regexp_i<re>`, `$regex<re>`, `$entity<Dict>`, `$weight<1.05>`,
///   `$repeat<pattern>` (one or more), `$morph<…>` (unsupported offline: never matches);
/// - `@duckling.number`, `@Name`: system entities, matched only through a stub given to the library.
public struct PatternCompiler: Sendable {
    public let library: PatternLibrary

    public init(library: PatternLibrary = PatternLibrary()) {
        self.library = library
    }

    /// Compiles `source`, whose first character is at `location`.
    public func compile(_ source: String, at location: PatternSourceLocation) throws(PatternError) -> CompiledPattern {
        let parsed = try PatternParser.parse(source, context: library.parseContext(at: location))
        return library.makeCompiled(source: source, parsed: parsed)
    }

    /// Compiles `source` written in `file` on `line` (column 1).
    public func compile(_ source: String, file: String = "<pattern>", line: Int = 1) throws(PatternError) -> CompiledPattern {
        try compile(source, at: PatternSourceLocation(file: file, line: line, column: 1))
    }
}
