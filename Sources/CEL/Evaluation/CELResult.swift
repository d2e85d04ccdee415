/// The outcome of evaluating an expression: a value, an error, or an unknown.
public enum CELResult: Sendable, CustomStringConvertible {
  /// The expression has a value.
  case value(CELValue)
  /// Evaluation failed.
  indirect case error(CELError)
  /// The value depends on attributes whose values are missing.
  indirect case unknown(CELUnknown)

  /// The value, if there is one.
  public var value: CELValue? {
    if case .value(let v) = self { return v }
    return nil
  }

  /// The boolean value, if the result is a `bool`.
  public var boolValue: Bool? {
    if case .value(.bool(let b)) = self { return b }
    return nil
  }

  /// The value, or the error thrown.
  /// - Throws: ``CELError``; an unknown becomes an error naming its paths.
  public func get() throws(CELError) -> CELValue {
    switch self {
    case .value(let v): return v
    case .error(let e): throw e
    case .unknown(let u): throw CELError(.invalidArgument, "value depends on missing attributes: \(u.paths.joined(separator: ", "))")
    }
  }

  public var description: String {
    switch self {
    case .value(let v): v.description
    case .error(let e): "error: \(e)"
    case .unknown(let u): u.description
    }
  }
}
