/// A CEL evaluation error: a value of no type that strict operators propagate.
public struct CELError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kinds of evaluation error.
  public enum Kind: String, Sendable, Hashable {
    /// No overload of the function accepts the argument types.
    case noMatchingOverload = "no_matching_overload"
    /// A map lacks the key, or a value has no such field.
    case noSuchKey = "no_such_key"
    /// A variable is not bound.
    case unboundVariable = "undeclared_reference"
    /// A function that does not exist.
    case unknownFunction = "unknown_function"
    /// Integer division by zero.
    case divisionByZero = "division_by_zero"
    /// Integer modulo by zero.
    case moduloByZero = "modulus_by_zero"
    /// An integer, timestamp or duration result out of its range.
    case overflow = "overflow"
    /// A list index or conversion argument out of range.
    case outOfRange = "out_of_range"
    /// An argument of the right type but an unusable value (a bad timestamp string, a
    /// bad regular expression, a repeated map key, …).
    case invalidArgument = "invalid_argument"
    /// A feature this implementation does not offer (protobuf messages).
    case unsupported = "unsupported"
    /// The evaluation took more steps than its budget (``CELActivation/stepBudget``).
    /// Unlike other errors it is not absorbed by `||`, `&&`, `all` or `exists`: it ends
    /// the whole evaluation.
    case budgetExceeded = "budget_exceeded"
  }

  /// The kind of error.
  public let kind: Kind
  /// A human-readable explanation, e.g. `no such key: 'goals'`.
  public let message: String
  /// Where in the expression the error arose, when known.
  public var location: CELSourceLocation?

  /// An error of a kind, with a message.
  public init(_ kind: Kind, _ message: String, location: CELSourceLocation? = nil) {
    self.kind = kind
    self.message = message
    self.location = location
  }

  /// `line:column: message`, or the message alone when the place is unknown.
  public var description: String {
    if let location { return "\(location): \(message)" }
    return message
  }

  /// `evaluation budget of N steps exceeded`, at the node where the budget ran out.
  public static func budgetExceeded(_ budget: Int, location: CELSourceLocation?) -> CELError {
    CELError(.budgetExceeded, "evaluation budget of \(budget) steps exceeded", location: location)
  }

  static func noOverload(_ function: String, _ args: CELValue...) -> CELError {
    let types = args.map(\.typeName).joined(separator: ", ")
    return CELError(.noMatchingOverload, "no matching overload for '\(displayName(function))' applied to (\(types))")
  }

  /// `_+_` as `+`, `@in` as `in`, plain names unchanged.
  static func displayName(_ function: String) -> String {
    switch function {
    case "@in": return "in"
    case "_?_:_": return "?:"
    case "_[_]": return "[]"
    case "!_": return "!"
    case "-_": return "-"
    default:
      if function.hasPrefix("_") && function.hasSuffix("_") && function.count > 2 {
        return String(function.dropFirst().dropLast())
      }
      return function
    }
  }
}
