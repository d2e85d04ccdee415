/// The value of a variable slot during one evaluation.
struct Slot {
  var value: CELValue
  /// For a free variable, the binding's index in the activation (-1 when unbound); for
  /// an iteration variable, the position of the current element.
  var index: Int
  /// For an iteration variable, whether the loop runs over a map's keys.
  var overMap: Bool
}

/// Evaluates a ``CompiledProgram`` against an activation, by recursion over its nodes.
struct Interpreter {
  let program: CompiledProgram
  let activation: ActivationView
  let slots: UnsafeMutableBufferPointer<Slot>

  @inline(__always)
  func located(_ result: CELResult, _ node: Int32) -> CELResult {
    if case .error(var e) = result, e.location == nil {
      e.location = program.locations[Int(node)]
      return .error(e)
    }
    return result
  }

  /// The outcome of a strict operation whose operands did not all have values: the union
  /// of any unknowns, else the first error.
  static func strictFailure(_ a: CELResult, _ b: CELResult) -> CELResult {
    switch (a, b) {
    case (.unknown(let x), .unknown(let y)): return .unknown(x.union(y))
    case (.unknown, _): return a
    case (_, .unknown): return b
    case (.error, _): return a
    default: return b
    }
  }

  /// A constant operand read in place, saving a call; anything else evaluated.
  @inline(__always)
  func constantOrEval(_ node: Int32) -> CELResult {
    if case .constant(let c) = program.ops[Int(node)] { return .value(program.constants[Int(c)]) }
    return eval(node)
  }

  func eval(_ node: Int32) -> CELResult {
    switch program.ops[Int(node)] {
    case .constant(let c):
      return .value(program.constants[Int(c)])

    case .variable(let s):
      if slots[Int(s)].index < 0 { return unbound(s, node: node) }
      return .value(slots[Int(s)].value)

    case .select(let operand, let field, let qualified):
      if qualified >= 0 && activation.hasDottedNames {
        let q = program.qualifiedNames[Int(qualified)]
        if let b = activation.index(of: q.name, hash: q.hash) { return .value(activation.value(at: b)) }
      }
      if case .variable(let s) = program.ops[Int(operand)], slots[Int(s)].index >= 0 {
        // Select straight from the slot, without copying the variable's value first.
        return select(slots[Int(s)].value, field: field, node: node)
      }
      let r = eval(operand)
      guard case .value(let v) = r else { return r }
      return select(v, field: field, node: node)

    case .presence(let operand, let field):
      return presence(operand, field: field, node: node)

    case .index, .arithmetic, .negate, .call, .matchesConstant, .list, .map, .failure:
      return evalOther(node)

    case .and(let a, let b):
      let x = eval(a)
      if case .value(.bool(false)) = x { return x }
      return Logic.and(x, eval(b), location: program.locations[Int(node)])

    case .or(let a, let b):
      let x = eval(a)
      if case .value(.bool(true)) = x { return x }
      return Logic.or(x, eval(b), location: program.locations[Int(node)])

    case .not(let a):
      let x = eval(a)
      switch x {
      case .value(.bool(let b)): return .value(.bool(!b))
      case .value(let v): return located(.error(.noOverload("!_", v)), node)
      default: return x
      }

    case .conditional(let c, let t, let f):
      let x = eval(c)
      switch x {
      case .value(.bool(let b)): return eval(b ? t : f)
      case .value(let v): return located(.error(.noOverload("_?_:_", v)), node)
      default: return x
      }

    case .relation(let op, let a, let b):
      let x = eval(a)
      let y = constantOrEval(b)
      guard case .value(let l) = x, case .value(let r) = y else { return Interpreter.strictFailure(x, y) }
      return located(Operators.relation(op, l, r), node)

    case .membership(let a, let b):
      let x = eval(a)
      let y = constantOrEval(b)
      guard case .value(let l) = x, case .value(let r) = y else { return Interpreter.strictFailure(x, y) }
      return located(Operators.membership(l, r), node)

    case .comprehension(let loop):
      return evalLoop(program.loops[Int(loop)], node: node)

    }
  }

  @inline(never)
  private func unbound(_ s: Int32, node: Int32) -> CELResult {
    let name = program.variables[Int(s)].name
    return .error(CELError(.unboundVariable, "undeclared reference to '\(name)'", location: program.locations[Int(node)]))
  }

  /// The less frequent node kinds, kept out of ``eval(_:)`` so that its frame stays small.
  @inline(never)
  private func evalOther(_ node: Int32) -> CELResult {
    switch program.ops[Int(node)] {
    case .index(let a, let b):
      let x = eval(a)
      let y = eval(b)
      guard case .value(let container) = x, case .value(let key) = y else { return Interpreter.strictFailure(x, y) }
      if activation.absentFieldsAreUnknown, case .map(let m) = container, case .string = key, m[key] == nil,
        let path = path(of: node)
      {
        return .unknown(CELUnknown(path: path))
      }
      return located(Operators.index(container, key), node)

    case .arithmetic(let op, let a, let b):
      let x = eval(a)
      let y = eval(b)
      guard case .value(let l) = x, case .value(let r) = y else { return Interpreter.strictFailure(x, y) }
      return located(Operators.arithmetic(op, l, r), node)

    case .negate(let a):
      let x = eval(a)
      guard case .value(let v) = x else { return x }
      return located(Operators.negate(v), node)

    case .call(let builtin, let first, let count):
      var args = Arguments()
      var failure: CELResult?
      for k in 0..<Int(count) {
        let r = eval(program.arguments[Int(first) + k])
        if case .value(let v) = r {
          args.append(v)
        } else {
          failure = failure.map { Interpreter.strictFailure($0, r) } ?? r
        }
      }
      if let failure { return failure }
      return located(builtin.call(args), node)

    case .matchesConstant(let subject, let regex):
      let x = eval(subject)
      guard case .value(let v) = x else { return x }
      guard case .string(let s) = v else { return located(.error(.noOverload("matches", v, .string(""))), node) }
      return .value(.bool(program.regexes[Int(regex)].matches(s)))

    case .list(let first, let count):
      var items: [CELValue] = []
      items.reserveCapacity(Int(count))
      var failure: CELResult?
      for k in 0..<Int(count) {
        let r = eval(program.arguments[Int(first) + k])
        if case .value(let v) = r {
          items.append(v)
        } else {
          failure = failure.map { Interpreter.strictFailure($0, r) } ?? r
        }
      }
      return failure ?? .value(.list(items))

    case .map(let first, let count):
      return buildMap(first: Int(first), count: Int(count), node: node)

    case .failure(let e):
      return .error(program.errors[Int(e)])
    default:
      // Unreachable: eval(_:) sends only the kinds above here.
      return .error(CELError(.unsupported, "internal error: unexpected node", location: program.locations[Int(node)]))
    }
  }

  /// Field selection on an evaluated operand.
  func select(_ v: CELValue, field: Int32, node: Int32) -> CELResult {
    let f = program.fields[Int(field)]
    guard case .map(let m) = v else {
      return located(.error(CELError(.noSuchKey, "type '\(v.typeName)' has no field '\(f.name)'")), node)
    }
    if let found = m.value(forString: f.name, hash: f.hash) { return .value(found) }
    if activation.absentFieldsAreUnknown, let path = path(of: node) {
      return .unknown(CELUnknown(path: path))
    }
    return located(.error(CELError(.noSuchKey, "no such key: '\(f.name)'")), node)
  }

  private func buildMap(first: Int, count: Int, node: Int32) -> CELResult {
    var builder = CELMap.Builder(capacity: count)
    var failure: CELResult?
    for k in 0..<count {
      let kr = eval(program.arguments[first + 2 * k])
      let vr = eval(program.arguments[first + 2 * k + 1])
      guard case .value(let key) = kr, case .value(let value) = vr else {
        let f = Interpreter.strictFailure(kr, vr)
        failure = failure.map { Interpreter.strictFailure($0, f) } ?? f
        continue
      }
      if failure != nil { continue }
      switch builder.insert(key, value) {
      case .inserted: break
      case .duplicate:
        failure = located(.error(CELError(.invalidArgument, "repeated key in map literal: \(key)")), node)
      case .invalidKey:
        failure = located(.error(CELError(.invalidArgument, "unsupported map key type: \(key.typeName)")), node)
      }
    }
    return failure ?? .value(.map(builder.build()))
  }
}

/// A borrowed view of a ``CELActivation`` for one evaluation.
struct ActivationView {
  let bindings: UnsafeBufferPointer<CELActivation.Binding>
  let absentFieldsAreUnknown: Bool
  let hasDottedNames: Bool

  func index(of name: String, hash: UInt64) -> Int? {
    for i in bindings.indices where bindings[i].hash == hash && bindings[i].name.celEquals(name) { return i }
    return nil
  }

  func value(at index: Int) -> CELValue { bindings[index].value }

  func pathPrefix(at index: Int) -> String { bindings[index].pathPrefix ?? bindings[index].name }
}
