/// A lexical token of CEL source.
struct Token: Sendable {
  enum Kind: Sendable, Equatable {
    case eof
    case identifier
    /// A backtick-quoted field name, e.g. `` `content-type` ``.
    case quotedIdentifier
    case intLiteral
    case uintLiteral
    case doubleLiteral
    case stringLiteral
    case bytesLiteral
    case punctuation
  }

  let kind: Kind
  /// Byte offsets of the token in the source.
  let start: Int
  let end: Int
  /// Identifier or punctuation text (`"&&"`, `"("`, …), or the quoted identifier's name.
  let text: String
  /// The decoded value of a literal.
  let literal: CELValue?

  init(_ kind: Kind, start: Int, end: Int, text: String = "", literal: CELValue? = nil) {
    self.kind = kind
    self.start = start
    self.end = end
    self.text = text
    self.literal = literal
  }

  func isPunctuation(_ p: String) -> Bool { kind == .punctuation && text == p }
}
