import CEL

/// Type-checks every expression of a rule with CEL's checker (``CEL/CELTypeChecker``),
/// over the variables rules see, typed from the proposal schema and the ladder: fields
/// (with a "did you mean"), values of fields with a fixed set, functions, operand types,
/// and that `when` and `require` give a bool.
///
/// The linter runs it on every rule; loading runs it on rules that were not linted when
/// they were built in, so that `check` and `audit` refuse what lint rejects.
struct RuleTypeCheck: Sendable {
  private let proposalScope: CELTypeChecker
  private let interventionScope: CELTypeChecker

  init(schema: ProposalSchema, ladder: Ladder) {
    let proposal = schema.root.celType
    var declarations: [String: CELType] = ["proposal": proposal, "ladder": ladder.celType]
    proposalScope = CELTypeChecker(declarations: declarations)
    if case .object(let fields) = proposal, case .list(let intervention)? = fields["interventions"] {
      declarations["intervention"] = intervention
    } else {
      declarations["intervention"] = .dyn
    }
    interventionScope = CELTypeChecker(declarations: declarations)
  }

  /// Errors for every problem in the rule's conditions and in the facts its messages name.
  func diagnostics(of rule: Rule) -> [Diagnostic] {
    let checker = rule.scope == .intervention ? interventionScope : proposalScope
    var found: [Diagnostic] = []
    func check(_ expression: Expression, _ key: String, expecting expected: CELType?) {
      for problem in checker.check(expression.program.expression, expecting: expected).diagnostics {
        let text = problem.problem.text
        found.append(Diagnostic(.error, at: expression.fileLocation(problem.location), da: "\(key): \(text.da)", en: "\(key): \(text.en)"))
      }
    }
    if let when = rule.when { check(when, "when", expecting: .bool) }
    check(rule.require, "require", expecting: .bool)
    for (key, template) in [("message", rule.message), ("remedy", rule.remedy)] {
      for case .fact(let expression) in template.da + template.en { check(expression, key, expecting: nil) }
    }
    return found
  }
}
