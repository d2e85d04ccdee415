/// Renders assessments in one output format.
///
/// Each format is one small type (`TextReport`, `MarkdownReport`, `JSONReport`), as
/// SwiftLint's reporters are: the engine returns values, a reporter turns them into
/// text, and the command line decides where the text goes. Reporters never print.
public protocol AssessmentReporter {
  /// The format's name on the command line: `text`, `markdown`, `json`.
  static var identifier: String { get }

  /// One proposal's report.
  static func generateReport(_ report: AssessmentReport, in language: Language) -> String

  /// Several proposals' reports as one document, in the order given.
  static func generateReport(_ reports: [AssessmentReport], in language: Language) -> String
}

extension AssessmentReporter {
  /// Reports one after another, separated by a blank line.
  public static func generateReport(_ reports: [AssessmentReport], in language: Language) -> String {
    reports.map { generateReport($0, in: language) }.joined(separator: "\n")
  }
}

/// Renders the comparison of one proposal across every pack, in one output format.
public protocol ComparisonReporter {
  /// The format's name on the command line: `text`, `markdown`, `json`.
  static var identifier: String { get }

  /// One proposal's comparison.
  static func generateReport(_ comparison: Comparison, in language: Language) -> String

  /// Several proposals' comparisons as one document, in the order given.
  static func generateReport(_ comparisons: [Comparison], in language: Language) -> String
}

extension ComparisonReporter {
  /// Comparisons one after another, separated by a blank line.
  public static func generateReport(_ comparisons: [Comparison], in language: Language) -> String {
    comparisons.map { generateReport($0, in: language) }.joined(separator: "\n")
  }
}
