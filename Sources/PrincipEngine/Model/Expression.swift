import CEL

/// A compiled CEL expression from a rule file, with where it was written.
public struct Expression: Sendable {
  /// The expression as written.
  public var source: String
  /// Where the expression's text starts in the rule file.
  public var location: SourceLocation
  public var program: CELProgram
  /// Maps positions inside the expression back to the file (for lint findings).
  var positions: ScalarPositions?

  /// The file position of a place inside the expression.
  package func fileLocation(_ place: CELSourceLocation) -> SourceLocation {
    positions?.fileLocation(line: place.line, column: place.column, in: source, file: location.file) ?? location
  }
}

/// A message with `{{ expression }}` placeholders that name facts of the proposal.
public struct MessageTemplate: Sendable {
  /// A piece of the message: literal text or an expression to fill in.
  public enum Segment: Sendable {
    case text(String)
    case fact(Expression)
  }

  public var da: [Segment]
  public var en: [Segment]

  public subscript(language: Language) -> [Segment] {
    language == .da ? da : en
  }
}
