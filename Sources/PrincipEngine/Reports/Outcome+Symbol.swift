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
}
