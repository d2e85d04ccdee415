/// One proposal judged by one pack version: every finding, the scores and the verdict.
public struct Assessment: Sendable {
  /// The proposal's case id: the only identifier princip prints.
  public var caseID: String
  public var pack: PackReference
  /// Every rule's finding for every subject, in pack rule order, interventions in order.
  public var findings: [Finding]
  public var interventions: [InterventionScore]
  /// 0–100: 100 minus every finding's penalty, at least 0.
  public var score: Int
  public var verdict: Verdict

  /// The pack version and rule fingerprint a verdict was made with.
  public struct PackReference: Sendable, Hashable, Codable {
    public var name: String
    public var version: String
    public var fingerprint: String
  }

  /// The score of one proposed intervention: 100 minus the penalties of the findings about it.
  public struct InterventionScore: Sendable, Hashable {
    public var index: Int
    public var kind: String?
    public var title: String?
    public var score: Int
  }

  /// The findings whose rule could not be evaluated (``Finding/failure``): errors, which
  /// make the assessment no result.
  public var failures: [Finding] { findings.filter { $0.failure != nil } }

  /// How many findings ended in each outcome.
  public var counts: [Outcome: Int] {
    findings.reduce(into: [:]) { $0[$1.outcome, default: 0] += 1 }
  }
}
