extension Interpreter {
  /// Runs a macro. `all` and `exists` absorb errors and unknowns like `&&` and `||`;
  /// `exists_one`, `map` and `filter` are strict: an error stops them, and unknowns
  /// merge (an unknown beating an error).
  func evalLoop(_ loop: Loop, node: Int32) -> CELResult {
    let r = eval(loop.range)
    guard case .value(let range) = r else { return r }
    // The slot points at the elements where they are stored, so that stepping costs no
    // reference counting; `range` keeps them alive until the loop returns.
    defer { withExtendedLifetime(range) {} }
    let first: UnsafeRawPointer?
    let stride: Int
    let count: Int
    let overMap: Bool
    switch range {
    case .list(let l):
      first = l.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
      stride = MemoryLayout<CELValue>.stride
      count = l.count
      overMap = false
    case .map(let m):
      let keys = m.keyPointers
      first = keys.first
      stride = keys.stride
      count = m.count
      overMap = true
    default:
      return located(.error(CELError(.noMatchingOverload, "\(loop.macro.rawValue)() needs a list or map, not \(range.typeName)")), node)
    }

    let slot = Int(loop.slot)
    var unknown: CELUnknown?
    var error: CELResult?
    var hits = 0
    var results: [CELValue] = []
    if loop.macro == .map || loop.macro == .filter { results.reserveCapacity(count) }

    if Recorder.records { recorder.enterLoop(slot) }
    defer { if Recorder.records { recorder.leaveLoop() } }
    for k in 0..<count {
      // One step per iteration: nested macros over long lists end at the budget.
      guard spend(1, at: node) else { return budgetError(node) }
      slots[slot] = Slot(
        element: first!.advanced(by: k * stride).assumingMemoryBound(to: CELValue.self), index: k, overMap: overMap)

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
            if loop.macro == .filter { results.append(slots[slot].element.pointee) }
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
    let f = tables.fields[Int(field)]
    // A map stored in place (the usual `has(x.f)`): tested without copying it.
    if !Recorder.records, let stored = locate(operand), let present = Interpreter.hasField(stored.pointee, f) {
      return .value(.bool(present))
    }
    let r: CELResult
    if activation.absentFieldsAreUnknown {
      guard let present = evalUnlessAbsent(operand) else { return .value(.bool(false)) }
      r = present
    } else {
      r = eval(operand)
    }
    guard case .value(let v) = r else { return r }
    guard case .map(let m) = v else {
      return located(.error(CELError(.noSuchKey, "has() cannot test field '\(f.name)' of type '\(v.typeName)'")), node)
    }
    return .value(.bool(m.index(forString: f.name, hash: f.hash) != nil))
  }

  /// Whether a map has a field; nil if the value is no map.
  @inline(never)
  static func hasField(_ value: CELValue, _ field: HashedName) -> Bool? {
    guard case .map(let m) = value else { return nil }
    return m.index(forString: field.name, hash: field.hash) != nil
  }

  /// Evaluates a node, returning nil where a field selection in its chain meets an
  /// absent field.
  private func evalUnlessAbsent(_ node: Int32) -> CELResult? {
    guard case .select(let operand, let field, let qualified) = tables.ops[Int(node)] else { return eval(node) }
    let result = selectUnlessAbsent(node, operand: operand, field: field, qualified: qualified)
    if Recorder.records, let result { recorder.record(node, result, slots: slots) }
    return result
  }

  private func selectUnlessAbsent(_ node: Int32, operand: Int32, field: Int32, qualified: Int32) -> CELResult? {
    if qualified >= 0 && activation.hasDottedNames {
      let q = program.qualifiedNames[Int(qualified)]
      if let b = activation.index(of: q.name, hash: q.hash) { return .value(activation.value(at: b)) }
    }
    guard let r = evalUnlessAbsent(operand) else { return nil }
    guard case .value(.map(let m)) = r else {
      if case .value(let v) = r { return select(v, field: field, node: node) }
      return r
    }
    let f = tables.fields[Int(field)]
    guard let found = m.value(forString: f.name, hash: f.hash) else { return nil }
    return .value(found)
  }

  /// The unknown for an absent field at `node`, named by the node's path when the
  /// activation names paths; nil when the node denotes no attribute path.
  func absentUnknown(_ node: Int32) -> CELResult? {
    if activation.namesUnknownPaths {
      return path(of: node).map { .unknown(CELUnknown(path: $0)) }
    }
    var noPath: String?
    return appendPath(of: node, to: &noPath) ? unnamedUnknown : nil
  }


  /// The attribute path a node denotes, e.g. `proposal.alternatives[1].reason`, when it is
  /// a variable, or a selection or constant index on one; nil otherwise.
  func path(of node: Int32) -> String? {
    // Built in one buffer: the unknowns of absent fields are common in audits.
    var path: String? = ""
    path!.reserveCapacity(64)
    return appendPath(of: node, to: &path) ? path : nil
  }

  /// Appends the path `node` denotes to `path`, or with `path` nil only tells whether
  /// there is one (the right-hand sides of `path? += …` are then not evaluated).
  private func appendPath(of node: Int32, to path: inout String?) -> Bool {
    switch tables.ops[Int(node)] {
    case .variable(let s):
      let b = bindingIndices[Int(s)]
      path? += b >= 0 ? activation.pathPrefix(at: b) : tables.variables[Int(s)].name
    case .iteration(let s):
      guard !slots[Int(s)].overMap, appendPath(of: program.loopRanges[Int(s)], to: &path) else { return false }
      path? += "["
      path? += String(slots[Int(s)].index)
      path? += "]"
    case .select(let operand, let field, _):
      guard appendPath(of: operand, to: &path) else { return false }
      path? += "."
      path? += tables.fields[Int(field)].name
    case .index(let operand, let key):
      let keyValue: CELValue
      switch tables.ops[Int(key)] {
      case .constant(let c): keyValue = tables.constants[Int(c)]
      case .variable(let s) where bindingIndices[Int(s)] >= 0: keyValue = activation.value(at: bindingIndices[Int(s)])
      case .iteration(let s): keyValue = slots[Int(s)].element.pointee
      default: return false
      }
      switch keyValue {
      case .string, .int, .uint: break
      default: return false
      }
      guard appendPath(of: operand, to: &path) else { return false }
      switch keyValue {
      case .string(let s):
        path? += "."
        path? += s
      case .int(let i):
        path? += "["
        path? += String(i)
        path? += "]"
      case .uint(let u):
        path? += "["
        path? += String(u)
        path? += "]"
      default: return false
      }
    default:
      return false
    }
    return true
  }
}

/// Shared, so that an unnamed unknown costs no allocation.
private let unnamedUnknown = CELResult.unknown(CELUnknown(path: CELUnknown.unnamedPath))
