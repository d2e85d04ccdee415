/// A parsed and compiled CEL expression, ready to evaluate any number of times, from any
/// thread.
///
///     let program = try CELProgram("proposal.citizen.age >= 18")
///     let result = program.evaluate(CELActivation(["proposal": proposal]))
public struct CELProgram: Sendable {
  /// Everything lives in one shared object, so that copying a program costs one retain.
  let compiled: CompiledProgram

  /// The expression source.
  public var source: String { compiled.source }
  /// The syntax tree, for tools that inspect expressions (linters, type checkers).
  public var expression: CELExpr { compiled.expression }

  /// Parses and compiles an expression.
  /// - Throws: ``CELParseError`` with the line and column of the first syntax error.
  public init(_ source: String) throws(CELParseError) {
    let expression = try Parser.parse(source)
    compiled = Compiler.compile(expression, source: source)
  }

  /// The names of the variables the expression reads (iteration variables excluded),
  /// in order of first appearance.
  public var variableNames: [String] { (0..<compiled.tables.variableCount).map { compiled.tables.variables[$0].name } }

  /// Evaluates the expression.
  ///
  /// - Complexity: allocation-free apart from the values the expression builds (list
  ///   and map literals over variables, string concatenation, …); variables are looked
  ///   up once per evaluation, not once per reference, and read in place from the
  ///   activation rather than copied.
  public func evaluate(_ activation: CELActivation) -> CELResult {
    let program = compiled
    let tables = program.tables
    return activation.bindings.withUnsafeBufferPointer { bindings in
      let view = ActivationView(
        bindings: bindings, absentFieldsAreUnknown: activation.absentFieldsAreUnknown,
        namesUnknownPaths: activation.namesUnknownPaths, hasDottedNames: activation.hasDottedNames)
      // Plain integers: the buffers need no initialisation or clean-up of values.
      return withUnsafeTemporaryAllocation(of: Int.self, capacity: max(tables.variableCount, 1)) { resolved in
        for i in 0..<tables.variableCount {
          resolved[i] = view.index(of: tables.variables[i]) ?? -1
        }
        guard tables.loopCount > 0 else {
          return Interpreter(program: program, tables: tables, activation: view, bindingIndices: resolved, slots: .init(start: nil, count: 0))
            .eval(program.root)
        }
        // Each loop sets its slot before reading it.
        return withUnsafeTemporaryAllocation(of: Slot.self, capacity: tables.loopCount) { slots in
          Interpreter(program: program, tables: tables, activation: view, bindingIndices: resolved, slots: slots).eval(program.root)
        }
      }
    }
  }

  /// Evaluates the expression with the given variables, in standard mode.
  public func evaluate(_ variables: [String: CELValue] = [:]) -> CELResult {
    evaluate(CELActivation(variables))
  }
}
