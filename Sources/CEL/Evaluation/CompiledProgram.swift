/// One node of a compiled expression. Children are indices into
/// ``CompiledProgram/ops``; payloads are plain integers, so that reading a node costs
/// no reference counting.
enum Op: Sendable {
  case constant(Int32)
  /// A variable or iteration-variable slot.
  case variable(Int32)
  /// `operand.field`; `qualified` indexes ``CompiledProgram/qualifiedNames`` (or is -1)
  /// when the chain spells a dotted name that a binding might hold whole.
  case select(Int32, field: Int32, qualified: Int32)
  case presence(Int32, field: Int32)
  case index(Int32, Int32)
  case and(Int32, Int32)
  case or(Int32, Int32)
  case not(Int32)
  case conditional(Int32, Int32, Int32)
  case relation(Operators.Relation, Int32, Int32)
  case arithmetic(Operators.Arithmetic, Int32, Int32)
  case negate(Int32)
  case membership(Int32, Int32)
  /// A function call; its argument nodes are `arguments[first..<first+count]`.
  case call(Builtin, first: Int32, count: Int32)
  /// `subject.matches(pattern)` with a literal pattern compiled ahead of time.
  case matchesConstant(Int32, regex: Int32)
  /// A list literal; its item nodes are `arguments[first..<first+count]`.
  case list(first: Int32, count: Int32)
  /// A map literal; keys and values alternate in `arguments[first..<first+2*count]`.
  case map(first: Int32, count: Int32)
  case comprehension(Int32)
  /// An error known at compile time (an unknown function, a bad literal pattern, …).
  case failure(Int32)
}

/// A name with its precomputed hash, for lookups without rehashing.
struct HashedName: Sendable {
  let name: String
  let hash: UInt64

  init(_ name: String) {
    self.name = name
    hash = CELMap.hash(ofString: name)
  }
}

/// A compiled macro.
struct Loop: Sendable {
  let macro: CELComprehension.Macro
  let range: Int32
  let slot: Int32
  /// The filter of a three-argument `map`, or -1.
  let filter: Int32
  let body: Int32
}

/// The executable form of an expression, shared by all copies of a ``CELProgram``.
final class CompiledProgram: Sendable {
  let ops: ContiguousArray<Op>
  let locations: ContiguousArray<CELSourceLocation>
  let constants: ContiguousArray<CELValue>
  let arguments: ContiguousArray<Int32>
  let fields: ContiguousArray<HashedName>
  let qualifiedNames: ContiguousArray<HashedName>
  let loops: ContiguousArray<Loop>
  let errors: ContiguousArray<CELError>
  let regexes: ContiguousArray<CELRegex>
  /// Free variables, occupying the first slots.
  let variables: ContiguousArray<HashedName>
  /// For each slot past the variables, the range node of the loop that binds it.
  let loopRanges: ContiguousArray<Int32>
  let root: Int32
  let source: String
  let expression: CELExpr

  var slotCount: Int { variables.count + loopRanges.count }

  init(builder: ProgramBuilder, root: Int32, source: String, expression: CELExpr) {
    self.source = source
    self.expression = expression
    ops = builder.ops
    locations = builder.locations
    constants = builder.constants
    arguments = builder.arguments
    fields = builder.fields
    qualifiedNames = builder.qualifiedNames
    loops = builder.loops
    errors = builder.errors
    regexes = builder.regexes
    variables = builder.variables
    loopRanges = builder.loopRanges
    self.root = root
  }
}

/// The mutable tables a ``Compiler`` fills.
struct ProgramBuilder {
  var ops: ContiguousArray<Op> = []
  var locations: ContiguousArray<CELSourceLocation> = []
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
    return Int32(ops.count - 1)
  }

  mutating func constant(_ value: CELValue, at location: CELSourceLocation) -> Int32 {
    constants.append(value)
    return emit(.constant(Int32(constants.count - 1)), at: location)
  }

  mutating func field(_ name: String) -> Int32 {
    if let i = fieldIndex[name] { return i }
    fields.append(HashedName(name))
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
