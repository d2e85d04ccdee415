@testable import PrincipEngine
import Testing

struct ComparisonTests {
  /// The violated Halsnæs example across every bundled pack.
  private func comparison() throws -> Comparison {
    let library = try ReportFixtures.library()
    let file = "Examples/proposals/\(ReportFixtures.violatedExample)"
    let proposal = try ProposalReader(schema: library.schema).read(path: Fixtures.root.appending(path: file).path)
    return try Comparison(judging: proposal, by: library, file: file)
  }

  @Test func oneColumnPerPackAndRowsByTheme() throws {
    let comparison = try comparison()
    let packs = comparison.columns.map(\.pack.name)
    #expect(packs == packs.sorted())
    #expect(packs.contains("halsnaes"))
    #expect(comparison.rows.allSatisfy { $0.cells.count == comparison.columns.count })
    let local = try #require(comparison.rows.first { $0.theme == "local_first" })
    let halsnaes = try #require(packs.firstIndex(of: "halsnaes"))
    #expect(local.cells[halsnaes].outcome == .violated)
  }

  @Test(arguments: ReportFormat.allCases)
  func snapshot(format: ReportFormat) throws {
    let comparison = try comparison()
    let text = format.comparisonReporter.generateReport(comparison, in: .en)
    let name = "comparison-violated.en.\(format == .markdown ? "md" : format == .json ? "json" : "txt")"
    try Snapshot.assert(
      Snapshot.normalized(text, fingerprints: comparison.columns.map(\.pack.fingerprint)), named: name)
  }

  @Test func cellTakesTheMostSeriousOutcomeAndMarksUncovered() throws {
    let report = try ReportFixtures.demo("interventions: [{ kind: sel_85, provider: private }]\nalternatives: []\n")
    let comparison = Comparison([report], themes: try ReportFixtures.library().themes)
    let row = try #require(comparison.rows.first)
    #expect(row.theme == "local_first")
    #expect(row.title.da == "Lokale tilbud først")
    #expect(row.cells.first?.outcome == .violated)
    let text = ComparisonTextReport.generateReport(comparison, in: .da)
    #expect(text.contains("Lokale tilbud først"))
    #expect(text.contains("✗"))
    #expect(text.contains("Demo Kommune  80/100 — Afvigelser"))
  }

  @Test func themesAreTitledFromThemesYAMLAndUnknownOnesReadably() throws {
    let themes = try ReportFixtures.library().themes
    #expect(themes.title(of: "least_intrusive").da == "Mindst indgribende")
    #expect(themes.title(of: "new_theme").en == "New theme")
    #expect(ThemeCatalog().title(of: "least_intrusive").en == "Least intrusive")
  }
}

/// Compile-only: the report values stay `Sendable`, so a batch can render on any thread.
private func requireSendable<T: Sendable>(_: T.Type) {}
private func reportTypesAreSendable() {
  requireSendable(AssessmentReport.self)
  requireSendable(AssessmentReport.PrincipleResult.self)
  requireSendable(Comparison.self)
  requireSendable(Comparison.Row.self)
  requireSendable(Comparison.Cell.self)
  requireSendable(ReportFormat.self)
}
