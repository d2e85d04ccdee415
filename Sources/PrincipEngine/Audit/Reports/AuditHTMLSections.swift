/// The later sections of the HTML report: breakdown, most serious decisions, error rows.
enum AuditHTMLSections {
  /// The trend's periods: months for up to three years, quarters beyond.
  static func periods(_ months: [(key: String, counts: GroupCounts)]) -> [(key: String, counts: GroupCounts)] {
    guard months.count > 36 else { return months }
    var quarters: [(key: String, counts: GroupCounts)] = []
    for (key, counts) in months {
      let parts = key.split(separator: "-")
      let quarter = parts.count == 2 ? "\(parts[0])-Q\(((Int(parts[1]) ?? 1) - 1) / 3 + 1)" : key
      if quarters.last?.key == quarter {
        quarters[quarters.count - 1].counts.merge(counts)
      } else {
        quarters.append((quarter, counts))
      }
    }
    return quarters
  }

  /// The breakdown table: the `--by` groups, or else each pack version.
  static func breakdown(_ summary: AuditSummary, _ text: AuditReportText) -> String {
    let rows: [(label: String, counts: GroupCounts)]
    let heading: String
    if let breakdown = summary.breakdown {
      heading = text.breakdownTitle + " " + AuditTextReport.breakdownName(breakdown, text.language).lowercased()
      rows = summary.groups.map { ($0.key, $0.counts) }
    } else {
      heading = text.breakdownTitle + " " + text.packVersion
      rows = summary.packs.map { ("\($0.municipality[text.language]) \($0.version)", $0.counts) }
    }
    guard !rows.isEmpty else { return "" }
    var html = "<section><h2>\(HTMLText.escape(heading))</h2>\n<table><thead><tr><th>\(HTMLText.escape(text.group))</th>"
    html += "<th class=\"n\">\(text.judged)</th><th class=\"n\">\(HTMLText.escape(text.withViolations))</th><th class=\"n\">\(text.meanScore)</th>"
    html += "<th>\(HTMLText.escape(text.worstPrinciple))</th></tr></thead><tbody>\n"
    for (label, counts) in rows {
      let worst = summary.table.entries.indices
        .filter { counts.principles[$0].applicable > 0 }
        .max { a, b in
          let rateA = counts.principles[a].violationRate ?? 0, rateB = counts.principles[b].violationRate ?? 0
          return rateA != rateB ? rateA < rateB : a > b
        }
      html += "<tr><td>\(HTMLText.escape(label))</td><td class=\"n\">\(text.count(counts.judged))</td>"
      html += "<td class=\"n\">\(AuditNumbers.percent(counts.violationShare, text.language))</td>"
      html += "<td class=\"n\">\(counts.meanScore.map { AuditNumbers.decimal($0, text.language) } ?? "–")</td><td>"
      if let worst, (counts.principles[worst].violationRate ?? 0) > 0 {
        let entry = summary.table.entries[worst]
        html += "\(HTMLText.escape(entry.pack)) · \(HTMLText.escape(entry.title[text.language])) (\(AuditNumbers.percent(counts.principles[worst].violationRate, text.language)))"
      } else {
        html += "–"
      }
      html += "</td></tr>\n"
    }
    return html + "</tbody></table>\n</section>\n"
  }

  /// The decisions with the most serious findings: a list linking to an explanation of each.
  static func serious(_ summary: AuditSummary, _ text: AuditReportText) -> String {
    guard !summary.serious.isEmpty else { return "" }
    var html = "<section><h2>\(HTMLText.escape(text.seriousTitle))</h2>\n<p class=\"note\">\(HTMLText.escape(text.seriousNote))</p>\n"
    html += "<table><thead><tr><th>#</th><th>\(text.caseID)</th><th>\(text.pack)</th><th>\(text.date)</th><th class=\"n\">Score</th><th>\(text.verdict)</th><th class=\"n\">\(text.violations)</th></tr></thead><tbody>\n"
    for (index, decision) in summary.serious.enumerated() {
      let violations = decision.assessment.findings.filter { $0.outcome == .violated }.count
      html += "<tr><td>\(index + 1)</td><td><a href=\"#sag-\(index + 1)\">\(HTMLText.escape(decision.caseID))</a></td>"
      html += "<td>\(HTMLText.escape(decision.pack.name)) \(HTMLText.escape(decision.pack.version))</td><td>\(decision.decisionDate)</td>"
      html += "<td class=\"n\">\(decision.assessment.score)</td><td>\(HTMLText.escape(decision.assessment.verdict.title[text.language]))</td>"
      html += "<td class=\"n\">\(violations)</td></tr>\n"
    }
    html += "</tbody></table>\n"
    for (index, decision) in summary.serious.enumerated() {
      html += explanation(decision, number: index + 1, text)
    }
    return html + "</section>\n"
  }

  private static func explanation(_ decision: AuditSummary.SeriousDecision, number: Int, _ text: AuditReportText) -> String {
    let assessment = decision.assessment
    var html = "<div class=\"case\" id=\"sag-\(number)\"><h3>\(number). \(HTMLText.escape(decision.caseID)) — "
    html += "\(HTMLText.escape(assessment.verdict.title[text.language])), score \(assessment.score)</h3>\n"
    html += "<p class=\"meta\">\(HTMLText.escape(decision.pack.municipality[text.language])) \(HTMLText.escape(decision.pack.version)) · "
    html += "\(decision.decisionDate) · <code>\(HTMLText.escape(decision.location.description))</code></p>\n"
    let shown = assessment.findings.filter { $0.outcome == .violated || $0.outcome == .undetermined || $0.outcome == .justified }
      .sorted { ($0.outcome, $1.severity, $0.ruleID) < ($1.outcome, $0.severity, $1.ruleID) }
    for finding in shown {
      let principle = decision.pack.principle(finding.principleID)
      html += "<div class=\"finding \(finding.outcome.rawValue)\"><b>\(HTMLText.escape(text.outcome(finding.outcome)))</b> · "
      html += HTMLText.escape(principle?.title[text.language] ?? finding.principleID)
      html += " <span class=\"rule\">\(HTMLText.escape(finding.ruleID)) · \(HTMLText.escape(text.severity(finding.severity)))"
      if case .intervention(let index) = finding.subject { html += " · \(HTMLText.escape(text.intervention)) \(index + 1)" }
      html += "</span>"
      if let message = finding.message?[text.language] { html += "<div>\(HTMLText.escape(message))</div>" }
      if !finding.missing.isEmpty { html += "<div>\(HTMLText.escape(text.missing)): <code>\(HTMLText.escape(finding.missing.joined(separator: ", ")))</code></div>" }
      if let remedy = finding.remedy?[text.language] { html += "<div><i>\(HTMLText.escape(text.remedy)):</i> \(HTMLText.escape(remedy))</div>" }
      if let quote = principle?.quote { html += "<div class=\"quote\">»\(HTMLText.escape(quote))«</div>" }
      html += "</div>\n"
    }
    return html + "<p><a href=\"#top\">↑</a></p></div>\n"
  }

  /// The first error rows.
  static func errors(_ summary: AuditSummary, _ text: AuditReportText) -> String {
    guard !summary.firstErrors.isEmpty else { return "" }
    var html = "<section><h2>\(HTMLText.escape(text.errorRows)) (\(text.count(summary.errors)))</h2>\n"
    if summary.errors > summary.firstErrors.count { html += "<p class=\"note\">\(HTMLText.escape(text.firstErrorsNote(summary.firstErrors.count)))</p>\n" }
    html += "<table><thead><tr><th>\(text.place)</th><th>\(text.caseID)</th><th>\(text.reason)</th></tr></thead><tbody>\n"
    for error in summary.firstErrors {
      html += "<tr><td><code>\(HTMLText.escape(error.place.description))</code></td><td>\(HTMLText.escape(error.caseID ?? "–"))</td>"
      html += "<td>\(HTMLText.escape(error.reason(in: text.language)))</td></tr>\n"
    }
    return html + "</tbody></table>\n</section>\n"
  }
}
