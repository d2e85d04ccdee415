/// A compiled regular expression in RE2 syntax, matched in time linear in the input:
/// it compiles to a Thompson NFA run by a Pike VM, never backtracking, so no pattern can
/// make matching hang.
///
/// Supported: literals, `.`, classes `[a-z]` `[^…]` `[[:alpha:]]`, `\d \w \s \D \W \S`,
/// `\pL` `\p{Lu}` `\PN` (general categories), anchors `^ $ \A \z \b \B`, groups `( )`,
/// `(?: )`, `(?P<name> )`, alternation `|`, repetition `* + ? {m} {m,} {m,n}` greedy or
/// lazy, flags `(?i)` `(?s)` `(?m)` `(?U)` and `(?i: )`, escapes `\n \t \x41 \x{1F600}`
/// and `\Q…\E`. Backreferences and lookaround are rejected with a ``CELRegexError``, as
/// RE2 rejects them.
public struct CELRegex: Sendable {
  /// The pattern as written.
  public let pattern: String
  let program: RegexProgram

  /// The longest repetition count `{n}` accepted, as in RE2.
  public static let maxRepeat = 1000

  /// Compiles a pattern.
  /// - Throws: ``CELRegexError`` for a malformed or unsupported pattern.
  public init(_ pattern: String) throws(CELRegexError) {
    self.pattern = pattern
    var parser = RegexParser(pattern)
    let node = try parser.parse()
    program = try RegexCompiler.compile(node)
  }

  /// Whether the pattern matches anywhere in `text` (use `^…$` to match all of it), as
  /// CEL's `matches` does.
  /// - Complexity: O(n × m) for a text of n code points and a pattern of m instructions.
  public func matches(_ text: String) -> Bool {
    PikeVM(program: program).search(Array(text.unicodeScalars))
  }
}
