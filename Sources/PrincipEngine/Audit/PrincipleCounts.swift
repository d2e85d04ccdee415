/// How the decisions of an audit fared against one principle.
///
/// A decision counts once per principle, with the most serious outcome among the
/// principle's rules and subjects (violated, then undetermined, then justified, then
/// satisfied); a decision where every such rule was not applicable does not count.
public struct PrincipleCounts: Sendable, Hashable {
  public var satisfied = 0
  public var violated = 0
  public var justified = 0
  public var undetermined = 0

  public init(satisfied: Int = 0, violated: Int = 0, justified: Int = 0, undetermined: Int = 0) {
    self.satisfied = satisfied
    self.violated = violated
    self.justified = justified
    self.undetermined = undetermined
  }

  /// Decisions the principle applied to.
  public var applicable: Int { satisfied + violated + justified + undetermined }

  /// Violated among applicable decisions, 0–1; `nil` when it applied to none.
  public var violationRate: Double? {
    applicable > 0 ? Double(violated) / Double(applicable) : nil
  }

  /// Counts one decision's outcome for the principle.
  public mutating func add(_ outcome: Outcome) {
    switch outcome {
    case .satisfied: satisfied += 1
    case .violated: violated += 1
    case .justified: justified += 1
    case .undetermined: undetermined += 1
    case .notApplicable: break
    }
  }

  public static func + (lhs: Self, rhs: Self) -> Self {
    PrincipleCounts(
      satisfied: lhs.satisfied + rhs.satisfied, violated: lhs.violated + rhs.violated,
      justified: lhs.justified + rhs.justified, undetermined: lhs.undetermined + rhs.undetermined)
  }
}
