import Foundation
@testable import PrincipEngine
import Testing

struct TextReportTests {
  @Test(arguments: Language.allCases)
  func violatedExampleSnapshot(language: Language) throws {
    let report = try ReportFixtures.example(ReportFixtures.violatedExample)
    let text = TextReport.generateReport(report, in: language)
    try Snapshot.assert(
      Snapshot.normalized(text, fingerprints: [report.pack.fingerprint]), named: "text-violated.\(language).txt")
  }

  @Test func justifiedExampleSnapshot() throws {
    let report = try ReportFixtures.example(ReportFixtures.justifiedExample)
    let text = TextReport.generateReport(report, in: .da)
    try Snapshot.assert(
      Snapshot.normalized(text, fingerprints: [report.pack.fingerprint]), named: "text-justified.da.txt")
  }

  @Test func headerNamesCasePackVersionFingerprintAndPolicy() throws {
    let report = try ReportFixtures.demo("interventions: [{ kind: sel_85, provider: private }]\nalternatives: []\n")
    let text = TextReport.generateReport(report, in: .da)
    #expect(text.contains("Sag T-1"))
    #expect(text.contains("Demo Kommune"))
    #expect(text.contains("Demo-politik"))
    #expect(text.contains("demo 1 · fingeraftryk \(report.pack.fingerprint.prefix(12))"))
    #expect(text.contains("Score: 80/100 — Afvigelser"))
  }

  @Test func violationShowsQuoteFactsAndRemedy() throws {
    let report = try ReportFixtures.demo("interventions: [{ kind: sel_85, provider: private }]\nalternatives: []\n")
    let text = TextReport.generateReport(report, in: .en)
    #expect(text.contains("Principles broken (1)"))
    #expect(text.contains("✗ Local first · major · intervention 1"))
    #expect(text.contains("«Vi undersøger altid muligheden for lokale tilbud.»"))
    #expect(text.contains("— Side 1"))
    #expect(text.contains("private without a local alternative"))
    #expect(text.contains("proposal.interventions[0].provider: private"))
    #expect(text.contains("Remedy: Consider local offers"))
  }

  @Test func justifiedShowsTheJustification() throws {
    let report = try ReportFixtures.demo(
      """
      interventions: [{ kind: sel_85, provider: private }]
      alternatives: []
      justifications: { local: "Borgeren ønsker at bo tæt på sin søster" }
      """)
    let text = TextReport.generateReport(report, in: .da)
    #expect(text.contains("Begrundede afvigelser (1)"))
    #expect(text.contains("Begrundelse: \"Borgeren ønsker at bo tæt på sin søster\""))
    #expect(!text.contains("Brudte principper"))
  }

  @Test func undeterminedNamesTheMissingFacts() throws {
    let report = try ReportFixtures.demo("interventions: [{ kind: sel_85, provider: private }]\n")
    let da = TextReport.generateReport(report, in: .da)
    let en = TextReport.generateReport(report, in: .en)
    #expect(da.contains("Manglende oplysninger (1)"))
    #expect(da.contains("princip mangler: proposal.alternatives"))
    #expect(da.contains("proposal.alternatives: (mangler)"))
    #expect(en.contains("princip needs: proposal.alternatives"))
    #expect(en.contains("proposal.alternatives: (missing)"))
  }

  @Test func mostSeriousGroupComesFirst() throws {
    let report = try ReportFixtures.demo(
      """
      interventions: [{ kind: sel_85, provider: own_municipality }, { kind: sel_85, provider: private }]
      alternatives: []
      """)
    let text = TextReport.generateReport(report, in: .da)
    let broken = try #require(text.range(of: "Brudte principper"))
    let notApplicable = try #require(text.range(of: "Ikke relevante regler"))
    #expect(broken.lowerBound < notApplicable.lowerBound)
  }

  @Test func wrapsLongTextToEightyColumns() {
    let words = Array(repeating: "ordet", count: 40).joined(separator: " ")
    let wrapped = TextLayout.wrap(words, indent: "    ", firstIndent: "  ")
    #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= TextLayout.width })
    #expect(wrapped.hasPrefix("  ordet"))
    #expect(wrapped.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("    ordet") })
  }
}
