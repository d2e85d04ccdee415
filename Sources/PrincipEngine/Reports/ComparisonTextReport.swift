/// The comparison matrix on the terminal: one row per theme, one column per municipality,
/// then each pack's score and verdict.
public enum ComparisonTextReport: ComparisonReporter {
  public static let identifier = "text"

  public static func generateReport(_ comparison: Comparison, in language: Language) -> String {
    let words = ReportWords(language)
    let headings = comparison.columns.map { $0.shortMunicipality(in: language) }
    let labelWidth = max(words.theme.count, comparison.rows.map { $0.title[language].count }.max() ?? 0) + 2
    let widths = headings.map { max($0.count, 7) + 2 }

    func line(_ label: String, _ cells: [String]) -> String {
      (TextLayout.pad(label, labelWidth) + zip(cells, widths).map { TextLayout.center($0, $1) }.joined())
        .trailingWhitespaceRemoved
    }
    let rule = String(repeating: "─", count: labelWidth + widths.reduce(0, +))

    var out: [String] = []
    out.append("\(words.comparison) · \(words.caseID) \(comparison.caseID) · \(words.acrossPolicies)")
    if let file = comparison.file { out.append("\(words.file): \(file)") }
    out.append("")
    out.append(line(words.theme, headings))
    out.append(rule)
    for row in comparison.rows {
      out.append(line(row.title[language], row.cells.map { $0.outcome?.symbol ?? Outcome.notApplicable.symbol }))
    }
    out.append(rule)
    out.append(line(words.score, comparison.columns.map { String($0.assessment.score) }))
    out.append("")
    let legend =
      [Outcome.satisfied, .violated, .justified, .undetermined].map { "\($0.symbol) \(words.outcome($0))" }
      + ["\(Outcome.notApplicable.symbol) \(words.notCovered)"]
    out.append(TextLayout.wrap("\(words.legend): " + legend.joined(separator: " · "), indent: "  ", firstIndent: ""))
    out.append("")
    let nameWidth = (comparison.columns.map { $0.pack.municipality[language].count }.max() ?? 0) + 2
    for column in comparison.columns {
      let assessment = column.assessment
      out.append(
        TextLayout.pad(column.pack.municipality[language], nameWidth)
          + words.scoreLine(assessment.score, assessment.verdict))
      out.append(
        String(repeating: " ", count: nameWidth)
          + "\(words.rulePack) \(assessment.pack.name) \(assessment.pack.version) · "
          + "\(words.fingerprint) \(assessment.pack.fingerprint.prefix(12))")
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Several comparisons, separated by a double rule.
  public static func generateReport(_ comparisons: [Comparison], in language: Language) -> String {
    comparisons.map { generateReport($0, in: language) }
      .joined(separator: "\n" + String(repeating: "═", count: TextLayout.width) + "\n\n")
  }
}
