/// The tree walk behind ``CELTypeChecker``.
struct TypeInference {
  let declarations: [String: CELType]
  var diagnostics: [CELDiagnostic] = []
  /// Iteration variables in scope, innermost last.
  private var scopes: [(name: String, type: CELType)] = []

  init(declarations: [String: CELType]) {
    self.declarations = declarations
  }

  private mutating func report(_ problem: CELTypeProblem, at e: CELExpr) {
    diagnostics.append(CELDiagnostic(problem, location: e.location))
  }

  mutating func infer(_ e: CELExpr) -> CELType {
    switch e.kind {
    case .literal(let v):
      return CELType(of: v)
    case .identifier(let name):
      if let scoped = scopes.last(where: { $0.name == name }) { return scoped.type }
      if let t = declarations[name] { return t }
      if CELValueType(celName: name) != nil { return .type }
      // The literals too: `ture` is a misspelt `true`, not a missing variable.
      let near = CELSuggestion.closest(to: name, in: Array(declarations.keys) + scopes.map(\.name) + ["true", "false", "null"])
      report(.undeclaredVariable(name: name, suggestion: near), at: e)
      return .dyn
    case .select(let operand, let field):
      if let name = e.qualifiedName, scopes.allSatisfy({ !name.hasPrefix($0.name + ".") }) {
        if let t = declarations[name] { return t }
        if CELValueType(celName: name) != nil { return .type }
      }
      return fieldType(infer(operand), field, operand: operand, at: e)
    case .presenceTest(let operand, let field):
      _ = fieldType(infer(operand), field, operand: operand, at: e)
      return .bool
    case .list(let items):
      return .list(CELType.join(items.map { infer($0) }))
    case .map(let entries):
      let keys = entries.map { infer($0.key) }
      let values = entries.map { infer($0.value) }
      return .map(CELType.join(keys), CELType.join(values))
    case .message:
      return .dyn
    case .comprehension(let c):
      return comprehension(c)
    case .call(let function, let target, let args):
      return call(function, target: target, args: args, at: e)
    }
  }

  private mutating func fieldType(_ t: CELType, _ field: String, operand: CELExpr, at e: CELExpr) -> CELType {
    switch t {
    case .dyn: return .dyn
    case .object(let fields):
      if let f = fields[field] { return f }
      let near = CELSuggestion.closest(to: field, in: fields.keys)
      report(.unknownField(field: field, owner: operand.qualifiedName, suggestion: near), at: e)
      return .dyn
    case .map(let k, let v):
      if !k.isCompatible(with: .string) { report(.noFields(field: field, type: t), at: e) }
      return v
    default:
      report(.noFields(field: field, type: t), at: e)
      return .dyn
    }
  }

  private mutating func comprehension(_ c: CELComprehension) -> CELType {
    let range = infer(c.range)
    let element: CELType
    switch range {
    case .list(let e): element = e
    case .map(let k, _): element = k
    case .object: element = .string
    case .dyn: element = .dyn
    default:
      report(.notIterable(macro: c.macro.rawValue, type: range), at: c.range)
      element = .dyn
    }
    scopes.append((c.variable, element))
    defer { scopes.removeLast() }
    if let f = c.filter { expectBool(infer(f), f, .filter) }
    let body = infer(c.body)
    switch c.macro {
    case .all, .exists, .existsOne:
      expectBool(body, c.body, .predicate(c.macro.rawValue))
      return .bool
    case .filter:
      expectBool(body, c.body, .predicate(c.macro.rawValue))
      return range.isListLike ? range : .list(element)
    case .map:
      return .list(body)
    }
  }

  private mutating func expectBool(_ t: CELType, _ e: CELExpr, _ position: CELTypeProblem.BoolPosition) {
    if t != .bool && t != .dyn { report(.notBool(position: position, type: t), at: e) }
  }

  private mutating func call(_ function: String, target: CELExpr?, args: [CELExpr], at e: CELExpr) -> CELType {
    if target == nil {
      switch (function, args.count) {
      case ("_&&_", 2), ("_||_", 2):
        for a in args { expectBool(infer(a), a, .operand(CELError.displayName(function))) }
        return .bool
      case ("!_", 1):
        expectBool(infer(args[0]), args[0], .negation)
        return .bool
      case ("_?_:_", 3):
        expectBool(infer(args[0]), args[0], .condition)
        return CELType.join([infer(args[1]), infer(args[2])])
      case ("_==_", 2), ("_!=_", 2), ("_<_", 2), ("_<=_", 2), ("_>_", 2), ("_>=_", 2):
        compare(function, args[0], args[1], at: e)
        return .bool
      case ("@in", 2):
        membership(args[0], args[1], at: e)
        return .bool
      case ("_[_]", 2):
        return index(args[0], args[1], at: e)
      case ("-_", 1):
        let t = infer(args[0])
        if t != .dyn && t != .int && t != .double { report(.notNegatable(type: t), at: e) }
        return t
      case ("_+_", 2), ("_-_", 2), ("_*_", 2), ("_/_", 2), ("_%_", 2):
        return arithmetic(function, infer(args[0]), infer(args[1]), at: e)
      default: break
      }
    }
    let receiver = target.map { infer($0) }
    let argTypes = args.map { infer($0) }
    guard let overloads = FunctionSignatures.table[function] else {
      let near = CELSuggestion.closest(to: function, in: FunctionSignatures.table.keys)
      report(.unknownFunction(name: function, suggestion: near), at: e)
      return .dyn
    }
    let fitting = overloads.filter { o in
      guard (o.receiver == nil) == (receiver == nil), o.parameters.count == argTypes.count else { return false }
      if let r = o.receiver, let actual = receiver, !FunctionSignatures.accepts(r, actual) { return false }
      return zip(o.parameters, argTypes).allSatisfy { FunctionSignatures.accepts($0, $1) }
    }
    guard let first = fitting.first else {
      let shown = (receiver.map { "\($0)." } ?? "") + "\(function)(" + argTypes.map(\.description).joined(separator: ", ") + ")"
      let expected = overloads.map { o in
        (o.receiver.map { "\($0)." } ?? "") + "\(function)(" + o.parameters.map(\.description).joined(separator: ", ") + ")"
      }
      report(.noOverload(function: function, call: shown, expected: expected), at: e)
      return .dyn
    }
    let results = Set(fitting.map(\.result))
    return results.count == 1 ? first.result : .dyn
  }

  private mutating func compare(_ function: String, _ a: CELExpr, _ b: CELExpr, at e: CELExpr) {
    let ta = infer(a)
    let tb = infer(b)
    checkEnumeration(ta, literal: b, subject: a)
    checkEnumeration(tb, literal: a, subject: b)
    let op = CELError.displayName(function)
    if !ta.isCompatible(with: tb) {
      report(.incomparable(operator: op, left: ta, right: tb, fix: literalFix(for: b, toMatch: ta) ?? literalFix(for: a, toMatch: tb)), at: e)
      return
    }
    if function != "_==_" && function != "_!=_" {
      let orderable: (CELType) -> Bool = { t in
        switch t {
        case .list, .map, .object, .null, .type: false
        default: true
        }
      }
      if !orderable(ta) || !orderable(tb) { report(.unorderable(operator: op, left: ta, right: tb), at: e) }
    }
  }

  private mutating func membership(_ element: CELExpr, _ container: CELExpr, at e: CELExpr) {
    let te = infer(element)
    let tc = infer(container)
    let itemType: CELType
    switch tc {
    case .list(let t): itemType = t
    case .map(let k, _): itemType = k
    case .object: itemType = .string
    case .dyn: return
    default:
      report(.notAContainer(type: tc), at: e)
      return
    }
    if case .enumeration = te, case .list(let items) = container.kind {
      for item in items { checkEnumeration(te, literal: item, subject: element) }
    }
    if case .enumeration = itemType { checkEnumeration(itemType, literal: element, subject: container) }
    if !te.isCompatible(with: itemType) {
      report(.neverFound(element: te, item: itemType, fix: literalFix(for: element, toMatch: itemType)), at: e)
    }
  }

  private mutating func index(_ a: CELExpr, _ b: CELExpr, at e: CELExpr) -> CELType {
    let ta = infer(a)
    let tb = infer(b)
    switch ta {
    case .dyn: return .dyn
    case .list(let elem):
      if !tb.isCompatible(with: .int) { report(.badListIndex(type: tb), at: e) }
      return elem
    case .map(let k, let v):
      if !tb.isCompatible(with: k) { report(.badMapKey(key: tb, mapKeys: k), at: e) }
      return v
    case .object(let fields):
      if case .literal(.string(let name)) = b.kind {
        return fieldType(ta, name, operand: a, at: e)
      }
      return CELType.join(Array(fields.values))
    default:
      report(.notIndexable(type: ta), at: e)
      return .dyn
    }
  }

  private mutating func arithmetic(_ function: String, _ a: CELType, _ b: CELType, at e: CELExpr) -> CELType {
    if a == .dyn || b == .dyn { return .dyn }
    let op = CELError.displayName(function)
    switch (function, a, b) {
    case (_, .int, .int), (_, .uint, .uint): return a
    case ("_%_", .double, .double): break
    case (_, .double, .double): return a
    case ("_+_", _, _) where a.isStringLike && b.isStringLike: return .string
    case ("_+_", .bytes, .bytes): return .bytes
    case ("_+_", .list(let x), .list(let y)): return .list(x == y ? x : .dyn)
    case ("_+_", .timestamp, .duration), ("_+_", .duration, .timestamp): return .timestamp
    case ("_+_", .duration, .duration), ("_-_", .duration, .duration), ("_-_", .timestamp, .timestamp): return .duration
    case ("_-_", .timestamp, .duration): return .timestamp
    default: break
    }
    report(.undefinedArithmetic(operator: op, left: a, right: b), at: e)
    return .dyn
  }

  /// Reports a string literal compared with an enumeration that is not one of its values.
  private mutating func checkEnumeration(_ type: CELType, literal: CELExpr, subject: CELExpr) {
    guard case .enumeration(let values) = type, case .literal(.string(let s)) = literal.kind, !values.contains(s)
    else { return }
    let near = CELSuggestion.closest(to: s, in: values)
    report(.notAllowedValue(value: s, subject: subject.qualifiedName, allowed: values, suggestion: near), at: literal)
  }

  /// For a literal of the wrong type, the literal rewritten to the expected type.
  private func literalFix(for e: CELExpr, toMatch t: CELType) -> CELTypeProblem.LiteralFix? {
    guard case .literal(let v) = e.kind else { return nil }
    switch (v, t) {
    case (.string(let s), .int) where Int64(s) != nil: return .unquoted(s, .int)
    case (.string(let s), .double) where Double(s) != nil: return .unquoted(s, .double)
    case (.string(let s), .bool) where s == "true" || s == "false": return .unquoted(s, .bool)
    case (.string(let s), .timestamp):
      let isDate = s.utf8.count == 10 && CELTimestamp(rfc3339: s + "T00:00:00Z") != nil
      return .call((isDate ? "date" : "timestamp") + "(\(CELValue.quote(s)))")
    case (.int(let i), .string), (.int(let i), .enumeration): return .quoted("\(i)")
    case (.bool(let b), .string), (.bool(let b), .enumeration): return .quoted("\(b)")
    default: return nil
    }
  }
}

extension CELType {
  var isListLike: Bool {
    if case .list = self { return true }
    return false
  }
}
