/// The mutable tables a ``Compiler`` fills.
struct ProgramBuilder {
  var ops: ContiguousArray<Op> = []
  var locations: ContiguousArray<CELSourceLocation> = []
  /// Per node, the ``CELExpr/id`` of the expression it was compiled from (-1: none yet).
  var expressionIDs: ContiguousArray<Int> = []
  var constants: ContiguousArray<CELValue> = []
  var arguments: ContiguousArray<Int32> = []
  var fields: ContiguousArray<HashedName> = []
  var qualifiedNames: ContiguousArray<HashedName> = []
  var loops: ContiguousArray<Loop> = []
  var errors: ContiguousArray<CELError> = []
  var regexes: ContiguousArray<CELRegex> = []
  var variables: ContiguousArray<HashedName> = []
  var loopRanges: ContiguousArray<Int32> = []
  var fieldIndex: [String: Int32] = [:]
  var variableIndex: [String: Int32] = [:]

  mutating func emit(_ op: Op, at location: CELSourceLocation) -> Int32 {
    ops.append(op)
    locations.append(location)
    expressionIDs.append(-1)
    return Int32(ops.count - 1)
  }

  mutating func constant(_ value: CELValue, at location: CELSourceLocation) -> Int32 {
    // Strings shared with map keys and schema values, so that comparing them with those is quick.
    if case .string(let text) = value { constants.append(.string(CELMap.sharedKey(text))) } else { constants.append(value) }
    return emit(.constant(Int32(constants.count - 1)), at: location)
  }

  mutating func field(_ name: String) -> Int32 {
    if let i = fieldIndex[name] { return i }
    fields.append(HashedName(CELMap.sharedKey(name)))
    let i = Int32(fields.count - 1)
    fieldIndex[name] = i
    return i
  }

  mutating func failure(_ error: CELError, at location: CELSourceLocation) -> Int32 {
    var e = error
    e.location = location
    errors.append(e)
    return emit(.failure(Int32(errors.count - 1)), at: location)
  }

  func constantValue(_ node: Int32) -> CELValue? {
    if case .constant(let c) = ops[Int(node)] { return constants[Int(c)] }
    return nil
  }
}
