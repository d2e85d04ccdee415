import Foundation
@testable import PrincipEngine
import Testing

/// "Mangler oplysninger" is a verdict a caseworker acts on: every report gathers the facts
/// to add, the one that settles most principles first, with the line of YAML to write.
struct FactsToAddTests {
  static let incomplete = "halsnaes-botilbud-incomplete-undetermined.yaml"

  @Test func theTextReportListsEachFactWithItsLineAndWhatItSettles() throws {
    let report = try ReportFixtures.example(Self.incomplete)
    let text = TextReport.generateReport(report, in: .da)
    #expect(text.contains("Det skal tilføjes, før indstillingen er klar (5)"))
    // The list of alternatives settles five principles: it comes first, with its "none".
    #expect(text.contains("1. øverst i indstillingen:\n       alternatives: […]\n       (eller, hvis der ingen er: alternatives: [])"))
    #expect(text.contains("phase_out_plan: \"…\"\n       (eller, hvis der ingen er: phase_out_plan: none)"))
    #expect(text.contains("under interventions[0] (Midlertidigt botilbud (leverandør afklares)):"))
    #expect(text.contains("provider: own_municipality | other_municipality | region | private"))
    let english = TextReport.generateReport(report, in: .en)
    #expect(english.contains("What to add before the proposal is ready (5)"))
    #expect(english.contains("(or, if there is none: alternatives: [])"))
  }

  @Test func factsAreOrderedByHowManyPrinciplesTheySettle() throws {
    let facts = try ReportFixtures.example(Self.incomplete).factsToAdd
    #expect(facts.first?.path == "proposal.alternatives")
    let counts = facts.map(\.principleIDs.count)
    #expect(counts == counts.sorted(by: >))
    // Every path an undetermined finding names is in the list, once.
    let report = try ReportFixtures.example(Self.incomplete)
    let named = Set(report.assessment.findings.filter { $0.outcome == .undetermined }.flatMap(\.missing))
    #expect(Set(facts.map(\.path)) == named)
    #expect(facts.count == named.count)
  }

  @Test func theJSONReportCarriesThemAndADecidedProposalHasNone() throws {
    let report = try ReportFixtures.example(Self.incomplete)
    let json = JSONReport.generateReport(report, in: .en)
    #expect(json.contains(#""yaml_none": "alternatives: []""#))
    #expect(json.contains(#""yaml": "follow_up_date: YYYY-MM-DD""#) || json.contains(#""path": "proposal.alternatives""#))
    let decided = try ReportFixtures.example(ReportFixtures.violatedExample)
    #expect(decided.factsToAdd.isEmpty)
    #expect(JSONReport.generateReport(decided, in: .en).contains(#""facts_to_add": []"#))
    #expect(!TextReport.generateReport(decided, in: .da).contains("Det skal tilføjes"))
  }

  @Test func markdownListsThemToo() throws {
    let markdown = MarkdownReport.generateReport(try ReportFixtures.example(Self.incomplete), in: .da)
    #expect(markdown.contains("## Det skal tilføjes, før indstillingen er klar (5)"))
    #expect(markdown.contains("1. øverst i indstillingen: `alternatives: […]` (eller, hvis der ingen er: `alternatives: []`)"))
  }
}
