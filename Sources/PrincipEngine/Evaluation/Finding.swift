import CEL

/// What a finding is about: the whole proposal, or one proposed intervention.
public enum Subject: Sendable, Hashable, Comparable {
  case proposal
  /// The intervention at this index of `proposal.interventions`.
  case intervention(Int)

  /// The CEL path of the subject: `proposal` or `proposal.interventions[2]`.
  public var path: String {
    switch self {
    case .proposal: "proposal"
    case .intervention(let index): index < Self.interventionPaths.count ? Self.interventionPaths[index] : "proposal.interventions[\(index)]"
    }
  }

  /// The paths of the first interventions, made once: every proposal's subjects need them.
  private static let interventionPaths = (0..<64).map { "proposal.interventions[\($0)]" }
}

/// A fact of the proposal that decided a finding: its path and value (`nil` when missing).
public struct Evidence: Sendable, Hashable {
  public var path: String
  public var value: CELValue?
}

/// The result of one rule for one subject, with everything needed to explain it.
public struct Finding: Sendable {
  public var ruleID: String
  public var principleID: String
  public var severity: Severity
  public var subject: Subject
  public var outcome: Outcome
  /// For `undetermined`: the fields the rule needs, as CEL paths.
  public var missing: [String]
  /// The facts the rule read, with their values.
  public var evidence: [Evidence]
  /// For `justified`: the proposal's documented reason.
  public var justification: String?
  /// The rule's message with the facts filled in (violated and justified findings).
  public var message: LocalizedText?
  /// What would mend it (violated, justified and undetermined findings).
  public var remedy: LocalizedText?
  /// Why the rule could not be evaluated (a rule or data problem, not missing facts),
  /// in English: ``failure``'s text. Such a finding is an error, not a result:
  /// `check` refuses the proposal and `audit` makes it an error row.
  public var problem: String?
  /// Why the rule could not be evaluated, when it could not.
  public var failure: RuleFailure?

  /// Score points this finding costs: the severity's weight for a violation, a quarter
  /// of it when undetermined, nothing otherwise.
  public var penalty: Int { severity.penalty(for: outcome) }
}
