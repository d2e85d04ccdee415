/// How much breaking a rule weighs: it sets the score penalty of a violation.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
  case minor, major, critical

  /// Points a violation subtracts from 100 (a quarter of it for an undetermined rule).
  public var weight: Int {
    switch self {
    case .minor: 8
    case .major: 20
    case .critical: 40
    }
  }

  /// Score points a finding with this severity costs: the weight for a violation, a
  /// quarter of it when undetermined, nothing otherwise.
  @inline(__always)
  public func penalty(for outcome: Outcome) -> Int {
    switch outcome {
    case .violated: weight
    case .undetermined: weight / 4
    case .satisfied, .justified, .notApplicable: 0
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.weight < rhs.weight }
}

/// What a rule is checked against: the whole proposal, or each proposed intervention.
public enum RuleScope: String, Sendable, Codable, CaseIterable {
  case proposal, intervention
}
