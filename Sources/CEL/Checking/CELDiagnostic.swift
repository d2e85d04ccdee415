/// A problem the ``CELTypeChecker`` found in an expression.
public struct CELDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, with the names and types involved.
  public let problem: CELTypeProblem
  /// Where in the expression.
  public let location: CELSourceLocation

  /// A diagnostic from its parts.
  public init(_ problem: CELTypeProblem, location: CELSourceLocation) {
    self.problem = problem
    self.location = location
  }

  /// What is wrong in English, e.g. `'proposal.citizen' has no field 'agee'`.
  public var message: String { problem.message }
  /// A fix to propose in English, e.g. `did you mean 'age'?`, if one is likely.
  public var suggestion: String? { problem.suggestion }

  /// `line:column: message (suggestion)`.
  public var description: String {
    "\(location): \(message)" + (suggestion.map { " (\($0))" } ?? "")
  }
}
