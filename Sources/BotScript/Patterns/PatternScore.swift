/// How good a pattern match is: the one place that decides match quality.
///
/// JAICP's rule for choosing among triggers is not documented; public bots' passing tests show that
/// the trigger whose pattern covers more of the request with non-wildcard elements wins, times its
/// `$weight`, and that `*` alone loses to everything (see the runtime reference, "Which trigger
/// wins"). conform scores a match as the **sum over the words it consumed** of these amounts, each
/// sequence's sum multiplied by the `$weight`s standing in it:
///
/// | element | per word |
/// |---|---|
/// | exact word `привет` | `word` = 1.0 |
/// | `~lemma` | `lemma` = 0.9 |
/// | `$regexp<…>`, `$regexp_i<…>` (one word, or each word of a run it spans) | `tokenRegex` = 0.9 |
/// | `$entity<Dict>` synonym | `entityWord` = 0.9 |
/// | `$regex<…>` | `textRegexWord` = 0.8 (at least `textRegexMinimum` = 0.8) |
/// | `word*`, `*word`, `*wor*` | `wildcardWord` = 0.7 |
/// | `*`, `$oneWord`, `$nonEmptyGarbage` | `anyWord` = 0 |
///
/// A named pattern scores what its own elements score. So on "hello world", `hello world` (2.0)
/// beats `hello *` (1.0), which beats `*` (0, still a match); the runtime breaks ties by closeness
/// to the dialog context. Among the several ways one pattern can cover a request, the matcher
/// returns the best-scoring one.
public enum PatternScore {
    public static let word = 1.0
    public static let lemma = 0.9
    public static let tokenRegex = 0.9
    public static let entityWord = 0.9
    public static let textRegexWord = 0.8
    public static let textRegexMinimum = 0.8
    public static let wildcardWord = 0.7
    public static let anyWord = 0.0
}
