extension Outcome {
  /// The one-character mark of the comparison matrix and the report headings.
  public var symbol: String {
    switch self {
    case .satisfied: "✓"
    case .violated: "✗"
    case .justified: "J"
    case .undetermined: "?"
    case .notApplicable: "–"
    }
  }

  /// Whether a report explains each finding with this outcome (quote, facts, remedy),
  /// rather than summing them up per principle.
  public var isExplained: Bool {
    self == .violated || self == .undetermined || self == .justified
  }
}
