/// What the ``CELTypeChecker`` found wrong, with the names and types involved, so that a
/// caller can word it in its own language; ``message`` and ``suggestion`` word it in English.
public enum CELTypeProblem: Sendable, Hashable {
  /// A variable that no declaration or macro binds.
  case undeclaredVariable(name: String, suggestion: String?)
  /// A field that a closed record lacks; `owner` is the record's expression (`a.b`) when it has a name.
  case unknownField(field: String, owner: String?, suggestion: String?)
  /// A field selected on a value that has none (a number, a list, a map without string keys …).
  case noFields(field: String, type: CELType)
  /// A macro (`all`, `exists`, `map` …) over a value that is neither a list nor a map.
  case notIterable(macro: String, type: CELType)
  /// A value that must be a bool and is not.
  case notBool(position: BoolPosition, type: CELType)
  /// A call of a function that does not exist.
  case unknownFunction(name: String, suggestion: String?)
  /// A call that no overload of the function accepts: `call` as written with its argument
  /// types, `expected` each overload the same way.
  case noOverload(function: String, call: String, expected: [String])
  /// `==`, `!=`, `<` … between types whose values never meet.
  case incomparable(operator: String, left: CELType, right: CELType, fix: LiteralFix?)
  /// `<`, `<=` … between values without an order (lists, maps, null, types).
  case unorderable(operator: String, left: CELType, right: CELType)
  /// `in` with a right side that is neither a list nor a map.
  case notAContainer(type: CELType)
  /// `in` looking for a value of one type among items of another.
  case neverFound(element: CELType, item: CELType, fix: LiteralFix?)
  /// A list indexed by something other than an int.
  case badListIndex(type: CELType)
  /// A map indexed by a key of a type its keys do not have.
  case badMapKey(key: CELType, mapKeys: CELType)
  /// `x[i]` on a value that cannot be indexed.
  case notIndexable(type: CELType)
  /// `-x` on a value that is not a number.
  case notNegatable(type: CELType)
  /// `+`, `-`, `*`, `/`, `%` on operand types it is not defined for.
  case undefinedArithmetic(operator: String, left: CELType, right: CELType)
  /// A string literal outside an enumeration; `subject` is what it is compared with (`a.kind`).
  case notAllowedValue(value: String, subject: String?, allowed: [String], suggestion: String?)
  /// The whole expression has another type than the caller expects.
  case wrongResultType(expected: CELType, found: CELType)

  /// Where a bool is needed.
  public enum BoolPosition: Sendable, Hashable {
    /// An operand of `&&` or `||` (the operator as written).
    case operand(String)
    /// The operand of `!`.
    case negation
    /// The condition of `?:`.
    case condition
    /// The filter of `map(x, filter, value)`.
    case filter
    /// The predicate of a macro (`all`, `exists`, `exists_one`, `filter`).
    case predicate(String)
  }

  /// A literal of the wrong type, written as the type that was expected.
  public enum LiteralFix: Sendable, Hashable {
    /// The text of a string literal without its quotes: a number or a bool.
    case unquoted(String, CELType)
    /// A number or bool as a string literal.
    case quoted(String)
    /// A call that makes the expected value, such as `date('2024-01-01')`.
    case call(String)

    /// `did you mean 18 (an int, without quotes)?`
    public var message: String {
      switch self {
      case .unquoted(let text, let type):
        let article = switch type {
        case .int: "an int"
        case .bool: "a bool"
        default: "a number"
        }
        return "did you mean \(text) (\(article), without quotes)?"
      case .quoted(let text): return "did you mean \(CELValue.quote(text)) (a string)?"
      case .call(let text): return "did you mean \(text)?"
      }
    }
  }

  /// The problem in English, e.g. `'proposal.citizen' has no field 'agee'`.
  public var message: String {
    switch self {
    case .undeclaredVariable(let name, _):
      return "undeclared variable '\(name)'"
    case .unknownField(let field, let owner, _):
      return "\(owner.map { "'\($0)'" } ?? "the object") has no field '\(field)'"
    case .noFields(let field, let type):
      if case .map(let keys, _) = type { return "map with \(keys) keys has no field '\(field)'" }
      return "type \(type) has no fields, so '.\(field)' fails"
    case .notIterable(let macro, let type):
      return "\(macro)() needs a list or map, not \(type)"
    case .notBool(let position, let type):
      let what = switch position {
      case .operand(let op): "an operand of '\(op)'"
      case .negation: "the operand of '!'"
      case .condition: "the condition of '?:'"
      case .filter: "the filter of map()"
      case .predicate(let macro): "the predicate of \(macro)()"
      }
      return "\(what) must be a bool, not \(type)"
    case .unknownFunction(let name, _):
      return "unknown function '\(name)'"
    case .noOverload(let function, let call, _):
      return "no overload of '\(function)' accepts \(call)"
    case .incomparable(let op, let left, let right, _):
      return "'\(op)' compares \(left) with \(right); the result is always \(op == "!=" ? "true" : op == "==" ? "false" : "an error")"
    case .unorderable(let op, let left, let right):
      return "'\(op)' cannot order \(left) and \(right)"
    case .notAContainer(let type):
      return "'in' needs a list or map on its right, not \(type)"
    case .neverFound(let element, let item, _):
      return "'in' looks for \(element) among \(item) items; it is never found"
    case .badListIndex(let type):
      return "a list index must be an int, not \(type)"
    case .badMapKey(let key, let mapKeys):
      return "a key of \(key) in a map with \(mapKeys) keys is never found"
    case .notIndexable(let type):
      return "cannot index \(type)"
    case .notNegatable(let type):
      return "cannot negate \(type)"
    case .undefinedArithmetic(let op, let left, let right):
      return "'\(op)' is not defined for \(left) and \(right)"
    case .notAllowedValue(let value, let subject, _, _):
      return "\(CELValue.quote(value)) is not one of the values\(subject.map { " of \($0)" } ?? "")"
    case .wrongResultType(let expected, let found):
      return "the expression must give \(expected), not \(found)"
    }
  }

  /// A fix to propose in English, e.g. `did you mean 'age'?`, if one is likely.
  public var suggestion: String? {
    switch self {
    case .undeclaredVariable(_, let near?), .unknownField(_, _, let near?), .unknownFunction(_, let near?):
      return "did you mean '\(near)'?"
    case .noOverload(_, _, let expected):
      return "expected one of: \(expected.joined(separator: ", "))"
    case .incomparable(_, _, _, let fix?), .neverFound(_, _, let fix?):
      return fix.message
    case .undefinedArithmetic(_, let left, let right) where left.isNumeric && right.isNumeric:
      return "convert one side, e.g. double(x) or int(x)"
    case .notAllowedValue(_, _, let allowed, let near):
      return near.map { "did you mean \(CELValue.quote($0))?" } ?? "expected one of \(allowed.map { CELValue.quote($0) }.joined(separator: ", "))"
    default:
      return nil
    }
  }
}
