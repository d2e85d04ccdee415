import CEL

/// One decision of an audit, judged — or the reason it could not be.
public struct DecisionResult: Sendable {
  /// 1-based position among all records of the audit, across its inputs.
  public var record: Int
  /// Where the record is: input file and line.
  public var location: SourceLocation
  public var outcome: Outcome

  /// A judged decision, or an error row.
  public enum Outcome: Sendable {
    case judged(Judgement)
    case error(AuditRecordError)
  }

  /// The case id, when known.
  public var caseID: String? {
    switch outcome {
    case .judged(let judgement): judgement.caseID
    case .error(let error): error.caseID
    }
  }
}

/// A decision judged by the pack version in force on its decision date.
public struct Judgement: Sendable {
  /// Index of the pack version in ``RuleLibrary/packs``.
  public var packIndex: Int
  public var decisionDate: CivilDate
  /// The proposal's case id: the only identifier princip prints.
  public var caseID: String
  /// Each finding's outcome, the score and the verdict.
  public var scorecard: Scorecard
  /// The decision's keys for the requested breakdown; a decision may fall in several
  /// groups (one per intervention kind, say).
  public var groups: [String]
  /// The validated proposal, kept only while the decision is among the most serious
  /// (the report explains those).
  public var proposal: CELValue?
}
