/// One instruction of a compiled regular expression.
enum RegexInstruction: Sendable {
  /// Consume exactly this code point.
  case scalar(Unicode.Scalar)
  /// Consume a code point of ``RegexProgram/classes``[index].
  case characterClass(Int32)
  /// Consume any code point.
  case any
  /// Consume any code point but `\n`.
  case anyExceptNewline
  /// Continue at both targets.
  case split(Int32, Int32)
  case jump(Int32)
  case assertion(RegexAssertion)
  case match
}

/// A Thompson NFA: instructions, starting at 0.
struct RegexProgram: Sendable {
  let instructions: [RegexInstruction]
  let classes: [CharacterClass]
  /// Whether every match must start at the beginning of the text.
  let anchoredAtStart: Bool
}
