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

  mutating func merge(_ other: GroupCounts) {
    judged += other.judged
    withViolations += other.withViolations
    scoreSum += other.scoreSum
    for index in principles.indices where index < other.principles.count {
      principles[index] = principles[index] + other.principles[index]
    }
  }
}
