/// The running count of an audit. Each worker tallies its own batches; tallies are merged
/// in input order, and every count is an integer, so the totals do not depend on how many
/// threads did the work.
struct AuditTally: Sendable {
  var read = 0
  var judged = 0
  var errors = 0
  /// Judged decisions per verdict, indexed like `Verdict.allCases`.
  var verdicts = [Int](repeating: 0, count: Verdict.allCases.count)
  var all: GroupCounts
  /// The requested breakdown, by group key.
  var groups: [String: GroupCounts] = [:]
  /// The trend, by month: the key is `year × 12 + month − 1` (cheaper than text per decision).
  var months: [Int: GroupCounts] = [:]
  /// Judged decisions per pack version, indexed like ``RuleLibrary/packs``.
  var byPack: [GroupCounts]
  var firstDate: CivilDate?
  var lastDate: CivilDate?
  /// The first error rows, in input order.
  var firstErrors: [AuditRecordError] = []
  var serious: SeriousDecisions

  static let keptErrors = 20

  init(principleCount: Int, packCount: Int, keepSerious: Int) {
    all = GroupCounts(principleCount: principleCount)
    byPack = Array(repeating: GroupCounts(principleCount: principleCount), count: packCount)
    serious = SeriousDecisions(capacity: keepSerious)
  }

  /// Counts one record.
  mutating func add(_ result: DecisionResult, outcomes: [(slot: Int, outcome: Outcome)]) {
    read += 1
    switch result.outcome {
    case .error(let error):
      errors += 1
      if firstErrors.count < Self.keptErrors { firstErrors.append(error) }
    case .judged(let judgement):
      judged += 1
      let assessment = judgement.scorecard
      if let index = Verdict.allCases.firstIndex(of: assessment.verdict) { verdicts[index] += 1 }
      if firstDate.map({ judgement.decisionDate < $0 }) ?? true { firstDate = judgement.decisionDate }
      if lastDate.map({ judgement.decisionDate > $0 }) ?? true { lastDate = judgement.decisionDate }
      let violating = assessment.verdict.hasViolations
      Self.count(&all, score: assessment.score, violating: violating, outcomes)
      Self.count(&byPack[judgement.packIndex], score: assessment.score, violating: violating, outcomes)
      for group in judgement.groups {
        Self.count(&groups[group, default: GroupCounts(principleCount: all.principles.count)], score: assessment.score, violating: violating, outcomes)
      }
      let month = judgement.decisionDate.year * 12 + judgement.decisionDate.month - 1
      Self.count(&months[month, default: GroupCounts(principleCount: all.principles.count)], score: assessment.score, violating: violating, outcomes)
      serious.consider(result)
    }
  }

  private static func count(_ counts: inout GroupCounts, score: Int, violating: Bool, _ outcomes: [(slot: Int, outcome: Outcome)]) {
    counts.judged += 1
    counts.scoreSum += score
    if violating { counts.withViolations += 1 }
    for (slot, outcome) in outcomes { counts.principles[slot].add(outcome) }
  }

  /// Adds the tally of the records that follow this one's in the input.
  mutating func merge(_ later: AuditTally) {
    read += later.read
    judged += later.judged
    errors += later.errors
    for index in verdicts.indices { verdicts[index] += later.verdicts[index] }
    all.merge(later.all)
    for (key, counts) in later.groups { groups[key, default: GroupCounts(principleCount: all.principles.count)].merge(counts) }
    for (key, counts) in later.months { months[key, default: GroupCounts(principleCount: all.principles.count)].merge(counts) }
    for index in byPack.indices { byPack[index].merge(later.byPack[index]) }
    if let date = later.firstDate, firstDate.map({ date < $0 }) ?? true { firstDate = date }
    if let date = later.lastDate, lastDate.map({ date > $0 }) ?? true { lastDate = date }
    firstErrors += later.firstErrors.prefix(Self.keptErrors - firstErrors.count)
    serious.merge(later.serious)
  }
}
