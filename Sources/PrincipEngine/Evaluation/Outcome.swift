/// How one rule ends for one subject (the proposal, or one intervention).
public enum Outcome: String, Sendable, Codable, CaseIterable, Comparable {
  /// The rule applies and its requirement holds.
  case satisfied
  /// The requirement fails.
  case violated
  /// The requirement fails, but the proposal documents a justification the rule accepts.
  case justified
  /// The rule's `when` is false.
  case notApplicable = "not_applicable"
  /// Facts the rule needs are missing: the finding names them.
  case undetermined

  /// Sort order for reports: the most serious first.
  private var rank: Int {
    switch self {
    case .violated: 0
    case .undetermined: 1
    case .justified: 2
    case .satisfied: 3
    case .notApplicable: 4
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

  /// The outcome as one byte, for ``Scorecard``'s storage.
  @inline(__always)
  var code: UInt8 {
    switch self {
    case .satisfied: 0
    case .violated: 1
    case .justified: 2
    case .notApplicable: 3
    case .undetermined: 4
    }
  }

  /// The outcome of a ``code``.
  @inline(__always)
  init(code: UInt8) {
    switch code {
    case 0: self = .satisfied
    case 1: self = .violated
    case 2: self = .justified
    case 3: self = .notApplicable
    default: self = .undetermined
    }
  }
}
