/// The counts of the audit's trend, by month of the decision date.
///
/// Each worker thread keeps one for the whole audit rather than one per batch: a batch's
/// decisions fall in dozens of months, and making and merging their counts for every
/// batch cost more than counting. The counts are sums, so the totals do not depend on
/// which thread counted which decision.
struct MonthlyCounts: Sendable {
  /// By `year × 12 + month − 1` (cheaper than text per decision).
  private(set) var byMonth: [Int: GroupCounts] = [:]
  private let principleCount: Int

  init(principleCount: Int) {
    self.principleCount = principleCount
  }

  /// Counts a judged decision: its score, whether it has violations, and the most serious
  /// outcome of each principle it touched (`outcomes`, as ``AuditTally/add(_:outcomes:)``
  /// takes them).
  mutating func add(_ judgement: Judgement, outcomes: [(slot: Int, outcome: Outcome)]) {
    let key = judgement.decisionDate.year * 12 + judgement.decisionDate.month - 1
    byMonth.count(key, principleCount: principleCount, judgement.scorecard, outcomes)
  }

  mutating func merge(_ other: MonthlyCounts) {
    for (key, counts) in other.byMonth { byMonth[key, default: GroupCounts(principleCount: principleCount)].merge(counts) }
  }
}
