/// The comparison matrix in Markdown: the theme table, each pack's score and verdict, and
/// which principles of each pack stand behind each cell.
public enum ComparisonMarkdownReport: ComparisonReporter {
  public static let identifier = "markdown"

  public static func generateReport(_ comparison: Comparison, in language: Language) -> String {
    let words = ReportWords(language)
    let columns = comparison.columns
    var out: [String] = []
    out.append("# \(words.comparison) · \(words.caseID) \(Markdown.inline(comparison.caseID))")
    out.append("")
    out.append("*\(words.acrossPolicies.prefix(1).uppercased() + words.acrossPolicies.dropFirst())*")
    if let file = comparison.file { out += ["", "\(words.file): \(Markdown.code(file))"] }
    out.append("")
    out.append(
      "| \(words.theme) | " + columns.map { Markdown.cell($0.shortMunicipality(in: language)) }.joined(separator: " | ")
        + " |")
    out.append("|---|" + String(repeating: ":---:|", count: columns.count))
    for row in comparison.rows {
      let cells = row.cells.map { $0.outcome?.symbol ?? Outcome.notApplicable.symbol }
      out.append("| \(Markdown.cell(row.title[language])) | " + cells.joined(separator: " | ") + " |")
    }
    out.append("| **\(words.score)** | " + columns.map { "**\($0.assessment.score)**" }.joined(separator: " | ") + " |")
    out.append("")
    let legend =
      [Outcome.satisfied, .violated, .justified, .undetermined].map { "\($0.symbol) \(words.outcome($0))" }
      + ["\(Outcome.notApplicable.symbol) \(words.notCovered)"]
    out.append("\(words.legend): " + legend.joined(separator: " · "))

    out += [
      "", "## \(words.verdict)", "",
      "| \(words.municipality) | \(words.rulePack) | \(words.fingerprintTitle) | \(words.score) | \(words.verdict) |",
      "|---|---|---|---:|---|",
    ]
    for column in columns {
      let assessment = column.assessment
      out.append(
        "| \(Markdown.cell(column.pack.municipality[language])) | \(Markdown.code(assessment.pack.name)) \(Markdown.cell(assessment.pack.version)) | "
          + "\(Markdown.code(String(assessment.pack.fingerprint.prefix(12)))) | \(assessment.score)/100 | \(assessment.verdict.title[language]) |"
      )
    }

    out += ["", "## \(words.principles)"]
    for row in comparison.rows {
      let entries = zip(columns, row.cells).flatMap { column, cell in
        cell.principles.map { result in
          let outcome = result.outcome.map { "\($0.symbol) \(words.outcome($0))" } ?? "– \(words.notCheckable)"
          return
            "- \(Markdown.inline(column.shortMunicipality(in: language))) — \(Markdown.inline(result.principle.title[language])): \(outcome)"
        }
      }
      out += ["", "### \(Markdown.inline(row.title[language]))", ""] + entries
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Several comparisons, separated by a horizontal rule.
  public static func generateReport(_ comparisons: [Comparison], in language: Language) -> String {
    comparisons.map { generateReport($0, in: language) }.joined(separator: "\n---\n\n")
  }
}
