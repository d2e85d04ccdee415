/// The audit as one self-contained HTML file.
public enum AuditHTMLReport {
  public static func render(_ summary: AuditSummary, in language: Language) -> String {
    "<!doctype html><html><body><pre>" + AuditTextReport.render(summary, in: language) + "</pre></body></html>"
  }
}
