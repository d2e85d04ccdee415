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
  public var variableNames: [String] { compiled.variables.map(\.name) }

  /// Evaluates the expression.
  ///
  /// - Complexity: allocation-free apart from the values the expression builds (list
  ///   and map literals over variables, string concatenation, …); variables are looked
  ///   up once per evaluation, not once per reference.
  public func evaluate(_ activation: CELActivation) -> CELResult {
    let program = compiled
    let count = program.slotCount
    return activation.bindings.withUnsafeBufferPointer { bindings in
      let view = ActivationView(
        bindings: bindings, absentFieldsAreUnknown: activation.absentFieldsAreUnknown,
        hasDottedNames: activation.hasDottedNames)
      return withUnsafeTemporaryAllocation(of: Slot.self, capacity: max(count, 1)) { buffer in
        for i in 0..<count {
          var slot = Slot(value: .null, index: -1, overMap: false)
          if i < program.variables.count {
            let v = program.variables[i]
            if let b = view.index(of: v.name, hash: v.hash) {
              slot = Slot(value: view.value(at: b), index: b, overMap: false)
            }
          }
          buffer.initializeElement(at: i, to: slot)
        }
        defer { buffer.baseAddress?.deinitialize(count: count) }
        let interpreter = Interpreter(program: program, activation: view, slots: buffer)
        return interpreter.eval(program.root)
      }
    }
  }

  /// Evaluates the expression with the given variables, in standard mode.
  public func evaluate(_ variables: [String: CELValue] = [:]) -> CELResult {
    evaluate(CELActivation(variables))
  }
}
