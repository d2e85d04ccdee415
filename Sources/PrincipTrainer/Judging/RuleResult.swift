import PrincipEngine

/// One rule's outcome for one subject, with the principle it serves and why: what the
/// trainer's tools show of a finding.
public struct RuleResult: Sendable, Hashable, Codable {
  public var ruleID: String
  public var principleID: String
  public var principleTitle: LocalizedText
  /// `proposal` or `proposal.interventions[0]`.
  public var subject: String
  public var severity: Severity
  public var outcome: Outcome
  /// Why: the rule's message (violated, justified), the missing facts (undetermined), or
  /// nothing when honoured or not applicable.
  public var reason: LocalizedText?
  /// For an undetermined rule: the facts it needs.
  public var missing: [String]

  /// The result of a finding of `pack`.
  public init(_ finding: Finding, pack: RulePack) {
    ruleID = finding.ruleID
    principleID = finding.principleID
    principleTitle = pack.principle(finding.principleID)?.title ?? LocalizedText(da: finding.principleID, en: finding.principleID)
    subject = finding.subject.path
    severity = finding.severity
    outcome = finding.outcome
    missing = finding.missing
    reason =
      switch finding.outcome {
      case .violated, .justified: finding.message
      case .undetermined:
        finding.problem.map { LocalizedText(da: $0, en: $0) }
          ?? LocalizedText(
            da: TrainerWords(.da).format(.needsFacts, finding.missing.joined(separator: ", ")),
            en: TrainerWords(.en).format(.needsFacts, finding.missing.joined(separator: ", ")))
      case .satisfied, .notApplicable: nil
      }
  }

  /// Rule and subject: what identifies a finding across two judgements of one proposal.
  public var key: String { "\(ruleID)@\(subject)" }
}

/// A rule whose outcome moved between two judgements.
public struct MovedRule: Sendable, Hashable, Codable {
  public var before: RuleResult?
  public var after: RuleResult?

  public var ruleID: String { (after ?? before)?.ruleID ?? "" }

  /// Whether the rule was or becomes broken, justified or undetermined (not merely
  /// honoured ↔ not applicable).
  public var isSerious: Bool {
    before?.outcome.isExplained ?? true || after?.outcome.isExplained ?? true
  }
  public var subject: String { (after ?? before)?.subject ?? "" }
}

/// The score, verdict and pack of one judgement.
public struct JudgementSummary: Sendable, Hashable, Codable {
  public var pack: String
  public var version: String
  public var score: Int
  public var verdict: Verdict

  public init(_ judgement: Judgement) {
    pack = judgement.pack.name
    version = judgement.pack.version
    score = judgement.assessment.score
    verdict = judgement.assessment.verdict
  }
}

extension Judgement {
  /// Every finding as a rule result, in pack order.
  public var results: [RuleResult] {
    assessment.findings.map { RuleResult($0, pack: pack) }
  }

  /// The rules whose outcome differs in `other`, in this judgement's order (then any
  /// only `other` has, e.g. for an intervention added).
  public func moved(to other: Judgement) -> [MovedRule] {
    let mine = results
    let theirs = other.results
    let theirsByKey = Dictionary(theirs.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let mineKeys = Set(mine.map(\.key))
    var moved: [MovedRule] = []
    for result in mine {
      let after = theirsByKey[result.key]
      if after?.outcome != result.outcome {
        moved.append(MovedRule(before: result, after: after))
      }
    }
    for result in theirs where !mineKeys.contains(result.key) {
      moved.append(MovedRule(before: nil, after: result))
    }
    return moved
  }
}
