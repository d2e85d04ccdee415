import PrincipEngine

/// The exit status of `princip check` (docs/exit-codes.md). With several proposals the
/// worst wins: invalid input, then violations, then missing facts, then a pass.
enum CheckStatus: Int32, Comparable {
  /// Every principle honoured, or the deviation justified.
  case passed = 0
  /// Violations found.
  case violations = 1
  /// Invalid input or usage.
  case invalid = 2
  /// No violations, but facts are missing to decide some principles.
  case undetermined = 3

  /// The status a verdict gives.
  init(_ verdict: Verdict) {
    self = verdict.hasViolations ? .violations : verdict == .needsInformation ? .undetermined : .passed
  }

  /// The worst status over every pack of a comparison.
  init(comparing comparison: Comparison) {
    self = comparison.columns.map { CheckStatus($0.assessment.verdict) }.max() ?? .passed
  }

  /// Keeps the worse of the two.
  mutating func record(_ other: CheckStatus) {
    self = max(self, other)
  }

  private var badness: Int {
    switch self {
    case .passed: 0
    case .undetermined: 1
    case .violations: 2
    case .invalid: 3
    }
  }

  static func < (lhs: Self, rhs: Self) -> Bool { lhs.badness < rhs.badness }
}
