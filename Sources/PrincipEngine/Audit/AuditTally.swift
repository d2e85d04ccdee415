/// The running count of an audit. Each worker tallies its own batches; tallies are merged
/// in input order, and every count is an integer, so the totals do not depend on how many
/// threads did the work.
struct AuditTally: Sendable {
  var read = 0
  var judged = 0
  var errors = 0
  /// Judged decisions per verdict, indexed like `Verdict.allCases`.
  var verdicts = [Int](repeating: 0, count: Verdict.allCases.count)
  /// The requested breakdown, by group key.
  var groups: [String: GroupCounts] = [:]
  /// Judged decisions per pack version, indexed like ``RuleLibrary/packs``.
  var byPack: [GroupCounts]
  private let principleCount: Int
  var firstDate: CivilDate?
  var lastDate: CivilDate?
  /// The first error rows, in input order.
  var firstErrors: [AuditRecordError] = []
  var serious: SeriousDecisions

  static let keptErrors = 20

  init(principleCount: Int, packCount: Int, keepSerious: Int) {
    self.principleCount = principleCount
    byPack = Array(repeating: GroupCounts(principleCount: principleCount), count: packCount)
    serious = SeriousDecisions(capacity: keepSerious)
  }

  /// Every judged decision: the sum over the pack versions (each decision is counted
  /// once, under the version that judged it).
  var all: GroupCounts {
    byPack.reduce(into: GroupCounts(principleCount: principleCount)) { $0.merge($1) }
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
      verdicts[assessment.verdict.index] += 1
      if firstDate.map({ judgement.decisionDate < $0 }) ?? true { firstDate = judgement.decisionDate }
      if lastDate.map({ judgement.decisionDate > $0 }) ?? true { lastDate = judgement.decisionDate }
      byPack[judgement.packIndex].count(assessment, outcomes)
      for group in judgement.groups { groups.count(group, principleCount: principleCount, assessment, outcomes) }
      serious.consider(result)
    }
  }

  /// Adds the tally of the records that follow this one's in the input.
  mutating func merge(_ later: AuditTally) {
    read += later.read
    judged += later.judged
    errors += later.errors
    for index in verdicts.indices { verdicts[index] += later.verdicts[index] }
    for (key, counts) in later.groups { groups[key, default: GroupCounts(principleCount: principleCount)].merge(counts) }
    for index in byPack.indices { byPack[index].merge(later.byPack[index]) }
    if let date = later.firstDate, firstDate.map({ date < $0 }) ?? true { firstDate = date }
    if let date = later.lastDate, lastDate.map({ date > $0 }) ?? true { lastDate = date }
    firstErrors += later.firstErrors.prefix(Self.keptErrors - firstErrors.count)
    serious.merge(later.serious)
  }
}
