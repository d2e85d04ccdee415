/// The output formats of `princip check`, each backed by a reporter.
public enum ReportFormat: String, Sendable, CaseIterable {
  /// A readable terminal report.
  case text
  /// Markdown to attach to a committee paper.
  case markdown
  /// The stable machine-readable format documented in `docs/json-report.md`.
  case json

  /// The reporter for one proposal judged by one pack.
  public var reporter: any AssessmentReporter.Type {
    switch self {
    case .text: TextReport.self
    case .markdown: MarkdownReport.self
    case .json: JSONReport.self
    }
  }

  /// The reporter for one proposal compared across packs.
  public var comparisonReporter: any ComparisonReporter.Type {
    switch self {
    case .text: ComparisonTextReport.self
    case .markdown: ComparisonMarkdownReport.self
    case .json: ComparisonJSONReport.self
    }
  }
}
