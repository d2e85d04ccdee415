/// The counts of a set of decisions: a breakdown group, or a month of the trend.
public struct GroupCounts: Sendable, Hashable {
  /// Decisions judged.
  public var judged = 0
  /// Judged decisions with at least one violation.
  public var withViolations = 0
  /// The sum of their scores (for the mean).
  public var scoreSum = 0
  /// Per principle, indexed like ``PrincipleTable/entries``.
  public var principles: [PrincipleCounts]

  init(principleCount: Int) {
    principles = Array(repeating: PrincipleCounts(), count: principleCount)
  }

  /// Share of judged decisions with a violation, 0–1; `nil` when none were judged.
  public var violationShare: Double? {
    judged > 0 ? Double(withViolations) / Double(judged) : nil
  }

  /// The mean score, `nil` when none were judged.
  public var meanScore: Double? {
    judged > 0 ? Double(scoreSum) / Double(judged) : nil
  }

  /// Counts one judged decision: `outcomes` holds the most serious outcome of each
  /// principle it touched, by slot.
  mutating func count(_ scorecard: Scorecard, _ outcomes: [(slot: Int, outcome: Outcome)]) {
    judged += 1
    scoreSum += scorecard.score
    if scorecard.verdict.hasViolations { withViolations += 1 }
    for (slot, outcome) in outcomes { principles[slot].add(outcome) }
  }

  mutating func merge(_ other: GroupCounts) {
    judged += other.judged
    withViolations += other.withViolations
    scoreSum += other.scoreSum
    for index in principles.indices where index < other.principles.count {
      principles[index] = principles[index] + other.principles[index]
    }
  }
}

extension Dictionary where Value == GroupCounts {
  /// Counts a judged decision under `key`, in place; the key's counts are made the first time.
  mutating func count(_ key: Key, principleCount: Int, _ scorecard: Scorecard, _ outcomes: [(slot: Int, outcome: Outcome)]) {
    if let index = index(forKey: key) {
      values[index].count(scorecard, outcomes)
    } else {
      var fresh = GroupCounts(principleCount: principleCount)
      fresh.count(scorecard, outcomes)
      self[key] = fresh
    }
  }
}
