/// Turns a parsed expression into a ``CompiledProgram``: resolves names to slots and
/// functions to builtins, folds constant lists and maps, and compiles literal regular
/// expressions once.
struct Compiler {
  private var builder = ProgramBuilder()
  /// Iteration variables in scope, innermost last.
  private var scopes: [(name: String, slot: Int32)] = []
  private var loopSlotCount: Int32 = 0

  static func compile(_ expr: CELExpr, source: String) -> CompiledProgram {
    var compiler = Compiler()
    // First pass: the free variables, numbered in order of first appearance.
    compiler.collectVariables(expr, bound: [])
    let root = compiler.compile(expr)
    return CompiledProgram(builder: compiler.builder, root: root, source: source, expression: expr)
  }

  private mutating func collectVariables(_ expr: CELExpr, bound: Set<String>) {
    switch expr.kind {
    case .identifier(let name):
      if !bound.contains(name) && CELValueType(celName: name) == nil && builder.variableIndex[name] == nil {
        builder.variables.append(HashedName(name))
        builder.variableIndex[name] = Int32(builder.variables.count - 1)
      }
    case .select:
      if let name = expr.qualifiedName, CELValueType(celName: name) != nil { return }
      for child in expr.children { collectVariables(child, bound: bound) }
    case .comprehension(let c):
      collectVariables(c.range, bound: bound)
      let inner = bound.union([c.variable])
      if let f = c.filter { collectVariables(f, bound: inner) }
      collectVariables(c.body, bound: inner)
    default:
      for child in expr.children { collectVariables(child, bound: bound) }
    }
  }

  /// Compiles `expr` and notes which node computes it.
  private mutating func compile(_ expr: CELExpr) -> Int32 {
    let node = compileNode(expr)
    if builder.expressionIDs[Int(node)] < 0 { builder.expressionIDs[Int(node)] = expr.id }
    return node
  }

  private mutating func compileNode(_ expr: CELExpr) -> Int32 {
    let at = expr.location
    switch expr.kind {
    case .literal(let value):
      return builder.constant(value, at: at)

    case .identifier(let name):
      if let scoped = scopes.last(where: { $0.name == name }) {
        return builder.emit(.iteration(scoped.slot), at: at)
      }
      if let type = CELValueType(celName: name) { return builder.constant(.type(type), at: at) }
      return builder.emit(.variable(builder.variableIndex[name] ?? 0), at: at)

    case .select(let operand, let field):
      if let name = expr.qualifiedName, let type = CELValueType(celName: name) {
        return builder.constant(.type(type), at: at)
      }
      let o = compile(operand)
      var qualified: Int32 = -1
      if let name = expr.qualifiedName, !isScoped(rootOf: expr) {
        builder.qualifiedNames.append(HashedName(name))
        qualified = Int32(builder.qualifiedNames.count - 1)
      }
      return builder.emit(.select(o, field: builder.field(field), qualified: qualified), at: at)

    case .presenceTest(let operand, let field):
      let o = compile(operand)
      return builder.emit(.presence(o, field: builder.field(field)), at: at)

    case .call(let function, let target, let args):
      return compileCall(function, target: target, args: args, at: at)

    case .list(let items):
      let nodes = items.map { compile($0) }
      let values = nodes.compactMap { builder.constantValue($0) }
      if values.count == nodes.count { return builder.constant(.list(values), at: at) }
      let first = Int32(builder.arguments.count)
      builder.arguments.append(contentsOf: nodes)
      return builder.emit(.list(first: first, count: Int32(nodes.count)), at: at)

    case .map(let entries):
      var nodes: [Int32] = []
      for entry in entries {
        nodes.append(compile(entry.key))
        nodes.append(compile(entry.value))
      }
      let values = nodes.compactMap { builder.constantValue($0) }
      if values.count == nodes.count {
        var map = CELMap.Builder(capacity: entries.count)
        var ok = true
        for i in stride(from: 0, to: values.count, by: 2) where map.insert(values[i], values[i + 1]) != .inserted {
          ok = false
        }
        if ok { return builder.constant(.map(map.build()), at: at) }
      }
      let first = Int32(builder.arguments.count)
      builder.arguments.append(contentsOf: nodes)
      return builder.emit(.map(first: first, count: Int32(entries.count)), at: at)

    case .message(let typeName, _):
      return builder.failure(CELError(.unsupported, "unknown type '\(typeName)': message construction is not supported"), at: at)

    case .comprehension(let c):
      let range = compile(c.range)
      let slot = loopSlotCount
      loopSlotCount += 1
      builder.loopRanges.append(range)
      scopes.append((c.variable, slot))
      let filter = c.filter.map { compile($0) } ?? -1
      let body = compile(c.body)
      scopes.removeLast()
      builder.loops.append(Loop(macro: c.macro, range: range, slot: slot, filter: filter, body: body))
      return builder.emit(.comprehension(Int32(builder.loops.count - 1)), at: at)
    }
  }

  /// A long constant list of strings, ints, uints and bools becomes a constant map with
  /// those keys, so that `x in [...]` is a hash lookup. Heterogeneous equality makes the
  /// two tests agree for every `x`.
  private mutating func asKeySet(_ node: Int32) -> Int32 {
    guard case .list(let items)? = builder.constantValue(node), items.count >= 8,
      items.allSatisfy(CELMap.isValidKey)
    else { return node }
    var set = CELMap.Builder(capacity: items.count)
    for item in items { set.set(item, .bool(true)) }
    // Of no expression (-1): a recorded evaluation shows the list's own value (see ``CELEvaluationState``).
    return builder.constant(.map(set.build()), at: builder.locations[Int(node)])
  }

  private func isScoped(rootOf expr: CELExpr) -> Bool {
    var e = expr
    while case .select(let operand, _) = e.kind { e = operand }
    if case .identifier(let name) = e.kind { return scopes.contains { $0.name == name } }
    return false
  }

  private static let relations: [String: Operators.Relation] = [
    "_==_": .equal, "_!=_": .notEqual, "_<_": .less, "_<=_": .lessOrEqual, "_>_": .greater,
    "_>=_": .greaterOrEqual,
  ]
  private static let arithmetic: [String: Operators.Arithmetic] = [
    "_+_": .add, "_-_": .subtract, "_*_": .multiply, "_/_": .divide, "_%_": .modulo,
  ]

  private mutating func compileCall(_ function: String, target: CELExpr?, args: [CELExpr], at: CELSourceLocation) -> Int32 {
    if target == nil {
      switch (function, args.count) {
      case ("_&&_", 2): return binary(args) { .and($0, $1) }
      case ("_||_", 2): return binary(args) { .or($0, $1) }
      case ("!_", 1): return builder.emit(.not(compile(args[0])), at: at)
      case ("-_", 1): return builder.emit(.negate(compile(args[0])), at: at)
      case ("_?_:_", 3):
        let c = compile(args[0])
        let t = compile(args[1])
        let f = compile(args[2])
        return builder.emit(.conditional(c, t, f), at: at)
      case ("_[_]", 2): return binary(args) { .index($0, $1) }
      case ("@in", 2):
        let element = compile(args[0])
        let container = asKeySet(compile(args[1]))
        return builder.emit(.membership(element, container), at: at)
      default: break
      }
      if args.count == 2, let r = Compiler.relations[function] { return binary(args) { .relation(r, $0, $1) } }
      if args.count == 2, let a = Compiler.arithmetic[function] { return binary(args) { .arithmetic(a, $0, $1) } }
    }

    let isMember = target != nil
    guard let builtin = Builtin.named(function) else {
      return builder.failure(CELError(.unknownFunction, "undeclared reference to function '\(function)'"), at: at)
    }
    guard builtin.accepts(member: isMember, argumentCount: args.count) else {
      let style = isMember ? "as a method" : "as a function"
      return builder.failure(
        CELError(.noMatchingOverload, "no matching overload for '\(function)' called \(style) with \(args.count) argument(s)"),
        at: at)
    }
    let all = (target.map { [$0] } ?? []) + args
    let nodes = all.map { compile($0) }

    if builtin == .matches, let pattern = builder.constantValue(nodes[1]), case .string(let p) = pattern {
      do {
        builder.regexes.append(try CELRegex(p))
      } catch {
        return builder.failure(CELError(.invalidArgument, "invalid regular expression: \(error)"), at: at)
      }
      return builder.emit(.matchesConstant(nodes[0], regex: Int32(builder.regexes.count - 1)), at: at)
    }
    let first = Int32(builder.arguments.count)
    builder.arguments.append(contentsOf: nodes)
    return builder.emit(.call(builtin, first: first, count: Int32(nodes.count)), at: at)

    func binary(_ args: [CELExpr], _ make: (Int32, Int32) -> Op) -> Int32 {
      let a = compile(args[0])
      let b = compile(args[1])
      return builder.emit(make(a, b), at: at)
    }
  }
}
