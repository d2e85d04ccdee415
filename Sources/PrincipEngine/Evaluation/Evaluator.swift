import CEL

/// Judges proposals by one pack version. Build it once, then call `assess` for each
/// proposal; it is a value and safe to share across threads.
public struct Evaluator: Sendable {
  public let pack: RulePack
  private let ladder: CELValue
  /// The facts each rule reads, per rule (same order as `pack.rules`).
  private let evidencePaths: [[[String]]]

  public init(pack: RulePack, ladder: Ladder) {
    self.pack = pack
    self.ladder = ladder.value
    self.evidencePaths = pack.rules.map { rule in
      FactPaths.collect([rule.when, rule.require].compactMap { $0?.program.expression })
    }
  }

  /// Judges a proposal that has passed the schema (`ProposalSchema.validate`).
  ///
  /// - Parameter explain: fill in messages, remedies and evidence; an audit that
  ///   only counts outcomes can skip them.
  /// - Complexity: O(rules × interventions) rule evaluations.
  public func assess(_ proposal: CELValue, explain: Bool = true) -> Assessment {
    let subjects = Subjects(proposal, ladder: ladder)
    var findings: [Finding] = []
    findings.reserveCapacity(pack.rules.count * max(1, subjects.interventions.count))
    for ruleIndex in pack.rules.indices {
      judge(ruleAt: ruleIndex, subjects, explain: explain, into: &findings)
    }
    return Scoring.assessment(
      caseID: proposal["case_id"]?.stringValue ?? "?", pack: pack, findings: findings, interventions: subjects.values)
  }

  /// The findings of one rule: one for a proposal-scoped rule, one per intervention otherwise.
  public func findings(ofRuleAt ruleIndex: Int, in proposal: CELValue) -> [Finding] {
    var findings: [Finding] = []
    judge(ruleAt: ruleIndex, Subjects(proposal, ladder: ladder), explain: true, into: &findings)
    return findings
  }

  /// The activations of a proposal's subjects, built once and shared by every rule.
  private struct Subjects {
    let proposal: CELActivation
    let interventions: [CELActivation]
    let values: [CELValue]
    let justifications: CELMap?

    init(_ proposal: CELValue, ladder: CELValue) {
      var base = CELActivation(absentFieldsAreUnknown: true)
      base.bind("proposal", to: proposal)
      base.bind("ladder", to: ladder)
      self.proposal = base
      values = proposal["interventions"]?.listValue ?? []
      interventions = values.enumerated().map { index, intervention in
        var activation = base
        activation.bind("intervention", to: intervention, pathPrefix: Subject.intervention(index).path)
        return activation
      }
      justifications = proposal["justifications"]?.mapValue
    }
  }

  private func judge(ruleAt ruleIndex: Int, _ subjects: Subjects, explain: Bool, into findings: inout [Finding]) {
    let rule = pack.rules[ruleIndex]
    let context = RuleContext(
      rule: rule, principle: pack.principle(rule.principleID), evidencePaths: evidencePaths[ruleIndex],
      justifications: subjects.justifications, explain: explain)
    switch rule.scope {
    case .proposal:
      findings.append(context.judge(.proposal, subjects.proposal))
    case .intervention:
      for (index, activation) in subjects.interventions.enumerated() {
        findings.append(context.judge(.intervention(index), activation))
      }
    }
  }
}
