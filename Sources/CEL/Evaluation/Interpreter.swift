/// An iteration variable during one evaluation.
struct Slot {
  /// The current element, read in place from the list or map the loop runs over (which
  /// the loop keeps alive), so that stepping costs no reference counting.
  var element: UnsafePointer<CELValue>
  /// The position of the current element.
  var index: Int
  /// Whether the loop runs over a map's keys.
  var overMap: Bool
}

/// Evaluates a ``CompiledProgram`` against an activation, by recursion over its nodes.
///
/// Generic over what it records: ``NoRecording`` for the ordinary evaluation, whose
/// checks of `Recorder.records` fold away when the compiler specialises it, and
/// ``StateRecorder`` for ``CELProgram/evaluate(_:recording:)``, which records the result
/// of every node evaluated and takes no shortcut past a sub-expression.
struct Interpreter<Recorder: EvaluationRecorder> {
  /// Unowned: the ``CELProgram`` evaluating holds the program for the whole evaluation.
  /// So the ordinary interpreter (`Interpreter<NoRecording>`) is plain data, which needs
  /// no retain when made nor a destroy when done; with a strong reference the generic
  /// struct was destroyed through its type's value witness (a metadata lookup, a `memcpy`
  /// and a release) once per evaluation: most of the budget's first measured cost.
  unowned(unsafe) let program: CompiledProgram
  /// The program's tables, held here so that each step reaches them with one load.
  let tables: ProgramTables
  let activation: ActivationView
  /// For each free variable, the index of its binding in the activation, or -1 when it
  /// is unbound. Variables are read in place from the activation, never copied aside.
  let bindingIndices: UnsafeMutableBufferPointer<Int>
  /// Iteration variables, by ``Loop/slot``; each is set only while its loop runs.
  let slots: UnsafeMutableBufferPointer<Slot>
  let recorder: Recorder

  /// The evaluation's budget (see ``CELActivation/stepBudget``): the ``BudgetWords``
  /// just before ``bindingIndices`` in the same scratch buffer, so that the interpreter
  /// holds no pointer more than it did without a budget.
  @inline(__always)
  var budget: UnsafeMutablePointer<Int> { bindingIndices.baseAddress.unsafelyUnwrapped - BudgetWords.count }

  /// Evaluates the whole expression. An exceeded budget ends it whatever the operators
  /// around the macro made of the error (`||`, `all` and unknowns absorb errors).
  @inline(__always)
  func evalRoot() -> CELResult {
    let result = eval(program.root)
    if budget[BudgetWords.left] >= 0 { return result }
    return exceededResult()
  }

  @inline(never)
  private func exceededResult() -> CELResult {
    let node = budget[BudgetWords.node]
    let at = node >= 0 ? program.locations[node] : nil
    return .error(CELError.budgetExceeded(budget[BudgetWords.whole], location: at))
  }

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
    if !Recorder.records, case .constant(let c) = tables.ops[Int(node)] { return .value(tables.constants[Int(c)]) }
    return eval(node)
  }

  /// Evaluates a node (and records its result when recording).
  @inline(__always)
  func eval(_ node: Int32) -> CELResult {
    guard Recorder.records else { return evalNode(node) }
    let result = evalNode(node)
    recorder.record(node, result, slots: slots)
    return result
  }

  /// Takes `steps` from the budget; false when it has run out, which is then noted at
  /// `node`.
  @inline(__always)
  func spend(_ steps: Int, at node: Int32) -> Bool {
    let budget = budget
    let left = budget[BudgetWords.left] - steps
    budget[BudgetWords.left] = left
    if left >= 0 { return true }
    exhausted(at: node)
    return false
  }

  @inline(never)
  private func exhausted(at node: Int32) {
    if budget[BudgetWords.node] < 0 { budget[BudgetWords.node] = Int(node) }
  }

  private func evalNode(_ node: Int32) -> CELResult {
    switch tables.ops[Int(node)] {
    case .constant(let c):
      return .value(tables.constants[Int(c)])

    case .variable(let s):
      let b = bindingIndices[Int(s)]
      if b < 0 { return unbound(s, node: node) }
      return .value(activation.bindings[b].value)

    case .iteration(let s):
      return .value(slots[Int(s)].element.pointee)

    case .select(let operand, let field, let qualified):
      if qualified >= 0 && activation.hasDottedNames {
        let q = program.qualifiedNames[Int(qualified)]
        if let b = activation.index(of: q.name, hash: q.hash) { return .value(activation.value(at: b)) }
      }
      // Select straight from where the operand is stored, without copying it first.
      if !Recorder.records, let stored = locate(operand) {
        if let found = Interpreter.fieldPointer(in: stored.pointee, tables.fields[Int(field)]) {
          return .value(found.pointee)
        }
        // A map without the field: what `select` gives, without copying the map for it.
        if activation.absentFieldsAreUnknown, Interpreter.isMap(stored.pointee), let unknown = absentUnknown(node) {
          return unknown
        }
        return select(stored.pointee, field: field, node: node)
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
      if case .value(.bool(let l)) = x {
        if !l { return x }
        // `true && y` is y when y is a bool.
        let y = eval(b)
        if case .value(.bool) = y { return y }
        return Logic.and(x, y, location: program.locations[Int(node)])
      }
      return Logic.and(x, eval(b), location: program.locations[Int(node)])

    case .or(let a, let b):
      let x = eval(a)
      if case .value(.bool(let l)) = x {
        if l { return x }
        // `false || y` is y when y is a bool.
        let y = eval(b)
        if case .value(.bool) = y { return y }
        return Logic.or(x, y, location: program.locations[Int(node)])
      }
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
      // The common shapes `x.f == "text"`, `x.f > 20`, `i.f == j.f`: compared in place.
      if !Recorder.records, let l = locate(a) {
        if case .constant(let c) = tables.ops[Int(b)] {
          if op == .equal || op == .notEqual,
            let equal = Interpreter.stringsEqual(l.pointee, tables.constants[Int(c)])
          {
            return .value(.bool(equal == (op == .equal)))
          }
          if let order = Interpreter.scalarOrder(l.pointee, tables.constants[Int(c)]) {
            return .value(.bool(Interpreter.holds(op, order: order)))
          }
          return located(Operators.relation(op, l.pointee, tables.constants[Int(c)]), node)
        }
        if let r = locate(b) {
          if op == .equal || op == .notEqual, let equal = Interpreter.stringsEqual(l.pointee, r.pointee) {
            return .value(.bool(equal == (op == .equal)))
          }
          if let order = Interpreter.scalarOrder(l.pointee, r.pointee) {
            return .value(.bool(Interpreter.holds(op, order: order)))
          }
          return located(Operators.relation(op, l.pointee, r.pointee), node)
        }
      }
      let x = eval(a)
      let y = constantOrEval(b)
      guard case .value(let l) = x, case .value(let r) = y else { return Interpreter.strictFailure(x, y) }
      return located(Operators.relation(op, l, r), node)

    case .membership(let a, let b):
      if !Recorder.records, case .constant(let c) = tables.ops[Int(b)], let l = locate(a) {
        if let found = Interpreter.listContainsString(tables.constants[Int(c)], l.pointee) {
          return .value(.bool(found))
        }
        return located(Operators.membership(l.pointee, tables.constants[Int(c)]), node)
      }
      if !Recorder.records, case .constant(let c) = tables.ops[Int(a)], let r = locate(b),
        let found = Interpreter.listContainsString(r.pointee, tables.constants[Int(c)])
      {
        return .value(.bool(found))
      }
      let x = eval(a)
      let y = constantOrEval(b)
      guard case .value(let l) = x, case .value(let r) = y else { return Interpreter.strictFailure(x, y) }
      return located(Operators.membership(l, r), node)

    case .comprehension(let loop):
      return evalLoop(tables.loops[Int(loop)], node: node)

    }
  }

  @inline(never)
  private func unbound(_ s: Int32, node: Int32) -> CELResult {
    let name = tables.variables[Int(s)].name
    return .error(CELError(.unboundVariable, "undeclared reference to '\(name)'", location: program.locations[Int(node)]))
  }

  /// The less frequent node kinds, kept out of ``eval(_:)`` so that its frame stays small.
  @inline(never)
  private func evalOther(_ node: Int32) -> CELResult {
    switch tables.ops[Int(node)] {
    case .index(let a, let b):
      if !Recorder.records, let stored = locate(node) { return .value(stored.pointee) }
      let x = eval(a)
      let y = eval(b)
      guard case .value(let container) = x, case .value(let key) = y else { return Interpreter.strictFailure(x, y) }
      if activation.absentFieldsAreUnknown, case .map(let m) = container, case .string = key, m[key] == nil,
        let unknown = absentUnknown(node)
      {
        return unknown
      }
      return located(Operators.index(container, key), node)

    case .arithmetic(let op, let a, let b):
      let x = eval(a)
      let y = eval(b)
      guard case .value(let l) = x, case .value(let r) = y else { return Interpreter.strictFailure(x, y) }
      let result = Operators.arithmetic(op, l, r)
      // What `+` builds costs its size: one step per element of a list, per byte of a string.
      if op == .add, !spend(Interpreter.size(of: result), at: node) { return budgetError(node) }
      return located(result, node)

    case .negate(let a):
      let x = eval(a)
      guard case .value(let v) = x else { return x }
      return located(Operators.negate(v), node)

    case .call(let builtin, let first, let count):
      // `size(x.f)`: counted in place, without copying the list or map.
      if !Recorder.records, builtin == .size && count == 1, let stored = locate(tables.arguments[Int(first)]) {
        return located(Builtin.size(stored.pointee), node)
      }
      var args = Arguments()
      var failure: CELResult?
      for k in 0..<Int(count) {
        let r = eval(tables.arguments[Int(first) + k])
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
        let r = eval(tables.arguments[Int(first) + k])
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

  /// The size of a list or string that `+` built, in budget steps; 0 for anything else.
  @inline(never)
  static func size(of result: CELResult) -> Int {
    switch result {
    case .value(.list(let l)): l.count
    case .value(.string(let s)): s.utf8.count
    case .value(.bytes(let b)): b.count
    default: 0
    }
  }

  /// The error of an evaluation whose budget ran out at `node`.
  @inline(never)
  func budgetError(_ node: Int32) -> CELResult {
    .error(CELError.budgetExceeded(budget[BudgetWords.whole], location: program.locations[Int(node)]))
  }

  /// Where the value of `node` is stored, when it is a bound variable, an iteration
  /// variable or a chain of present fields selected from one, so that it can be read in
  /// place, without reference counting; nil for anything else, or where a field is
  /// absent (``eval(_:)`` then gives the value, error or unknown).
  ///
  /// The pointer is valid for the rest of the evaluation: the activation and the loop
  /// slots hold the roots, and map storage is immutable (see ``CELMap/valuePointer(forString:hash:)``).
  /// An iteration variable's element changes from one iteration to the next, so read it
  /// at once.
  func locate(_ node: Int32) -> UnsafePointer<CELValue>? {
    switch tables.ops[Int(node)] {
    case .variable(let s):
      let b = bindingIndices[Int(s)]
      return b >= 0 ? activation.valuePointer(at: b) : nil
    case .iteration(let s):
      return slots[Int(s)].element
    case .select(let operand, let field, let qualified):
      // A dotted binding (`a.b`) might take precedence: leave that to `eval`.
      if qualified >= 0 && activation.hasDottedNames { return nil }
      guard let base = locate(operand) else { return nil }
      return Interpreter.fieldPointer(in: base.pointee, tables.fields[Int(field)])
    case .index(let operand, let key):
      return locateElement(operand, key)
    default:
      return nil
    }
  }

  /// ``locate(_:)`` for `container[key]`, e.g. `ladder[intervention.kind]`: a present map
  /// entry or list element. Out of line, so that the common cases keep a small frame.
  @inline(never)
  private func locateElement(_ operand: Int32, _ key: Int32) -> UnsafePointer<CELValue>? {
    guard let container = locate(operand) else { return nil }
    if case .constant(let c) = tables.ops[Int(key)] {
      return Interpreter.elementPointer(in: container.pointee, tables.constants[Int(c)])
    }
    guard let k = locate(key) else { return nil }
    if case .string = k.pointee { return Interpreter.valuePointer(in: container.pointee, stringKey: k.pointee) }
    return Interpreter.elementPointer(in: container.pointee, k.pointee)
  }

  /// Where a map stores the value under `key`, or a list its element at an `int`
  /// position in range; nil otherwise (an absent key, or an error for `eval` to report).
  @inline(never)
  static func elementPointer(in container: CELValue, _ key: CELValue) -> UnsafePointer<CELValue>? {
    switch container {
    case .map(let m):
      return m.valuePointer(forKey: key)
    case .list(let l):
      guard case .int(let i) = key, i >= 0, i < l.count else { return nil }
      // The list's storage lives where the container is stored.
      return l.withUnsafeBufferPointer { $0.baseAddress! + Int(i) }
    default:
      return nil
    }
  }

  /// Where a map stores a field. Taking the value as an argument borrows it: matching
  /// `.map` on the pointee in place would retain the map.
  @inline(never)
  static func fieldPointer(in value: CELValue, _ field: HashedName) -> UnsafePointer<CELValue>? {
    guard case .map(let m) = value else { return nil }
    return m.valuePointer(forString: field.name, hash: field.hash)
  }

  // The string cases of `==` and `in`, for values read in place. Unlike the general
  // operators these never release anything, so the values can be borrowed where they
  // are stored instead of being copied for the call.

  /// Whether two strings are equal (as `==`); nil unless both values are strings.
  @inline(never)
  static func stringsEqual(_ a: CELValue, _ b: CELValue) -> Bool? {
    guard case .string(let x) = a, case .string(let y) = b else { return nil }
    return x.celEquals(y)
  }

  /// Where a map stores the value under a string key (`ladder[intervention.kind]`); nil
  /// for anything else, and for a string without contiguous UTF-8 (hashing it would
  /// allocate), which `eval` then looks up.
  @inline(never)
  static func valuePointer(in container: CELValue, stringKey key: CELValue) -> UnsafePointer<CELValue>? {
    guard case .map(let m) = container, case .string(let s) = key,
      let hash = s.utf8.withContiguousStorageIfAvailable({ CELMap.hash(ofBytes: UnsafeRawBufferPointer($0)) })
    else { return nil }
    return m.valuePointer(forString: s, hash: hash)
  }

  /// Whether the value is a map.
  @inline(never)
  static func isMap(_ value: CELValue) -> Bool {
    if case .map = value { return true }
    return false
  }

  /// The order of two ints, or of two bools (false first), as ``CELValue/order(_:_:)``
  /// gives it; nil for anything else.
  @inline(never)
  static func scalarOrder(_ a: CELValue, _ b: CELValue) -> Int? {
    if case .int(let x) = a, case .int(let y) = b { return x < y ? -1 : (x == y ? 0 : 1) }
    if case .bool(let x) = a, case .bool(let y) = b { return x == y ? 0 : (!x ? -1 : 1) }
    return nil
  }

  /// Whether a relation holds between values in the given order (-1, 0 or 1).
  static func holds(_ op: Operators.Relation, order: Int) -> Bool {
    switch op {
    case .equal: order == 0
    case .notEqual: order != 0
    case .less: order < 0
    case .lessOrEqual: order <= 0
    case .greater: order > 0
    case .greaterOrEqual: order >= 0
    }
  }

  /// Whether a list holds a string (as `in`: only an equal string matches); nil unless
  /// the container is a list and the element a string.
  @inline(never)
  static func listContainsString(_ list: CELValue, _ element: CELValue) -> Bool? {
    guard case .list(let items) = list, case .string(let s) = element else { return nil }
    return items.withUnsafeBufferPointer { items in
      items.contains { if case .string(let t) = $0 { t.celEquals(s) } else { false } }
    }
  }

  /// Field selection on an evaluated operand.
  func select(_ v: CELValue, field: Int32, node: Int32) -> CELResult {
    let f = tables.fields[Int(field)]
    guard case .map(let m) = v else {
      return located(.error(CELError(.noSuchKey, "type '\(v.typeName)' has no field '\(f.name)'")), node)
    }
    if let found = m.value(forString: f.name, hash: f.hash) { return .value(found) }
    if activation.absentFieldsAreUnknown, let unknown = absentUnknown(node) { return unknown }
    return located(.error(CELError(.noSuchKey, "no such key: '\(f.name)'")), node)
  }

  private func buildMap(first: Int, count: Int, node: Int32) -> CELResult {
    var builder = CELMap.Builder(capacity: count)
    var failure: CELResult?
    for k in 0..<count {
      let kr = eval(tables.arguments[first + 2 * k])
      let vr = eval(tables.arguments[first + 2 * k + 1])
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

/// The budget's words at the start of an evaluation's scratch integers (see
/// ``Interpreter/budget``).
enum BudgetWords {
  /// The steps left; below zero once the budget has run out.
  static let left = 0
  /// The node where the budget ran out, -1 until then.
  static let node = 1
  /// The whole budget, for the error's message.
  static let whole = 2
  /// How many words.
  static let count = 3
}

/// A borrowed view of a ``CELActivation`` for one evaluation.
struct ActivationView {
  let bindings: UnsafeBufferPointer<CELActivation.Binding>
  let absentFieldsAreUnknown: Bool
  let namesUnknownPaths: Bool
  let hasDottedNames: Bool

  @inline(__always)
  func index(of name: String, hash: UInt64) -> Int? {
    for i in bindings.indices where bindings[i].hash == hash && bindings[i].name.celEquals(name) { return i }
    return nil
  }

  @inline(__always)
  func index(of name: HashedName) -> Int? { index(of: name.name, hash: name.hash) }

  func value(at index: Int) -> CELValue { bindings[index].value }

  /// Where the value of the binding at `index` is stored: at the start of the binding.
  @inline(__always)
  func valuePointer(at index: Int) -> UnsafePointer<CELValue> {
    UnsafeRawPointer(bindings.baseAddress! + index).assumingMemoryBound(to: CELValue.self)
  }

  func pathPrefix(at index: Int) -> String { bindings[index].pathPrefix ?? bindings[index].name }
}
