/// A static checker for expressions over declared variables.
///
/// It infers a type for every node and reports likely mistakes: fields a closed record
/// lacks (with a "did you mean"), comparisons and `in` between incompatible types,
/// string literals outside an enumeration, wrong argument types to known functions,
/// unknown functions and undeclared variables. `dyn` is permissive: nothing typed `dyn`
/// is ever reported, so valid dynamic code passes.
///
///     let checker = CELTypeChecker(declarations: ["proposal": .object(fields: [
///       "age": .int, "kind": .string(oneOf: ["sel85", "sel107"])])])
///     checker.check(try CELProgram("proposal.kind == 'sel58'")).diagnostics
///     // 1:18: "sel58" is not one of the values of proposal.kind (did you mean "sel85"?)
public struct CELTypeChecker: Sendable {
  /// The declared variables and their types.
  public let declarations: [String: CELType]

  /// A checker for expressions over these variables.
  public init(declarations: [String: CELType]) {
    self.declarations = declarations
  }

  /// The outcome of checking: the expression's type and what was found.
  public struct Result: Sendable {
    /// The inferred type of the whole expression (`dyn` when unknown).
    public let type: CELType
    /// The problems found, in source order.
    public let diagnostics: [CELDiagnostic]
  }

  /// Parses and checks an expression.
  /// - Throws: ``CELParseError`` when the source does not parse.
  public func check(_ source: String) throws(CELParseError) -> Result {
    check(try CELProgram(source))
  }

  /// Checks a compiled program's expression.
  public func check(_ program: CELProgram) -> Result { check(program.expression) }

  /// Checks an expression tree; with `expected`, also that the whole expression gives a
  /// value of that type (``CELTypeProblem/wrongResultType(expected:found:)``), as a
  /// condition must give a bool.
  public func check(_ expression: CELExpr, expecting expected: CELType? = nil) -> Result {
    var walker = TypeInference(declarations: declarations)
    let type = walker.infer(expression)
    var diagnostics = walker.diagnostics
    if let expected, !FunctionSignatures.accepts(expected, type) {
      diagnostics.append(CELDiagnostic(.wrongResultType(expected: expected, found: type), location: expression.location))
    }
    return Result(type: type, diagnostics: diagnostics.sorted { $0.location.offset < $1.location.offset })
  }
}
