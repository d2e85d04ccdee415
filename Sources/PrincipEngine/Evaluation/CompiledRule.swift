import CEL

/// A rule readied for evaluation: its programs, the facts it reads and the keys a
/// justification may be filed under. Built once per evaluator and shared by reference,
/// so judging a proposal copies nothing large.
final class CompiledRule: Sendable {
  let rule: Rule
  let when: CELProgram?
  let require: CELProgram
  /// The facts the rule reads, as field chains from `proposal` or `intervention`.
  let evidencePaths: [[String]]
  /// The principle's id and themes: where a justification for it may be filed.
  let justificationKeys: [CELValue]

  init(_ rule: Rule, principle: Principle?) {
    self.rule = rule
    when = rule.when?.program
    require = rule.require.program
    evidencePaths = FactPaths.collect([rule.when, rule.require].compactMap { $0?.program.expression })
    justificationKeys = ([rule.principleID] + (principle?.themes ?? [])).map(CELValue.string)
  }

  /// Turns the CEL results of `when` and `require` for one subject into a finding.
  func judge(_ subject: Subject, _ activation: CELActivation, justifications: CELMap?, explain: Bool) -> Finding {
    var finding = Finding(
      ruleID: rule.id, principleID: rule.principleID, severity: rule.severity, subject: subject,
      outcome: .satisfied, missing: [], evidence: [])
    var missing: [String] = []

    if let when {
      switch when.evaluate(activation) {
      case .value(.bool(false)):
        finding.outcome = .notApplicable
        return finding
      case .value(.bool(true)):
        break
      case .unknown(let unknown):
        missing = unknown.paths
      case .value(let other):
        return undetermined(finding, activation, explain, problem: "when: expected a bool, got \(other.typeName)")
      case .error(let error):
        return undetermined(finding, activation, explain, problem: "when: \(error.message)")
      }
    }

    switch require.evaluate(activation) {
    case .value(.bool(true)):
      finding.outcome = .satisfied
    case .value(.bool(false)) where missing.isEmpty:
      if rule.justifiable, let reason = justification(in: justifications) {
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
      return undetermined(finding, activation, explain, problem: "require: expected a bool, got \(other.typeName)")
    case .error(let error):
      return undetermined(finding, activation, explain, problem: "require: \(error.message)")
    }
    finding.missing = missing
    if explain { explainFinding(&finding, activation) }
    return finding
  }

  private func undetermined(_ finding: Finding, _ activation: CELActivation, _ explain: Bool, problem: String) -> Finding {
    var finding = finding
    finding.outcome = .undetermined
    finding.problem = problem
    if explain { explainFinding(&finding, activation) }
    return finding
  }

  /// The proposal's justification for this rule's principle: by principle id, then by theme.
  private func justification(in justifications: CELMap?) -> String? {
    guard let justifications else { return nil }
    for key in justificationKeys {
      if let text = justifications[key]?.stringValue { return text }
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
