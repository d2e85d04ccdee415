extension Interpreter {
  /// Runs a macro. `all` and `exists` absorb errors and unknowns like `&&` and `||`;
  /// `exists_one`, `map` and `filter` are strict: an error stops them, and unknowns
  /// merge (an unknown beating an error).
  func evalLoop(_ loop: Loop, node: Int32) -> CELResult {
    let r = eval(loop.range)
    guard case .value(let range) = r else { return r }
    // Take the elements out once: no per-element enum matching or reference counting.
    var list: [CELValue] = []
    var map: CELMap?
    let overMap: Bool
    switch range {
    case .list(let l):
      list = l
      overMap = false
    case .map(let m):
      map = m
      overMap = true
    default:
      return located(.error(CELError(.noMatchingOverload, "\(loop.macro.rawValue)() needs a list or map, not \(range.typeName)")), node)
    }
    let count = map?.count ?? list.count

    let slot = Int(loop.slot)
    var unknown: CELUnknown?
    var error: CELResult?
    var hits = 0
    var results: [CELValue] = []
    if loop.macro == .map || loop.macro == .filter { results.reserveCapacity(count) }

    for k in 0..<count {
      // Straight into the slot: one copy of the element, none kept aside.
      slots[slot] = Slot(value: map?.key(at: k) ?? list[k], index: k, overMap: overMap)

      if loop.filter >= 0 {
        switch eval(loop.filter) {
        case .value(.bool(true)): break
        case .value(.bool(false)): continue
        case .value(let v):
          return located(.error(.noOverload(loop.macro.rawValue, v)), node)
        case .error(let e):
          if error == nil { error = .error(e) }
          continue
        case .unknown(let u):
          unknown = unknown.map { $0.union(u) } ?? u
          continue
        }
      }

      let body = eval(loop.body)
      switch loop.macro {
      case .all, .exists:
        let decisive = loop.macro == .exists
        switch body {
        case .value(.bool(decisive)): return body
        case .value(.bool): break
        case .value(let v):
          if error == nil { error = located(.error(.noOverload(loop.macro.rawValue, v)), node) }
        case .error:
          if error == nil { error = body }
        case .unknown(let u):
          unknown = unknown.map { $0.union(u) } ?? u
        }
      case .existsOne, .filter:
        switch body {
        case .value(.bool(let b)):
          if b {
            hits += 1
            if loop.macro == .filter { results.append(slots[slot].value) }
          }
        case .value(let v):
          return located(.error(.noOverload(loop.macro.rawValue, v)), node)
        case .error:
          if unknown == nil { return body }
          if error == nil { error = body }
        case .unknown(let u):
          unknown = unknown.map { $0.union(u) } ?? u
        }
      case .map:
        switch body {
        case .value(let v): results.append(v)
        case .error:
          if unknown == nil { return body }
          if error == nil { error = body }
        case .unknown(let u):
          unknown = unknown.map { $0.union(u) } ?? u
        }
      }
    }

    if let unknown { return .unknown(unknown) }
    if let error { return error }
    switch loop.macro {
    case .all: return .value(.bool(true))
    case .exists: return .value(.bool(false))
    case .existsOne: return .value(.bool(hits == 1))
    case .map, .filter: return .value(.list(results))
    }
  }

  /// `has(operand.field)`. With absent fields as unknowns, a chain that breaks at an
  /// absent field is simply not present: false, never unknown.
  func presence(_ operand: Int32, field: Int32, node: Int32) -> CELResult {
    let r: CELResult
    if activation.absentFieldsAreUnknown {
      guard let present = evalUnlessAbsent(operand) else { return .value(.bool(false)) }
      r = present
    } else {
      r = eval(operand)
    }
    guard case .value(let v) = r else { return r }
    let f = program.fields[Int(field)]
    guard case .map(let m) = v else {
      return located(.error(CELError(.noSuchKey, "has() cannot test field '\(f.name)' of type '\(v.typeName)'")), node)
    }
    return .value(.bool(m.value(forString: f.name, hash: f.hash) != nil))
  }

  /// Evaluates a node, returning nil where a field selection in its chain meets an
  /// absent field.
  private func evalUnlessAbsent(_ node: Int32) -> CELResult? {
    guard case .select(let operand, let field, let qualified) = program.ops[Int(node)] else { return eval(node) }
    if qualified >= 0 && activation.hasDottedNames {
      let q = program.qualifiedNames[Int(qualified)]
      if let b = activation.index(of: q.name, hash: q.hash) { return .value(activation.value(at: b)) }
    }
    guard let r = evalUnlessAbsent(operand) else { return nil }
    guard case .value(.map(let m)) = r else {
      if case .value(let v) = r { return select(v, field: field, node: node) }
      return r
    }
    let f = program.fields[Int(field)]
    guard let found = m.value(forString: f.name, hash: f.hash) else { return nil }
    return .value(found)
  }

  /// The attribute path a node denotes, e.g. `proposal.alternatives[1].reason`, when it is
  /// a variable, or a selection or constant index on one; nil otherwise.
  func path(of node: Int32) -> String? {
    switch program.ops[Int(node)] {
    case .variable(let s):
      let slot = slots[Int(s)]
      if Int(s) < program.variables.count {
        return slot.index >= 0 ? activation.pathPrefix(at: slot.index) : program.variables[Int(s)].name
      }
      guard !slot.overMap else { return nil }
      let range = program.loopRanges[Int(s) - program.variables.count]
      return path(of: range).map { "\($0)[\(slot.index)]" }
    case .select(let operand, let field, _):
      return path(of: operand).map { "\($0).\(program.fields[Int(field)].name)" }
    case .index(let operand, let key):
      guard let base = path(of: operand) else { return nil }
      let keyValue: CELValue
      switch program.ops[Int(key)] {
      case .constant(let c): keyValue = program.constants[Int(c)]
      case .variable(let s) where slots[Int(s)].index >= 0: keyValue = slots[Int(s)].value
      default: return nil
      }
      switch keyValue {
      case .string(let s): return "\(base).\(s)"
      case .int(let i): return "\(base)[\(i)]"
      case .uint(let u): return "\(base)[\(u)]"
      default: return nil
      }
    default:
      return nil
    }
  }
}
