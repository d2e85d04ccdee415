@testable import PrincipEngine
import Testing

struct MarkdownReportTests {
  @Test(arguments: Language.allCases)
  func violatedExampleSnapshot(language: Language) throws {
    let report = try ReportFixtures.example(ReportFixtures.violatedExample)
    let markdown = MarkdownReport.generateReport(report, in: language)
    try Snapshot.assert(
      Snapshot.normalized(markdown, fingerprints: [report.pack.fingerprint]), named: "markdown-violated.\(language).md")
  }

  @Test func hasHeadingsTableAndBlockquotes() throws {
    let report = try ReportFixtures.demo("interventions: [{ kind: sel_85, provider: private }]\nalternatives: []\n")
    let markdown = MarkdownReport.generateReport(report, in: .da)
    #expect(markdown.hasPrefix("# Vurdering af indstilling · Sag T-1\n"))
    #expect(markdown.contains("| Fingeraftryk | `\(report.pack.fingerprint)` |"))
    #expect(markdown.contains("| Princip | Resultat | Alvor |"))
    #expect(markdown.contains("| Lokalt først | ✗ brudt | væsentlig |"))
    #expect(markdown.contains("> «Vi undersøger altid muligheden for lokale tilbud.»"))
    #expect(markdown.contains("- `proposal.interventions[0].provider`: private"))
  }

  @Test func escapesMarkupInProposalText() {
    #expect(Markdown.inline("a | b *c* [d]") == "a \\| b \\*c\\* \\[d\\]")
    #expect(Markdown.inline("# not a heading") == "\\# not a heading")
    #expect(Markdown.inline("line\nbreak") == "line break")
    #expect(Markdown.code("a`b|c") == "`a'b\\|c`")
  }

  @Test func severalReportsAreSeparatedByARule() throws {
    let report = try ReportFixtures.demo("interventions: [{ kind: sel_85, provider: own_municipality }]\n")
    let markdown = MarkdownReport.generateReport([report, report], in: .en)
    #expect(markdown.components(separatedBy: "\n---\n").count == 2)
  }
}
