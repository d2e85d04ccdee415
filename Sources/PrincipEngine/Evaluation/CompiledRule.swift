import CEL

/// One rule being applied: turns the CEL results of `when` and `require` into a finding.
struct RuleContext {
  let rule: Rule
  let principle: Principle?
  let evidencePaths: [[String]]
  let justifications: CELMap?
  let explain: Bool

  func judge(_ subject: Subject, _ activation: CELActivation) -> Finding {
    var finding = Finding(
      ruleID: rule.id, principleID: rule.principleID, severity: rule.severity, subject: subject,
      outcome: .satisfied, missing: [], evidence: [])
    var missing: [String] = []

    if let when = rule.when {
      switch when.program.evaluate(activation) {
      case .value(.bool(false)):
        finding.outcome = .notApplicable
        return finding
      case .value(.bool(true)):
        break
      case .unknown(let unknown):
        missing = unknown.paths
      case .value(let other):
        return undetermined(finding, activation, problem: "when: expected a bool, got \(other.typeName)")
      case .error(let error):
        return undetermined(finding, activation, problem: "when: \(error.message)")
      }
    }

    switch rule.require.program.evaluate(activation) {
    case .value(.bool(true)):
      finding.outcome = .satisfied
    case .value(.bool(false)) where missing.isEmpty:
      if rule.justifiable, let reason = justification() {
        finding.outcome = .justified
        finding.justification = reason
      } else {
        finding.outcome = .violated
      }
    case .value(.bool(false)):
      // It fails, but whether the rule applies at all is unknown.
      finding.outcome = .undetermined
    case .unknown(let unknown):
      finding.outcome = .undetermined
      missing = Array(Set(missing).union(unknown.paths)).sorted()
    case .value(let other):
      return undetermined(finding, activation, problem: "require: expected a bool, got \(other.typeName)")
    case .error(let error):
      return undetermined(finding, activation, problem: "require: \(error.message)")
    }
    finding.missing = missing
    if explain { explainFinding(&finding, activation) }
    return finding
  }

  private func undetermined(_ finding: Finding, _ activation: CELActivation, problem: String) -> Finding {
    var finding = finding
    finding.outcome = .undetermined
    finding.problem = problem
    if explain { explainFinding(&finding, activation) }
    return finding
  }

  /// The proposal's justification for this rule's principle: by principle id, then by theme.
  private func justification() -> String? {
    guard let justifications else { return nil }
    for key in [rule.principleID] + (principle?.themes ?? []) {
      if let text = justifications[.string(key)]?.stringValue { return text }
    }
    return nil
  }

  private func explainFinding(_ finding: inout Finding, _ activation: CELActivation) {
    guard finding.outcome != .notApplicable else { return }
    finding.evidence = evidencePaths.map { path in
      Evidence(path: FactPaths.display(path, subject: finding.subject), value: FactPaths.value(at: path, in: activation))
    }
    if finding.outcome == .violated || finding.outcome == .justified {
      finding.message = MessageRenderer.render(rule.message, activation)
    }
    if finding.outcome != .satisfied {
      finding.remedy = MessageRenderer.render(rule.remedy, activation)
    }
  }
}
