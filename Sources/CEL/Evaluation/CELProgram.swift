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
  /// An evaluation that takes more than the activation's ``CELActivation/stepBudget``
  /// steps gives a ``CELError/Kind/budgetExceeded`` error, located where the budget ran out.
  ///
  /// - Complexity: allocation-free apart from the values the expression builds (list
  ///   and map literals over variables, string concatenation, …); variables are looked
  ///   up once per evaluation, not once per reference, and read in place from the
  ///   activation rather than copied.
  public func evaluate(_ activation: CELActivation) -> CELResult {
    run(activation, NoRecording())
  }

  /// The one evaluation, with or without recording (`NoRecording` is specialised away).
  ///
  /// Shaped as the evaluation was before the budget (the interpreter made in the
  /// innermost closure, its result returned straight through): the budget's words are
  /// the first of the scratch integers, before the variables' binding indices, so that
  /// neither the interpreter nor the closures grow.
  @inline(__always)
  func run<Recorder: EvaluationRecorder>(_ activation: CELActivation, _ recorder: Recorder) -> CELResult {
    let program = compiled
    let tables = program.tables
    let stepBudget = max(0, activation.stepBudget)
    return activation.bindings.withUnsafeBufferPointer { bindings in
      let view = ActivationView(
        bindings: bindings, absentFieldsAreUnknown: activation.absentFieldsAreUnknown,
        namesUnknownPaths: activation.namesUnknownPaths, hasDottedNames: activation.hasDottedNames)
      // Plain integers: the buffer needs no initialisation or clean-up of values.
      let words = BudgetWords.count
      return withUnsafeTemporaryAllocation(of: Int.self, capacity: tables.variableCount + words) { scratch in
        let budget = scratch.baseAddress.unsafelyUnwrapped
        budget[BudgetWords.left] = stepBudget
        budget[BudgetWords.node] = -1
        budget[BudgetWords.whole] = stepBudget
        let resolved = UnsafeMutableBufferPointer(start: budget + words, count: tables.variableCount)
        for i in 0..<tables.variableCount {
          resolved[i] = view.index(of: tables.variables[i]) ?? -1
        }
        guard tables.loopCount > 0 else {
          return Interpreter(
            program: program, tables: tables, activation: view, bindingIndices: resolved,
            slots: .init(start: nil, count: 0), recorder: recorder
          ).evalRoot()
        }
        // Each loop sets its slot before reading it.
        return withUnsafeTemporaryAllocation(of: Slot.self, capacity: tables.loopCount) { slots in
          Interpreter(
            program: program, tables: tables, activation: view, bindingIndices: resolved, slots: slots,
            recorder: recorder
          ).evalRoot()
        }
      }
    }
  }

  /// Evaluates the expression with the given variables, in standard mode.
  public func evaluate(_ variables: [String: CELValue] = [:]) -> CELResult {
    evaluate(CELActivation(variables))
  }
}

extension CELProgram {
  /// Evaluates the expression as ``evaluate(_:)`` does, recording in `state` the results
  /// of every sub-expression (see ``CELEvaluationState``, which shows how to read it).
  /// Slower than ``evaluate(_:)``, which it leaves as fast as before: for explaining one
  /// result, not for judging many.
  public func evaluate(_ activation: CELActivation, recording state: inout CELEvaluationState) -> CELResult {
    let recorder = StateRecorder(nodeCount: compiled.locations.count)
    let result = run(activation, recorder)
    state = CELEvaluationState(
      result: result, root: compiled.expression, expressionIDs: compiled.expressionIDs, nodeEntries: recorder.entries)
    return result
  }

  /// The source text of a node of ``expression``, e.g. `proposal.citizen.age >= 18`.
  public func source(of expr: CELExpr) -> Substring {
    let utf8 = source.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: min(expr.range.lowerBound, utf8.count))
    let end = utf8.index(utf8.startIndex, offsetBy: min(expr.range.upperBound, utf8.count))
    return source[start..<end]
  }
}
