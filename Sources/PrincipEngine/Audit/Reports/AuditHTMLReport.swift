/// The audit as one self-contained HTML file an auditor can open and print: headline
/// figures, violation rates per principle, the trend over time, the breakdown, and the
/// decisions with the most serious findings, each linked to its explanation.
///
/// Everything is inline — styles and SVG charts drawn here — with no script, no font, no
/// image and no address outside the file. Decisions are named by case id only. The
/// output depends on the summary alone (no clock), so the same audit gives the same file.
public enum AuditHTMLReport {
  /// The report as HTML text in `language`.
  public static func render(_ summary: AuditSummary, in language: Language) -> String {
    let text = AuditReportText(language)
    var html = "<!doctype html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<title>\(HTMLText.escape(text.title))</title>\n<style>\(style)</style>\n</head>\n<body>\n"
    html += header(summary, text)
    html += figures(summary, text)
    html += principleChart(summary, text)
    html += trend(summary, text)
    html += principleTable(summary, text)
    html += AuditHTMLSections.breakdown(summary, text)
    html += AuditHTMLSections.serious(summary, text)
    html += AuditHTMLSections.errors(summary, text)
    html += "<footer>\(HTMLText.escape(text.footer))</footer>\n</body>\n</html>\n"
    return html
  }

  private static func header(_ summary: AuditSummary, _ text: AuditReportText) -> String {
    var html = "<header id=\"top\"><h1>\(HTMLText.escape(text.title))</h1>\n<p class=\"meta\">"
    html += HTMLText.escape(text.inputs) + ": " + summary.inputs.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: ", ")
    if let first = summary.firstDate, let last = summary.lastDate {
      html += "<br>" + HTMLText.escape(text.dates) + ": \(first) – \(last)"
    }
    html += "</p>\n"
    if !summary.packs.isEmpty {
      html += "<table class=\"packs\"><thead><tr><th>\(text.pack)</th><th>\(text.inForce)</th><th>\(text.fingerprint)</th><th class=\"n\">\(text.judged)</th></tr></thead><tbody>\n"
      for pack in summary.packs {
        html += "<tr><td>\(HTMLText.escape(pack.municipality[text.language])) \(HTMLText.escape(pack.version))</td>"
        html += "<td>\(HTMLText.escape(pack.inForce.description))</td><td><code>\(pack.fingerprint.prefix(16))</code></td>"
        html += "<td class=\"n\">\(text.count(pack.decisions))</td></tr>\n"
      }
      html += "</tbody></table>\n"
    }
    return html + "</header>\n"
  }

  private static func figures(_ summary: AuditSummary, _ text: AuditReportText) -> String {
    let cards: [(String, String)] = [
      (text.read, text.count(summary.read)),
      (text.judged, text.count(summary.judged)),
      (text.errorRows, text.count(summary.errors)),
      (text.withViolations, AuditNumbers.percent(summary.all.violationShare, text.language)),
      (text.meanScore, summary.all.meanScore.map { AuditNumbers.decimal($0, text.language) } ?? "–"),
    ]
    var html = "<section class=\"figures\">"
    for (label, value) in cards {
      html += "<div class=\"figure\"><div class=\"value\">\(HTMLText.escape(value))</div><div class=\"label\">\(HTMLText.escape(label))</div></div>"
    }
    html += "</section>\n<p class=\"reconcile\(summary.reconciles ? "" : " bad")\">\(HTMLText.escape(AuditTextReport.reconciliation(summary, text.language)))</p>\n"
    if let baseline = summary.baseline {
      html += "<p>\(HTMLText.escape(text.comparedWith)) <code>\(HTMLText.escape(baseline.baseline.file))</code>: "
      html += HTMLText.escape(text.withViolations) + " " + AuditNumbers.percent(baseline.baseline.violationShare, text.language)
      html += " → " + AuditNumbers.percent(summary.all.violationShare, text.language) + "</p>\n"
    }
    return html
  }

  private static func principleChart(_ summary: AuditSummary, _ text: AuditReportText) -> String {
    let shown = summary.principles.prefix(25)
    guard !shown.isEmpty else { return "" }
    let bars = shown.map { row in
      SVGChart.Bar(
        label: "\(row.entry.pack) · \(row.entry.title[text.language])", value: row.counts.violationRate ?? 0,
        earlier: summary.baseline?.change(for: row.entry.key)?.before?.violationRate,
        caption: AuditNumbers.percent(row.counts.violationRate, text.language) + " (\(text.count(row.counts.violated))/\(text.count(row.counts.applicable)))")
    }
    var html = "<section><h2>\(HTMLText.escape(text.chartTitle))</h2>\n"
    html += "<p class=\"note\">\(HTMLText.escape(summary.baseline == nil ? text.chartNote : text.chartNote + " " + text.tickNote))</p>\n"
    return html + SVGChart.bars(Array(bars), title: text.chartTitle) + "\n</section>\n"
  }

  private static func trend(_ summary: AuditSummary, _ text: AuditReportText) -> String {
    guard !summary.months.isEmpty else { return "" }
    // Months for up to three years, quarters beyond: a chart stays readable.
    let periods = AuditHTMLSections.periods(summary.months)
    var series = [SVGChart.Series(name: text.withViolations, values: periods.map { $0.counts.violationShare })]
    for row in summary.principles.prefix(3) {
      series.append(SVGChart.Series(
        name: "\(row.entry.pack) · \(row.entry.title[text.language])",
        values: periods.map { $0.counts.principles[row.slot].violationRate }))
    }
    var html = "<section><h2>\(HTMLText.escape(text.trendTitle))</h2>\n<p class=\"note\">\(HTMLText.escape(text.trendNote))</p>\n"
    html += SVGChart.lines(series, periods: periods.map(\.key), title: text.trendTitle)
    return html + "\n</section>\n"
  }

  private static func principleTable(_ summary: AuditSummary, _ text: AuditReportText) -> String {
    var html = "<section><h2>\(HTMLText.escape(text.principlesTitle))</h2>\n<table><thead><tr><th>\(text.principle)</th>"
    for label in text.outcomeColumns { html += "<th class=\"n\">\(HTMLText.escape(label))</th>" }
    if summary.baseline != nil { html += "<th class=\"n\">\(HTMLText.escape(text.change))</th>" }
    html += "</tr></thead><tbody>\n"
    for row in summary.principles {
      let counts = row.counts
      html += "<tr><td>\(HTMLText.escape(row.entry.municipality[text.language])): \(HTMLText.escape(row.entry.title[text.language]))"
      html += "<div class=\"quote\">»\(HTMLText.escape(row.entry.quote))«</div></td>"
      for value in [counts.applicable, counts.satisfied, counts.violated, counts.justified, counts.undetermined] {
        html += "<td class=\"n\">\(text.count(value))</td>"
      }
      html += "<td class=\"n\"><b>\(AuditNumbers.percent(counts.violationRate, text.language))</b></td>"
      if let baseline = summary.baseline {
        let change = baseline.change(for: row.entry.key)
        html += "<td class=\"n\">\(change?.before == nil ? text.new : AuditNumbers.points(change?.points, text.language))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody></table>\n</section>\n"
  }

  static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;max-width:980px;margin:24px auto;padding:0 16px;line-height:1.4}
    h1{font-size:1.7em;margin:0 0 4px}h2{font-size:1.25em;margin:28px 0 6px;border-bottom:1px solid #ccc;padding-bottom:3px}
    h3{font-size:1.05em;margin:18px 0 4px}.meta,.note{color:#555;font-size:.9em}code{font-size:.9em}
    table{border-collapse:collapse;width:100%;font-size:.88em;margin:6px 0}th,td{border-bottom:1px solid #e3e3e3;padding:4px 6px;text-align:left;vertical-align:top}
    th{background:#f3f3f3}.n{text-align:right;white-space:nowrap}.quote{color:#666;font-size:.85em;font-style:italic}
    .figures{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0 6px}.figure{flex:1;min-width:130px;border:1px solid #ddd;border-radius:6px;padding:10px}
    .figure .value{font-size:1.6em;font-weight:600}.figure .label{color:#555;font-size:.85em}
    .reconcile{color:#1b7837;font-weight:600}.reconcile.bad{color:#b2182b}
    svg text{font-family:inherit}svg .label,svg .value{font-size:12px}svg .axis,svg .legend{font-size:11px;fill:#444}
    .finding{border-left:4px solid #b2182b;padding:2px 10px;margin:6px 0}.finding.undetermined{border-color:#e08214}.finding.justified{border-color:#2166ac}
    .finding .rule{color:#666;font-size:.8em}.packs{width:auto}footer{margin-top:32px;color:#777;font-size:.8em}
    a{color:#2166ac}@media print{body{max-width:none;margin:0}section{break-inside:avoid-page}.case{break-inside:avoid}}
    """
}
