/// The macros: `has(e.f)` and the comprehensions `all`, `exists`, `exists_one`, `map`,
/// `filter`, expanded when parsed.
extension Parser {
  mutating func globalCall(_ name: String, args: [CELExpr], at: Int) throws(CELParseError) -> CELExpr {
    guard name == "has" && args.count == 1 else { return try call(name, args, at: at) }
    guard case .select(let operand, let field) = args[0].kind else {
      throw failure("has() needs a field selection, such as has(x.f)", at: args[0].location.offset)
    }
    return try node(.presenceTest(operand, field: field), at: at)
  }

  mutating func memberCall(_ name: String, target: CELExpr, args: [CELExpr], at: Int) throws(CELParseError) -> CELExpr {
    let macro: CELComprehension.Macro?
    switch (name, args.count) {
    case ("all", 2): macro = .all
    case ("exists", 2): macro = .exists
    case ("exists_one", 2), ("existsOne", 2): macro = .existsOne
    case ("filter", 2): macro = .filter
    case ("map", 2), ("map", 3): macro = .map
    default: macro = nil
    }
    guard let macro else { return try node(.call(function: name, target: target, arguments: args), at: at) }
    guard case .identifier(let variable) = args[0].kind else {
      throw failure("\(name)() needs a simple variable name as its first argument", at: args[0].location.offset)
    }
    let comprehension = CELComprehension(
      macro: macro, range: target, variable: variable,
      filter: args.count == 3 ? args[1] : nil, body: args[args.count - 1])
    return try node(.comprehension(comprehension), at: at)
  }
}
