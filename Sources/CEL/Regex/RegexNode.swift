/// The syntax tree of a regular expression.
indirect enum RegexNode: Sendable {
  case empty
  /// One code point; `foldCase` for `(?i)`.
  case literal(Unicode.Scalar, foldCase: Bool)
  /// `.`; `dotAll` when it also matches a newline.
  case any(dotAll: Bool)
  case characterClass(CharacterClass)
  case concatenation([RegexNode])
  case alternation([RegexNode])
  /// `max` nil for unbounded.
  case repetition(RegexNode, min: Int, max: Int?)
  case assertion(RegexAssertion)
}

/// Zero-width conditions on the position.
enum RegexAssertion: Sendable {
  case beginText, endText, beginLine, endLine, wordBoundary, notWordBoundary
}
