import CEL

/// Warnings for conditions whose worst case takes more steps than the evaluation budget
/// (``CELCostEstimate``, lists from a proposal assumed to have 1,000 elements): nested
/// macros over a proposal's lists, which would end at run time with a budget error.
enum CostCheck {
  static func warnings(_ rules: [Rule]) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for rule in rules {
      for expression in [rule.when, rule.require].compactMap({ $0 }) {
        let estimate = CELCostEstimate(expression.program.expression)
        guard estimate.exceeds(CELActivation.defaultStepBudget) else { continue }
        let place = estimate.location.map(expression.fileLocation) ?? expression.location
        let steps = estimate.steps == Int.max ? "mere end 10^18" : "\(estimate.steps)"
        let stepsEN = estimate.steps == Int.max ? "more than 10^18" : "\(estimate.steps)"
        found.append(Diagnostic(.warning, at: place,
          da: "reglen '\(rule.id)': \(estimate.degree) indlejrede makroer over lister fra sagen kan tage \(steps) skridt "
            + "(ved \(estimate.assumedSize) elementer pr. liste), over evalueringsbudgettet på \(CELActivation.defaultStepBudget)",
          en: "rule '\(rule.id)': \(estimate.degree) nested macros over lists from the proposal may take \(stepsEN) steps "
            + "(at \(estimate.assumedSize) elements a list), over the evaluation budget of \(CELActivation.defaultStepBudget)"))
      }
    }
    return found
  }
}
