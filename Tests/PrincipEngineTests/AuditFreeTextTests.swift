import Foundation
@testable import PrincipEngine
import Testing

/// Batch outputs name records by case id only (``Disclosure/withheld``): no free text of a
/// proposal reaches the results file, the terminal or the HTML report, in messages or in
/// errors (issue 12 item 13; `../shared/repro/pii-report-title.jsonl`).
struct AuditFreeTextTests {
  private static let name = "Jens Hansen"
  private static let cpr = "010190-1234"
  private static let decisions = [
    #"{"case_id":"HAL-1","municipality":"halsnaes","decision_date":"2024-05-02","citizen":{"wishes":["Jens Hansen vil bo hjemme"]},"interventions":[{"kind":"sel_108","provider":"private","title":"Botilbud til Jens Hansen, CPR 010190-1234","follow_up_date":"none","time_limited":false,"phase_out_plan":"none"}],"justifications":{"phase-out":"Jens Hansen, CPR 010190-1234"},"decision":{"outcome":"granted"}}"#,
    #"{"case_id":"HAL-2","municipality":"halsnaes","decision_date":"2024-05-02","citizen":{"living_situation":"Jens Hansen, CPR 010190-1234"},"interventions":[{"kind":"sel_85"}]}"#,
    #"{"case_id":"HAL-3","municipality":"halsnaes","decision_date":"2024-05-02","citizen":{"age":101901234},"interventions":[{"kind":"sel_85"}]}"#,
    #"{"case_id":"HAL-4","municipality":"halsnaes","decision_date":"Jens Hansen","interventions":[{"kind":"sel_85"}]}"#,
  ].joined(separator: "\n") + "\n"

  private func audit(_ language: Language) throws -> (summary: AuditSummary, results: String) {
    let library = try ReportFixtures.library(only: ["halsnaes"])
    let path = try AuditFixtures.file("pii.jsonl", Self.decisions)
    return try AuditFixtures.run([AuditInput(path: path, format: .jsonLines)], library: library, options: AuditOptions(threads: 1, language: language))
  }

  @Test(arguments: Language.allCases)
  func noFreeTextReachesTheResultsTheTerminalOrTheReport(_ language: Language) throws {
    let (summary, results) = try audit(language)
    #expect(summary.judged == 1 && summary.errors == 3)
    let html = AuditHTMLReport.render(summary, in: language)
    let text = AuditTextReport.render(summary, in: language)
    for (output, name) in [(results, "results"), (html, "report"), (text, "terminal")] {
      #expect(!output.contains(Self.name), "\(name) names the citizen")
      #expect(!output.contains(Self.cpr), "\(name) holds the CPR number")
      #expect(!output.contains("101901234"), "\(name) repeats a number that failed the schema")
    }
  }

  @Test func errorRowsSayWhatIsAllowedWithoutTheValue() throws {
    let results = try audit(.en).results.split(separator: "\n").map(String.init)
    #expect(results[1].hasSuffix(
      #""case_id":"HAL-2","error":"citizen.living_situation: not an allowed value; allowed: own_home, with_family, homeless, shelter, residential_offer, hospital, other"}"#))
    #expect(results[2].hasSuffix(#""case_id":"HAL-3","error":"citizen.age: the value must be ≥ 16 and ≤ 120"}"#))
    #expect(results[3].hasSuffix(#""case_id":"HAL-4","error":"decision_date: not a date (YYYY-MM-DD)"}"#))
  }

  @Test func theReportNamesTheInterventionInsteadOfItsTitle() throws {
    let html = AuditHTMLReport.render(try audit(.da).summary, in: .da)
    // halsnaes.effects.follow-up: "{{intervention.title}} har ingen opfølgning …"
    #expect(html.contains("<div>Indsats 1 har ingen opfølgning"))
    #expect(AuditHTMLReport.render(try audit(.en).summary, in: .en).contains("<div>Intervention 1 has no follow-up"))
  }

  @Test func checkShowsTheCaseworkerHerOwnTitlesAndValues() throws {
    // `check` is the caseworker's own proposal on her screen (Disclosure.full).
    let library = try ReportFixtures.library(only: ["halsnaes"])
    let reader = ProposalReader(schema: library.schema)
    let line = Self.decisions.split(separator: "\n")[0]
    let proposal = try reader.read(text: String(line), file: "p.json")
    let pack = try library.latest(named: "halsnaes")
    let report = AssessmentReport(
      assessment: try Evaluator(pack: pack, ladder: library.ladder).assess(proposal), pack: pack, ladder: library.ladder, file: "p.json")
    #expect(TextReport.generateReport(report, in: .da).contains("Botilbud til Jens Hansen"))
    #expect(throws: PrincipError.self) { try reader.read(text: String(Self.decisions.split(separator: "\n")[1]), file: "q.json") }
    do {
      _ = try reader.read(text: String(Self.decisions.split(separator: "\n")[1]), file: "q.json")
    } catch {
      #expect(error.message(in: .en).contains("'Jens Hansen, CPR 010190-1234' is not an allowed value"))
    }
  }

  @Test func freeTextIsKnownByTheSchema() throws {
    let freeText = FreeTextFields(schema: try ReportFixtures.library(only: ["halsnaes"]).schema)
    #expect(freeText.holdsFreeText(["intervention", "title"]))
    #expect(freeText.holdsFreeText(["proposal", "alternatives"]))  // their reasons
    #expect(freeText.holdsFreeText(["proposal", "justifications"]))
    #expect(freeText.holdsFreeText(["proposal", "no_such_field"]))
    #expect(!freeText.holdsFreeText(["intervention", "provider"]))
    #expect(!freeText.holdsFreeText(["proposal", "citizen", "target_groups"]))
    #expect(!freeText.holdsFreeText(["proposal", "case_id"]))
  }
}
