import Foundation
@testable import PrincipEngine
import Testing

/// Evidence costs what it shows: a long list read by a rule is shown by its first
/// ``Evidence/shownItems`` items and a count of the rest, in every format, so that a
/// report grows with the proposal, not with interventions × list length.
struct EvidenceDisplayTests {
  /// Two private interventions and `count` alternatives of which none is local: the demo
  /// rule is violated for each intervention and reads all the alternatives.
  private func report(alternatives count: Int) throws -> AssessmentReport {
    let alternatives = String(repeating: "  - { kind: sel_85, provider: private, status: excluded }\n", count: count)
    return try ReportFixtures.demo(
      "interventions: [{ kind: sel_85, provider: private }, { kind: sel_82b, provider: private }]\nalternatives:\n" + alternatives)
  }

  @Test func aLongListIsCutInTheTextReport() throws {
    let text = TextReport.generateReport(try report(alternatives: 100), in: .en)
    #expect(text.components(separatedBy: "      • kind: sel_85, provider: private, status: excluded\n").count - 1 == 20)
    #expect(text.components(separatedBy: "      … and 90 more\n").count - 1 == 2)
    #expect(TextReport.generateReport(try report(alternatives: 100), in: .da).contains("      … og 90 flere\n"))
  }

  @Test func aLongListIsCutInMarkdown() throws {
    let markdown = MarkdownReport.generateReport(try report(alternatives: 100), in: .da)
    #expect(markdown.components(separatedBy: "  - kind: sel_85, provider: private, status: excluded\n").count - 1 == 20)
    #expect(markdown.components(separatedBy: "  - *… og 90 flere*\n").count - 1 == 2)
  }

  @Test func aLongListIsCutInJSONWithTheCountOfTheRest() throws {
    let json = JSONReport.generateReport(try report(alternatives: 100), in: .en)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: Any]])
    let evidence = findings.flatMap { $0["evidence"] as? [[String: Any]] ?? [] }.filter { $0["path"] as? String == "proposal.alternatives" }
    #expect(evidence.count == 2)
    for item in evidence {
      #expect((item["value"] as? [Any])?.count == 10)
      #expect(item["omitted_items"] as? Int == 90)
    }
  }

  @Test func aShortListIsShownWholeWithNoCount() throws {
    let text = TextReport.generateReport(try report(alternatives: 10), in: .en)
    #expect(text.components(separatedBy: "      • kind: sel_85").count - 1 == 20)
    #expect(!text.contains("more"))
    #expect(!JSONReport.generateReport(try report(alternatives: 10), in: .en).contains("omitted_items"))
  }

  @Test func theReportGrowsLinearlyWithTheAlternatives() throws {
    // 50 interventions (the schema's limit) and 100 alternatives (its limit): each finding
    // shows 10 of them, so the JSON stays small.
    let interventions = String(repeating: "  - { kind: sel_85, provider: private }\n", count: 50)
    let alternatives = String(repeating: "  - { kind: sel_85, provider: private, status: excluded }\n", count: 100)
    let report = try ReportFixtures.demo("interventions:\n" + interventions + "alternatives:\n" + alternatives)
    #expect(JSONReport.generateReport(report, in: .en).utf8.count < 500_000)
  }
}
