import CEL

/// Writes a parsed CEL expression back as CEL source, so that a part of a rule's
/// condition can be shown on its own and evaluated as its own program. Operands that are
/// themselves operators are put in parentheses, so the text parses back to the same tree.
enum CELSource {
  static func text(_ expr: CELExpr) -> String {
    switch expr.kind {
    case .literal(let value):
      return literal(value)
    case .identifier(let name):
      return name
    case .select(let operand, let field):
      return operand_(operand) + "." + field
    case .presenceTest(let operand, let field):
      return "has(\(operand_(operand)).\(field))"
    case .call(let function, let target, let arguments):
      return call(function, target, arguments)
    case .list(let items):
      return "[" + items.map(text).joined(separator: ", ") + "]"
    case .map(let entries):
      return "{" + entries.map { "\(text($0.key)): \(text($0.value))" }.joined(separator: ", ") + "}"
    case .message(let typeName, let fields):
      return typeName + "{" + fields.map { "\($0.field): \(text($0.value))" }.joined(separator: ", ") + "}"
    case .comprehension(let comprehension):
      let arguments = [comprehension.variable] + (comprehension.filter.map { [text($0)] } ?? []) + [text(comprehension.body)]
      return operand_(comprehension.range) + "." + comprehension.macro.rawValue + "(" + arguments.joined(separator: ", ") + ")"
    }
  }

  /// The binary operators, as written between their operands.
  static let infix: [String: String] = [
    "_&&_": "&&", "_||_": "||", "_==_": "==", "_!=_": "!=", "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=",
    "_+_": "+", "_-_": "-", "_*_": "*", "_/_": "/", "_%_": "%", "@in": "in",
  ]

  /// Whether an expression is an operator (and so needs parentheses as an operand).
  static func isOperator(_ expr: CELExpr) -> Bool {
    guard case .call(let function, nil, _) = expr.kind else { return false }
    return infix[function] != nil || function == "!_" || function == "-_" || function == "_?_:_"
  }

  private static func operand_(_ expr: CELExpr) -> String {
    isOperator(expr) ? "(\(text(expr)))" : text(expr)
  }

  private static func call(_ function: String, _ target: CELExpr?, _ arguments: [CELExpr]) -> String {
    if target == nil {
      if let symbol = infix[function], arguments.count == 2 {
        return "\(operand_(arguments[0])) \(symbol) \(operand_(arguments[1]))"
      }
      switch (function, arguments.count) {
      case ("!_", 1): return "!" + operand_(arguments[0])
      case ("-_", 1): return "-" + operand_(arguments[0])
      case ("_?_:_", 3): return "\(operand_(arguments[0])) ? \(operand_(arguments[1])) : \(operand_(arguments[2]))"
      case ("_[_]", 2): return "\(operand_(arguments[0]))[\(text(arguments[1]))]"
      default: break
      }
    }
    let prefix = target.map { operand_($0) + "." } ?? ""
    return prefix + function + "(" + arguments.map(text).joined(separator: ", ") + ")"
  }

  private static func literal(_ value: CELValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .uint(let number): return "\(number)u"
    case .double(let number):
      let text = String(number)
      return text.contains(".") || text.contains("e") || text.contains("n") ? text : text + ".0"
    case .string(let text): return CELValue.string(text).jsonText
    case .bytes(let bytes): return "b\"" + bytes.map { "\\x" + String($0, radix: 16).leftPadded(2) }.joined() + "\""
    default: return value.description
    }
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
