/// The report to attach to a committee paper: the content of the terminal report with
/// headings, a table of principles and outcomes, and the policy quoted in blockquotes.
public enum MarkdownReport: AssessmentReporter {
  public static let identifier = "markdown"

  public static func generateReport(_ report: AssessmentReport, in language: Language) -> String {
    let words = ReportWords(language)
    let assessment = report.assessment
    var out: [String] = []
    out.append("# \(words.report) · \(words.caseID) \(Markdown.inline(assessment.caseID))")
    out.append("")
    out.append("| | |")
    out.append("|---|---|")
    out.append("| \(words.municipality) | \(Markdown.cell(report.pack.municipality[language])) |")
    out.append("| \(words.policy) | \(Markdown.cell(report.pack.policyLine(in: language))) |")
    out.append(
      "| \(words.rulePack) | \(Markdown.code(assessment.pack.name)) \(Markdown.cell(assessment.pack.version)) |")
    out.append("| \(words.fingerprintTitle) | `\(assessment.pack.fingerprint)` |")
    if let file = report.file { out.append("| \(words.file) | \(Markdown.code(file)) |") }
    out.append("| **\(words.score)** | **\(words.scoreLine(assessment.score, assessment.verdict))** |")

    if !assessment.interventions.isEmpty {
      out += [
        "", "## \(words.interventions)", "", "| # | \(words.interventionTitle) | \(words.kind) | \(words.score) |",
        "|---:|---|---|---:|",
      ]
      for entry in assessment.interventions {
        out.append(
          "| \(entry.index + 1) | \(Markdown.cell(report.interventionName(entry.index, in: language))) | "
            + "\(Markdown.cell(report.kindName(entry.index, in: language) ?? "")) | \(entry.score)/100 |")
      }
    }

    out += [
      "", "## \(words.principles)", "", "| \(words.principle) | \(words.outcome) | \(words.severity) |",
      "|---|---|---|",
    ]
    // Most serious first; principles no proposal can show are listed after the findings.
    let results = report.principleResults.enumerated().filter { $0.element.principle.notCheckableReason == nil }
      .sorted { ($0.element.outcome ?? .notApplicable, $0.offset) < ($1.element.outcome ?? .notApplicable, $1.offset) }
      .map(\.element)
    for result in results {
      let outcome = result.outcome.map { "\($0.symbol) \(words.outcome($0))" } ?? "–"
      let severity = result.severity.map(words.severity) ?? ""
      out.append("| \(Markdown.cell(result.principle.title[language])) | \(outcome) | \(severity) |")
    }

    let facts = report.factsToAdd
    if !facts.isEmpty {
      out += ["", "## \(words.toAddTitle) (\(facts.count))", "", Markdown.inline(words.toAddIntro), ""]
      for (number, fact) in facts.enumerated() {
        let titles = fact.principleIDs.map { Markdown.inline(report.pack.principle($0)?.title[language] ?? $0) }
        let none = fact.noneYAML(schema: report.schema).map { " (\(words.orIfNone): \(Markdown.code($0)))" } ?? ""
        out.append(
          "\(number + 1). \(Markdown.inline(report.place(of: fact, in: language))): "
            + "\(Markdown.code(fact.yaml(schema: report.schema, in: language)))\(none) — \(words.settles): \(titles.joined(separator: "; "))")
      }
    }

    for group in report.findingsByOutcome {
      let count = group.outcome.isExplained ? group.findings.count : FindingSummary.byPrinciple(group.findings).count
      out += ["", "## \(group.outcome.symbol) \(words.heading(group.outcome)) (\(count))"]
      switch group.outcome {
      case .violated, .undetermined, .justified:
        for finding in group.findings { out.append(explained(finding, report, words)) }
      case .satisfied:
        out.append("")
        for (principleID, subjects) in FindingSummary.byPrinciple(group.findings) {
          let title = report.pack.principle(principleID)?.title[language] ?? principleID
          out.append("- \(Markdown.inline(title)) — \(FindingSummary.subjectList(subjects, words))")
        }
      case .notApplicable:
        out.append("")
        for (principleID, _) in FindingSummary.byPrinciple(group.findings) {
          out.append("- \(Markdown.inline(report.pack.principle(principleID)?.title[language] ?? principleID))")
        }
      }
    }
    let unchecked = report.pack.principles.filter { $0.notCheckableReason != nil }
    if !unchecked.isEmpty {
      out += ["", "## \(words.notCheckableTitle) (\(unchecked.count))", ""]
      for principle in unchecked {
        let reason = principle.notCheckableReason.map { " — \(Markdown.inline($0[language]))" } ?? ""
        out.append("- **\(Markdown.inline(principle.title[language]))**\(reason)")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Several reports, separated by a horizontal rule.
  public static func generateReport(_ reports: [AssessmentReport], in language: Language) -> String {
    reports.map { generateReport($0, in: language) }.joined(separator: "\n---\n\n")
  }

  private static func explained(_ finding: Finding, _ report: AssessmentReport, _ words: ReportWords) -> String {
    let language = words.language
    var lines: [String] = ["", "### \(Markdown.inline(report.principleTitle(of: finding, in: language)))", ""]
    lines.append(
      "*\(words.severity(finding.severity)) · \(Markdown.inline(report.subjectName(finding.subject, in: language)))*")
    if let principle = report.principle(of: finding) {
      lines += ["", "> «\(Markdown.inline(principle.quote))»", ">", "> — \(Markdown.inline(principle.source))"]
    }
    if let message = finding.message?[language] { lines += ["", Markdown.inline(message)] }
    if let justification = finding.justification {
      lines += ["", "**\(words.justification):** \(Markdown.inline(justification))"]
    }
    if !finding.missing.isEmpty {
      lines += ["", "**\(words.needs):** " + finding.missing.map(Markdown.code).joined(separator: ", ")]
    }
    if let problem = finding.problem { lines += ["", "**\(words.problem):** \(Markdown.inline(problem))"] }
    if !finding.evidence.isEmpty {
      lines += ["", "**\(words.facts):**", ""]
      for evidence in finding.evidence {
        if let records = evidence.displayRecords(in: language) {
          lines.append("- \(Markdown.code(evidence.path)):")
          lines += records.map { "  - \(Markdown.inline($0))" }
        } else {
          let value = evidence.displayValue(in: language).map(Markdown.inline) ?? "*\(words.missingValue)*"
          lines.append("- \(Markdown.code(evidence.path)): \(value)")
        }
      }
    }
    if let remedy = finding.remedy?[language] { lines += ["", "**\(words.remedy):** \(Markdown.inline(remedy))"] }
    return lines.joined(separator: "\n")
  }
}
