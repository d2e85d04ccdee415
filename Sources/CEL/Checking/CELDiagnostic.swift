/// A problem the ``CELTypeChecker`` found in an expression.
public struct CELDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, e.g. `no field 'agee' in object{age, name}`.
  public let message: String
  /// A fix to propose, e.g. `did you mean 'age'?`, if one is likely.
  public let suggestion: String?
  /// Where in the expression.
  public let location: CELSourceLocation

  /// A diagnostic from its parts.
  public init(message: String, suggestion: String? = nil, location: CELSourceLocation) {
    self.message = message
    self.suggestion = suggestion
    self.location = location
  }

  /// `line:column: message (suggestion)`.
  public var description: String {
    "\(location): \(message)" + (suggestion.map { " (\($0))" } ?? "")
  }
}
