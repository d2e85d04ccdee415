import Foundation

/// The audit summary as a terminal shows it: reconciliation, verdicts, the principles
/// worst first, the breakdown and the first error rows.
public enum AuditTextReport {
  /// The summary as text in `language`.
  public static func render(_ summary: AuditSummary, in language: Language) -> String {
    let da = language == .da
    var lines: [String] = []
    let n = { AuditNumbers.count($0, language) }
    lines.append(da
      ? "princip audit: \(n(summary.read)) afgørelser læst, \(n(summary.judged)) vurderet, \(n(summary.errors)) fejlrækker"
      : "princip audit: \(n(summary.read)) decisions read, \(n(summary.judged)) judged, \(n(summary.errors)) error rows")
    lines.append(reconciliation(summary, language))
    if let first = summary.firstDate, let last = summary.lastDate {
      lines.append((da ? "Afgørelsesdatoer: " : "Decision dates: ") + "\(first) – \(last)")
    }
    if !summary.packs.isEmpty {
      let packs = summary.packs.map { "\($0.name) \($0.version) (\(n($0.decisions)))" }.joined(separator: ", ")
      lines.append((da ? "Regelpakker: " : "Rule packs: ") + packs)
    }
    if summary.judged > 0 {
      let verdicts = summary.verdicts.filter { $0.count > 0 }.map {
        "\($0.verdict.title[language].lowercased()) \(AuditNumbers.percent(Double($0.count) / Double(summary.judged), language))"
      }
      lines.append((da ? "Vurderinger: " : "Verdicts: ") + verdicts.joined(separator: " · "))
      lines.append((da ? "Afgørelser med brud: " : "Decisions with violations: ")
        + AuditNumbers.percent(summary.all.violationShare, language)
        + (da ? " · gennemsnitlig score " : " · mean score ") + AuditNumbers.decimal(summary.all.meanScore ?? 0, language))
    }
    if let baseline = summary.baseline {
      lines.append((da ? "Sammenlignet med " : "Compared with ") + baseline.baseline.file + ": "
        + (da ? "afgørelser med brud " : "decisions with violations ")
        + AuditNumbers.percent(baseline.baseline.violationShare, language) + " → " + AuditNumbers.percent(summary.all.violationShare, language))
    }
    lines.append("")
    lines.append(da ? "Principper, højeste bruddrate først:" : "Principles, highest violation rate first:")
    lines += table(summary.principles.map { ($0.entry, $0.counts) }, summary: summary, language)
    if !summary.unusedPrinciples.isEmpty {
      lines.append(da
        ? "(\(summary.unusedPrinciples.count) principper var ikke relevante for nogen afgørelse)"
        : "(\(summary.unusedPrinciples.count) principles applied to no decision)")
    }
    if let breakdown = summary.breakdown {
      for (key, counts) in summary.groups {
        lines.append("")
        lines.append("\(breakdownName(breakdown, language)) \(key): \(n(counts.judged)) " + (da ? "vurderet, " : "judged, ")
          + AuditNumbers.percent(counts.violationShare, language) + (da ? " med brud, gennemsnitlig score " : " with violations, mean score ")
          + AuditNumbers.decimal(counts.meanScore ?? 0, language))
        let rows = summary.table.entries.enumerated().compactMap { slot, entry in
          counts.principles[slot].applicable > 0 ? (entry, counts.principles[slot]) : nil
        }
        lines += table(rows.sorted { worse($0.1, $1.1, $0.0.key, $1.0.key) }, summary: nil, language)
      }
    }
    if !summary.firstErrors.isEmpty {
      lines.append("")
      lines.append(summary.errors > summary.firstErrors.count
        ? (da ? "Fejlrækker (de første \(summary.firstErrors.count) af \(n(summary.errors))):" : "Error rows (the first \(summary.firstErrors.count) of \(n(summary.errors))):")
        : (da ? "Fejlrækker:" : "Error rows:"))
      lines += summary.firstErrors.map { "  " + $0.message(in: language) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `Afstemning: læst 1.000 = vurderet 990 + fejl 10 — stemmer`
  public static func reconciliation(_ summary: AuditSummary, _ language: Language) -> String {
    let n = { AuditNumbers.count($0, language) }
    let da = language == .da
    let sums = da
      ? "læst \(n(summary.read)) = vurderet \(n(summary.judged)) + fejl \(n(summary.errors))"
      : "read \(n(summary.read)) = judged \(n(summary.judged)) + errors \(n(summary.errors))"
    if summary.reconciles { return (da ? "Afstemning: " : "Reconciliation: ") + sums + (da ? " — stemmer" : " — balances") }
    return (da ? "Afstemning: STEMMER IKKE: " : "Reconciliation: DOES NOT BALANCE: ") + sums.replacingOccurrences(of: " = ", with: " ≠ ")
  }

  static func breakdownName(_ breakdown: Breakdown, _ language: Language) -> String {
    let da = language == .da
    switch breakdown {
    case .team: return "Team"
    case .month: return da ? "Måned" : "Month"
    case .quarter: return da ? "Kvartal" : "Quarter"
    case .year: return da ? "År" : "Year"
    case .intervention: return da ? "Indsats" : "Intervention"
    case .provider: return da ? "Leverandør" : "Provider"
    case .municipality: return da ? "Kommune" : "Municipality"
    case .field(let path): return path.joined(separator: ".")
    }
  }

  private static func worse(_ a: PrincipleCounts, _ b: PrincipleCounts, _ keyA: String, _ keyB: String) -> Bool {
    let rateA = a.violationRate ?? 0, rateB = b.violationRate ?? 0
    if rateA != rateB { return rateA > rateB }
    if a.violated != b.violated { return a.violated > b.violated }
    return keyA < keyB
  }

  private static func table(_ rows: [(PrincipleTable.Entry, PrincipleCounts)], summary: AuditSummary?, _ language: Language) -> [String] {
    let da = language == .da
    var header = da
      ? ["Princip", "Relevant", "Overholdt", "Brudt", "Begrundet", "Uafklaret", "Bruddrate"]
      : ["Principle", "Applicable", "Satisfied", "Violated", "Justified", "Undetermined", "Violation rate"]
    let baseline = summary?.baseline
    if baseline != nil { header.append(da ? "Ændring" : "Change") }
    var cells: [[String]] = [header]
    for (entry, counts) in rows {
      var row = [
        title(entry, language),
        AuditNumbers.count(counts.applicable, language), AuditNumbers.count(counts.satisfied, language),
        AuditNumbers.count(counts.violated, language), AuditNumbers.count(counts.justified, language),
        AuditNumbers.count(counts.undetermined, language), AuditNumbers.percent(counts.violationRate, language),
      ]
      if let baseline {
        let change = baseline.change(for: entry.key)
        row.append(change?.before == nil ? (da ? "ny" : "new") : AuditNumbers.points(change?.points, language))
      }
      cells.append(row)
    }
    let widths = header.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
    return cells.map { row in
      row.enumerated().map { column, text in
        let padding = String(repeating: " ", count: widths[column] - text.count)
        return column == 0 ? text + padding : padding + text
      }.joined(separator: "  ")
    }
  }

  /// `halsnaes · Lokale tilbud før …`, cut to fit a terminal.
  static func title(_ entry: PrincipleTable.Entry, _ language: Language) -> String {
    let text = "\(entry.pack) · \(entry.title[language])"
    return text.count > 58 ? String(text.prefix(57)) + "…" : text
  }
}
