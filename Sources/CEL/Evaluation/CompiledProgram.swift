/// One node of a compiled expression. Children are indices into
/// ``CompiledProgram/ops``; payloads are plain integers, so that reading a node costs
/// no reference counting.
enum Op: Sendable {
  case constant(Int32)
  /// A free variable: an index into ``ProgramTables/variables``.
  case variable(Int32)
  /// An iteration variable: the slot of the loop that binds it (see ``Loop/slot``).
  case iteration(Int32)
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
  /// The iteration variable's slot, counted from 0 over the program's loops.
  let slot: Int32
  /// The filter of a three-argument `map`, or -1.
  let filter: Int32
  let body: Int32
}

/// The executable form of an expression, shared by all copies of a ``CELProgram``.
final class CompiledProgram: Sendable {
  let root: Int32
  /// Nodes, constants, field names, arguments, loops and free variables, read in place
  /// (without reference counting) through ``ProgramTables``; freed with the program.
  let tables: ProgramTables
  let locations: ContiguousArray<CELSourceLocation>
  /// Per node, the ``CELExpr/id`` of the expression it computes (-1 for none), for
  /// ``CELEvaluationState``.
  let expressionIDs: ContiguousArray<Int>
  let qualifiedNames: ContiguousArray<HashedName>
  let errors: ContiguousArray<CELError>
  let regexes: ContiguousArray<CELRegex>
  /// For each iteration-variable slot, the range node of the loop that binds it.
  let loopRanges: ContiguousArray<Int32>
  let source: String
  let expression: CELExpr

  init(builder: ProgramBuilder, root: Int32, source: String, expression: CELExpr) {
    self.source = source
    self.expression = expression
    tables = ProgramTables(
      ops: builder.ops, constants: builder.constants, fields: builder.fields, variables: builder.variables,
      loops: builder.loops, arguments: builder.arguments)
    locations = builder.locations
    expressionIDs = builder.expressionIDs
    qualifiedNames = builder.qualifiedNames
    errors = builder.errors
    regexes = builder.regexes
    loopRanges = builder.loopRanges
    self.root = root
  }

  deinit {
    tables.free()
  }
}
