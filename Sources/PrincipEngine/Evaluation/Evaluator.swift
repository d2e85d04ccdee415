import CEL

/// Judges proposals by one pack version. Build it once, then call `assess` for each
/// proposal; it is a value and safe to share across threads.
public struct Evaluator: Sendable {
  /// Everything the evaluator keeps, in one object: an evaluator is copied (for each
  /// proposal the audit judges), and copying it costs one retain, not one per part.
  private let parts: Parts

  private final class Parts: Sendable {
    let pack: RulePack
    let ladder: CELValue
    /// The pack's rules, readied for evaluation (same order as `pack.rules`).
    let rules: [CompiledRule]
    /// The ladder's kinds, as ``ResultsByKind`` keeps results; empty when no rule has
    /// results by kind, so that interventions' kinds are not looked up for nothing.
    let kinds: [String]
    let severities: [Severity]
    let scopes: [RuleScope]
    /// Per rule, how many proposal- and intervention-scoped rules come before it: where its
    /// outcomes sit among a proposal's (`proposal + intervention × interventionCount`).
    /// One more entry at the end holds the totals.
    let rulesBefore: [(proposal: Int, intervention: Int)]

    init(pack: RulePack, ladder: Ladder, resultsByKind: Bool) {
      self.pack = pack
      self.ladder = ladder.value
      let kinds = resultsByKind ? ResultsByKind.kinds(of: ladder) : nil
      rules = pack.rules.map { CompiledRule($0, principle: pack.principle($0.principleID), ladder: ladder, kinds: kinds) }
      self.kinds = rules.contains { $0.whenByKind != nil || $0.requireByKind != nil } ? kinds ?? [] : []
      severities = pack.rules.map(\.severity)
      scopes = pack.ruleScopes
      var before: [(proposal: Int, intervention: Int)] = []
      var counts = (proposal: 0, intervention: 0)
      for scope in scopes {
        before.append(counts)
        switch scope {
        case .proposal: counts.proposal += 1
        case .intervention: counts.intervention += 1
        }
      }
      rulesBefore = before + [counts]
    }
  }

  /// The pack version this evaluator judges by.
  public var pack: RulePack { parts.pack }
  private var ladder: CELValue { parts.ladder }
  private var rules: [CompiledRule] { parts.rules }
  private var kinds: [String] { parts.kinds }
  private var severities: [Severity] { parts.severities }
  private var scopes: [RuleScope] { parts.scopes }

  /// - Parameter resultsByKind: work out, as the evaluator is made, the conditions that
  ///   read only an intervention's kind, once for each kind on the ladder, for
  ///   ``scorecard(_:)`` to look up. Worth it for an evaluator that scores many proposals
  ///   (the audit), not for one.
  public init(pack: RulePack, ladder: Ladder, resultsByKind: Bool = false) {
    parts = Parts(pack: pack, ladder: ladder, resultsByKind: resultsByKind)
  }

  /// Judges a proposal that has passed the schema (`ProposalSchema.validate`).
  ///
  /// - Parameter explain: fill in messages, remedies and evidence; an audit that
  ///   only counts outcomes can skip them.
  /// - Throws: ``PrincipError/budgetExceeded(_:rule:budget:)`` when a rule's condition
  ///   takes more steps than the evaluation budget (`CELActivation.defaultStepBudget`).
  /// - Complexity: O(rules × interventions) rule evaluations.
  public func assess(_ proposal: CELValue, explain: Bool = true) throws(PrincipError) -> Assessment {
    let subjects = Subjects(proposal, ladder: ladder)
    var findings: [Finding] = []
    findings.reserveCapacity(pack.rules.count * max(1, subjects.interventions.count))
    for ruleIndex in pack.rules.indices {
      try judge(ruleAt: ruleIndex, subjects, explain: explain, into: &findings)
    }
    return Scoring.assessment(
      caseID: proposal["case_id"]?.stringValue ?? "?", pack: pack, findings: findings, interventions: subjects.values)
  }

  /// Judges a proposal that has passed the schema for its outcomes, score and verdict
  /// only: the same outcomes as ``assess(_:explain:)``, without building findings.
  /// - Throws: ``PrincipError/budgetExceeded(_:rule:budget:)``, as ``assess(_:explain:)``.
  /// - Complexity: O(rules × interventions) rule evaluations.
  public func scorecard(_ proposal: CELValue) throws(PrincipError) -> Scorecard {
    // One activation for every subject: `intervention` is rebound in place, one
    // intervention after the other, and each outcome is put in its rule-order slot.
    var activation = Self.activation(proposal, ladder: ladder)
    activation.namesUnknownPaths = false
    let justifications = proposal["justifications"]?.mapValue
    let interventions = proposal["interventions"]?.listValue ?? []
    let count = interventions.count
    // Not `init(repeating:count:)`, which looks up the array's type metadata on each call.
    var codes: [UInt8] = []
    codes.reserveCapacity(slot(rules.count, count))
    codes.append(contentsOf: repeatElement(Outcome.notApplicable.code, count: slot(rules.count, count)))
    // Through buffers: iterating the arrays themselves retains every rule, every time. The
    // buffer keeps each rule alive, so it is also called without a retain (`_withUnsafeGuaranteedRef`).
    var exceeded: PrincipError?
    rules.withUnsafeBufferPointer { rules in
      scopes.withUnsafeBufferPointer { scopes in
        codes.withUnsafeMutableBufferPointer { codes in
          for index in rules.indices where scopes[index] == .proposal {
            let code = Unmanaged.passUnretained(rules[index])._withUnsafeGuaranteedRef {
              Evaluator.code($0.evaluate(activation, justifications: justifications), &exceeded)
            }
            if code == CompiledRule.Result.exceededCode { return }
            codes[slot(index, count)] = code
          }
          var binding: Int?
          for (position, intervention) in interventions.enumerated() {
            if let binding {
              activation.rebind(at: binding, to: intervention)
            } else {
              activation.bind("intervention", to: intervention)
              binding = activation.position(of: "intervention")
            }
            var kindIndex: Int?
            if !kinds.isEmpty, case .string(let kind)? = intervention["kind"] {
              kindIndex = kinds.withUnsafeBufferPointer { ResultsByKind.index(of: kind, in: $0) }
            }
            for index in rules.indices where scopes[index] == .intervention {
              let code = Unmanaged.passUnretained(rules[index])._withUnsafeGuaranteedRef {
                Evaluator.code($0.evaluate(activation, justifications: justifications, kindIndex: kindIndex), &exceeded)
              }
              if code == CompiledRule.Result.exceededCode { return }
              codes[slot(index, count) + position] = code
            }
          }
        }
      }
    }
    if let exceeded { throw exceeded }
    return Scoring.scorecard(codes: codes, interventionCount: count, severities: severities, scopes: scopes, pack: pack)
  }

  /// A result's outcome code; for `exceeded`, ``CompiledRule/Result/exceededCode``, with
  /// the error put in `exceeded`.
  @inline(__always)
  private static func code(_ result: CompiledRule.Result, _ exceeded: inout PrincipError?) -> UInt8 {
    let code = result.code
    if code == CompiledRule.Result.exceededCode, case .exceeded(let error) = result { exceeded = error }
    return code
  }

  /// What ``scorecard(_:)`` may read of a proposal: what the rules' `when` and `require`
  /// read of `proposal`, and of each intervention as `intervention`; the list of
  /// interventions, and the justifications in full (looked up by principle and theme).
  public var fieldsRead: CELFieldUsage {
    let variables = CELFieldUsage.ofVariables(in: rules.flatMap { [$0.when?.expression, $0.require.expression].compactMap(\.self) })
    var usage = variables["proposal"] ?? .presence
    usage.formUnion(CELFieldUsage(fields: [
      "justifications": .whole,
      "interventions": CELFieldUsage(readsAnyKey: true, elements: variables["intervention"] ?? .presence),
    ]))
    return usage
  }

  /// Where rule `index`'s first outcome sits among a proposal's; `index == rules.count`
  /// gives the number of outcomes.
  @inline(__always)
  private func slot(_ index: Int, _ interventionCount: Int) -> Int {
    parts.rulesBefore[index].proposal + parts.rulesBefore[index].intervention * interventionCount
  }

  /// The findings of one rule: one for a proposal-scoped rule, one per intervention otherwise.
  /// - Throws: ``PrincipError/budgetExceeded(_:rule:budget:)``, as ``assess(_:explain:)``.
  public func findings(ofRuleAt ruleIndex: Int, in proposal: CELValue) throws(PrincipError) -> [Finding] {
    var findings: [Finding] = []
    try judge(ruleAt: ruleIndex, Subjects(proposal, ladder: ladder), explain: true, into: &findings)
    return findings
  }

  /// The variables every rule sees: `proposal` and `ladder`; fields a proposal lacks are unknown.
  private static func activation(_ proposal: CELValue, ladder: CELValue) -> CELActivation {
    var activation = CELActivation(absentFieldsAreUnknown: true)
    activation.bind("proposal", to: proposal)
    activation.bind("ladder", to: ladder)
    return activation
  }

  /// The activations of a proposal's subjects, built once and shared by every rule.
  private struct Subjects {
    let proposal: CELActivation
    let interventions: [CELActivation]
    let values: [CELValue]
    let justifications: CELMap?

    init(_ proposal: CELValue, ladder: CELValue) {
      let base = Evaluator.activation(proposal, ladder: ladder)
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

  private func judge(ruleAt ruleIndex: Int, _ subjects: Subjects, explain: Bool, into findings: inout [Finding]) throws(PrincipError) {
    let rule = rules[ruleIndex]
    switch rule.rule.scope {
    case .proposal:
      findings.append(try rule.judge(.proposal, subjects.proposal, justifications: subjects.justifications, explain: explain))
    case .intervention:
      for (index, activation) in subjects.interventions.enumerated() {
        findings.append(try rule.judge(.intervention(index), activation, justifications: subjects.justifications, explain: explain))
      }
    }
  }
}
