/// The overall reading of an assessment.
public enum Verdict: String, Sendable, Codable, CaseIterable {
  /// Every applicable principle is honoured or the deviation justified.
  case compliant
  /// No violations, but facts are missing to decide some rules.
  case needsInformation = "needs_information"
  /// Violations, with the score at or above the pack's `approve` threshold.
  case minorDeviations = "minor_deviations"
  /// Violations, with the score between the `review` and `approve` thresholds.
  case deviations
  /// Violations, with the score below the `review` threshold.
  case nonCompliant = "non_compliant"

  /// The verdict's position in `allCases`, without making that array.
  var index: Int {
    switch self {
    case .compliant: 0
    case .needsInformation: 1
    case .minorDeviations: 2
    case .deviations: 3
    case .nonCompliant: 4
    }
  }

  public var title: LocalizedText {
    switch self {
    case .compliant: LocalizedText(da: "Overholder principperne", en: "Honours the principles")
    case .needsInformation: LocalizedText(da: "Mangler oplysninger", en: "Information missing")
    case .minorDeviations: LocalizedText(da: "Mindre afvigelser", en: "Minor deviations")
    case .deviations: LocalizedText(da: "Afvigelser", en: "Deviations")
    case .nonCompliant: LocalizedText(da: "Bryder principperne", en: "Breaks the principles")
    }
  }

  /// Whether the verdict counts violations.
  public var hasViolations: Bool {
    self == .minorDeviations || self == .deviations || self == .nonCompliant
  }
}
