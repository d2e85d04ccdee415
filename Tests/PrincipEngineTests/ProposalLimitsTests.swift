import CEL
import Foundation
@testable import PrincipEngine
import Testing

/// A proposal has documented limits on its size (README "Limits", the schema's `maxItems`,
/// `maxLength`, `maxProperties`) and only finite numbers: each is refused with the file,
/// line and column, in `check` and in the audit's readers alike.
struct ProposalLimitsTests {
  let reader: ProposalReader

  init() throws {
    reader = ProposalReader(schema: try Fixtures.library(Fixtures.pack(rules: Fixtures.localRule)).schema)
  }

  private func message(_ body: String, language: Language = .en) -> String? {
    do {
      _ = try reader.read(text: "case_id: A\nmunicipality: demo\ndecision_date: 2024-01-01\n" + body, file: "p.yaml")
      return nil
    } catch {
      return error.message(in: language)
    }
  }

  @Test func tooManyInterventionsOrAlternativesAreRefusedWithTheirPlace() {
    let interventions = "interventions:\n" + String(repeating: "  - {kind: sel_85}\n", count: 51)
    #expect(message(interventions) == "p.yaml:5:3: interventions: must have at most 50 element(s)")
    let alternatives = "interventions: [{kind: sel_85}]\nalternatives:\n" + String(repeating: "  - {kind: sel_85, status: excluded}\n", count: 101)
    #expect(message(alternatives, language: .da) == "p.yaml:6:3: alternatives: må højst have 100 element(er)")
    // At the limit, it reads.
    #expect(message("interventions:\n" + String(repeating: "  - {kind: sel_85}\n", count: 50)) == nil)
  }

  @Test func tooLongTextIsRefusedCountingCharacters() {
    #expect(message("interventions: [{kind: sel_85, title: \(String(repeating: "x", count: 301))}]\n")
      == "p.yaml:4:39: interventions[0].title: the text is longer than 300 characters")
    // 300 characters of two bytes each are 600 bytes, and allowed.
    #expect(message("interventions: [{kind: sel_85, title: \(String(repeating: "æ", count: 300))}]\n") == nil)
  }

  @Test func tooManyJustificationsAreRefused() {
    let keys = (1...101).map { "  k\($0): reason" }.joined(separator: "\n")
    #expect(message("interventions: [{kind: sel_85}]\njustifications:\n\(keys)\n") == "p.yaml:6:3: justifications: must have at most 100 element(s)")
  }

  @Test(arguments: ["1e309", "-1e309", ".inf", "-.inf", ".nan", ".NaN"])
  func nonFiniteNumbersAreRefused(_ number: String) {
    #expect(message("interventions: [{kind: sel_85, yearly_cost: \(number)}]\n")
      == "p.yaml:4:45: interventions[0].yearly_cost: expected a finite number (not infinity or NaN)")
    #expect(message("interventions: [{kind: sel_85, duration_weeks: \(number)}]\n")
      == "p.yaml:4:48: interventions[0].duration_weeks: expected a finite number (not infinity or NaN)")
  }

  @Test func jsonBeyondADoubleIsASyntaxErrorWithItsColumn() {
    #expect(throws: CELJSONError.self) { try CELValue.parseJSON("{\"a\": 1e309}") }
    do {
      _ = try CELValue.parseJSON("{\"a\": -1e309}")
    } catch {
      #expect(error.description == "1:7: number out of range: beyond a double's (about 1.8e308)")
    }
    #expect((try? CELValue.parseJSON("1.7e308")) == .double(1.7e308))
  }

  @Test func theSchemaStatesItsLimits() throws {
    let schema = reader.schema
    guard case .array(_, let interventions)? = schema.node(at: ["interventions"]),
      case .array(_, let alternatives)? = schema.node(at: ["alternatives"]),
      case .string(let title)? = schema.node(at: ["interventions", "title"]),
      case .string(let kind)? = schema.node(at: ["interventions", "kind"]),
      case .string(let caseID)? = schema.node(at: ["case_id"])
    else {
      Issue.record("the schema lacks interventions, alternatives, title, kind or case_id")
      return
    }
    #expect(interventions.maxItems == 50)
    #expect(alternatives.maxItems == 100)
    #expect(title.maxLength == 300 && title.isFreeText)
    #expect(!kind.isFreeText)
    #expect(!caseID.isFreeText)
  }
}

/// The audit reads JSON Lines fast (``SchemaDirectedReader``) or, on any deviation, by the
/// general path; both refuse what is over the limits or not finite, as `check` does.
struct AuditLimitsTests {
  let library: RuleLibrary

  init() throws {
    library = try AuditFixtures.library()
  }

  private func record(_ caseID: String, interventions: String) -> String {
    "{\"case_id\":\"\(caseID)\",\"municipality\":\"demo\",\"decision_date\":\"2024-03-01\",\"interventions\":[\(interventions)]}"
  }

  @Test func recordsOverTheLimitsOrNotFiniteAreErrorRows() throws {
    let one = "{\"kind\":\"sel_85\",\"provider\":\"private\"}"
    let input = [
      record("L-1", interventions: Array(repeating: one, count: 51).joined(separator: ",")),
      record("L-2", interventions: "{\"kind\":\"sel_85\",\"yearly_cost\":1e309}"),
      record("L-3", interventions: "{\"kind\":\"sel_85\",\"title\":\"\(String(repeating: "x", count: 301))\"}"),
      // Within the limits: 300 characters of two bytes each.
      record("L-4", interventions: "{\"kind\":\"sel_85\",\"title\":\"\(String(repeating: "æ", count: 300))\"}"),
      record("L-5", interventions: Array(repeating: one, count: 50).joined(separator: ",")),
    ].joined(separator: "\n") + "\n"
    let path = try AuditFixtures.file("limits.jsonl", input)
    let (summary, results) = try AuditFixtures.run([AuditInput(path: path, format: .jsonLines)], library: library)
    #expect(summary.judged == 2)
    #expect(summary.errors == 3)
    let lines = results.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[0].contains("\"case_id\":\"L-1\",\"error\":\"interventions: må højst have 50 element(er)\""))
    #expect(lines[1].contains("\"line\":2,\"error\":\"ugyldig JSON (kolonne 117): number out of range: beyond a double's (about 1.8e308)\""))
    #expect(lines[2].contains("\"case_id\":\"L-3\",\"error\":\"interventions[0].title: teksten er længere end 300 tegn\""))
    #expect(!lines[3].contains("\"error\"") && lines[3].contains("\"case_id\":\"L-4\""))
    #expect(!lines[4].contains("\"error\"") && lines[4].contains("\"case_id\":\"L-5\""))
  }

  @Test func theFastReaderLeavesOverTheLimitsToTheGeneralPath() throws {
    let reader = try #require(SchemaDirectedReader(schema: library.schema, mapping: nil))
    func reads(_ line: String) -> Bool {
      Array(line.utf8).withUnsafeBufferPointer { reader.read($0) } != nil
    }
    let one = "{\"kind\":\"sel_85\"}"
    #expect(reads(record("F-1", interventions: Array(repeating: one, count: 50).joined(separator: ","))))
    #expect(!reads(record("F-2", interventions: Array(repeating: one, count: 51).joined(separator: ","))))
    #expect(!reads(record("F-3", interventions: "{\"kind\":\"sel_85\",\"yearly_cost\":1e309}")))
    #expect(!reads(record("F-4", interventions: "{\"kind\":\"sel_85\",\"title\":\"\(String(repeating: "x", count: 301))\"}")))
    #expect(reads(record("F-5", interventions: "{\"kind\":\"sel_85\",\"title\":\"\(String(repeating: "x", count: 300))\"}")))
  }
}
