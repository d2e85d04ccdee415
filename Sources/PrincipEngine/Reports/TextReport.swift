/// The readable terminal report: header, score and verdict, then the findings grouped by
/// outcome, most serious first, each broken principle with its quote, the facts that
/// decided it and the remedy.
public enum TextReport: AssessmentReporter {
  public static let identifier = "text"

  public static func generateReport(_ report: AssessmentReport, in language: Language) -> String {
    let words = ReportWords(language)
    let assessment = report.assessment
    var out: [String] = []
    out.append("\(words.report) · \(words.caseID) \(assessment.caseID)")
    if let file = report.file { out.append("\(words.file): \(file)") }
    out.append("\(words.municipality): \(report.pack.municipality[language])")
    out.append("\(words.policy): \(report.pack.policyLine(in: language))")
    out.append(
      "\(words.rulePack): \(assessment.pack.name) \(assessment.pack.version) · "
        + "\(words.fingerprint) \(assessment.pack.fingerprint.prefix(12))")
    out.append("")
    out.append("\(words.score): \(words.scoreLine(assessment.score, assessment.verdict))")
    for entry in assessment.interventions {
      let kind = report.kindName(entry.index, in: language).map { " · \($0)" } ?? ""
      let line =
        "\(words.interventionTitle) \(entry.index + 1): \(entry.score)/100 — \(report.interventionName(entry.index, in: language))\(kind)"
      out.append(TextLayout.wrap(line, indent: "      ", firstIndent: "  "))
    }

    out += factsToAdd(report, words)

    for group in report.findingsByOutcome {
      out.append("")
      // Satisfied and not-applicable findings are summed up per principle.
      let count = group.outcome.isExplained ? group.findings.count : FindingSummary.byPrinciple(group.findings).count
      out.append("\(words.heading(group.outcome)) (\(count))")
      out.append(String(repeating: "─", count: words.heading(group.outcome).count + 4))
      switch group.outcome {
      case .violated, .undetermined, .justified:
        for finding in group.findings {
          out.append(explained(finding, report, words))
        }
      case .satisfied:
        for (principleID, subjects) in FindingSummary.byPrinciple(group.findings) {
          let title = report.pack.principle(principleID)?.title[language] ?? principleID
          out.append(
            TextLayout.wrap(
              "✓ \(title) · \(FindingSummary.subjectList(subjects, words))", indent: "    ", firstIndent: ""))
        }
      case .notApplicable:
        let titles = FindingSummary.byPrinciple(group.findings).map {
          report.pack.principle($0.principleID)?.title[language] ?? $0.principleID
        }
        out.append(TextLayout.wrap(titles.joined(separator: "; "), indent: "  "))
      }
    }

    let unchecked = report.pack.principles.filter { $0.notCheckableReason != nil }
    if !unchecked.isEmpty {
      out.append("")
      out.append("\(words.notCheckableTitle): \(unchecked.count)")
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Several reports, separated by a double rule.
  public static func generateReport(_ reports: [AssessmentReport], in language: Language) -> String {
    reports.map { generateReport($0, in: language) }
      .joined(separator: "\n" + String(repeating: "═", count: TextLayout.width) + "\n\n")
  }

  /// A broken, justified or undetermined finding with everything that explains it.
  private static func explained(_ finding: Finding, _ report: AssessmentReport, _ words: ReportWords) -> String {
    let language = words.language
    var lines: [String] = [""]
    lines.append(
      "\(finding.outcome.symbol) \(report.principleTitle(of: finding, in: language)) · "
        + "\(words.severity(finding.severity)) · \(scope(finding, report, words))")
    if let principle = report.principle(of: finding) {
      lines.append(TextLayout.wrap("«\(principle.quote)»", indent: "   ", firstIndent: "  "))
      lines.append(TextLayout.wrap("— \(principle.source)", indent: "      ", firstIndent: "    "))
    }
    if let message = finding.message?[language] {
      lines.append(TextLayout.wrap(message, indent: "  "))
    }
    if let justification = finding.justification {
      lines.append(TextLayout.wrap("\(words.justification): \"\(justification)\"", indent: "    ", firstIndent: "  "))
    }
    if !finding.missing.isEmpty {
      lines.append(
        TextLayout.wrap("\(words.needs): \(finding.missing.joined(separator: ", "))", indent: "    ", firstIndent: "  ")
      )
    }
    if let problem = finding.problem {
      lines.append(TextLayout.wrap("\(words.problem): \(problem)", indent: "    ", firstIndent: "  "))
    }
    if !finding.evidence.isEmpty {
      lines.append("  \(words.facts):")
      for evidence in finding.evidence {
        if let records = evidence.displayRecords(in: language) {
          lines.append("    \(evidence.path):")
          for record in records { lines.append(TextLayout.wrap(record, indent: "        ", firstIndent: "      • ")) }
        } else {
          let value = evidence.displayValue(in: language) ?? "(\(words.missingValue))"
          lines.append(TextLayout.wrap("\(evidence.path): \(value)", indent: "        ", firstIndent: "    "))
        }
      }
    }
    if let remedy = finding.remedy?[language] {
      lines.append(TextLayout.wrap("\(words.remedy): \(remedy)", indent: "    ", firstIndent: "  "))
    }
    return lines.joined(separator: "\n")
  }

  /// The facts the undetermined findings need, each with the line to write.
  private static func factsToAdd(_ report: AssessmentReport, _ words: ReportWords) -> [String] {
    let facts = report.factsToAdd
    guard !facts.isEmpty else { return [] }
    let language = words.language
    var lines = ["", "\(words.toAddTitle) (\(facts.count))", String(repeating: "─", count: words.toAddTitle.count + 4)]
    lines.append(TextLayout.wrap(words.toAddIntro, indent: ""))
    for (number, fact) in facts.enumerated() {
      let titles = fact.principleIDs.map { report.pack.principle($0)?.title[language] ?? $0 }
      lines.append(TextLayout.wrap("\(number + 1). \(report.place(of: fact, in: language)):", indent: "   ", firstIndent: "  "))
      lines.append("       \(fact.yaml(schema: report.schema, in: language))")
      if let none = fact.noneYAML(schema: report.schema) {
        lines.append("       (\(words.orIfNone): \(none))")
      }
      lines.append(TextLayout.wrap("\(words.settles): \(titles.joined(separator: "; "))", indent: "       ", firstIndent: "     "))
    }
    return lines
  }

  /// `hele indstillingen` or `indsats 2: Bostøtte`
  private static func scope(_ finding: Finding, _ report: AssessmentReport, _ words: ReportWords) -> String {
    report.subjectName(finding.subject, in: words.language)
  }
}
