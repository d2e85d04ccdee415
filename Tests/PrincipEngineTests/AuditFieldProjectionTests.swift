import CEL
import Foundation
@testable import PrincipEngine
import Testing

/// The fast reader builds only the fields a decision's pack reads, judges exactly as
/// from the whole proposal, and still refuses every record the schema refuses.
struct AuditFieldProjectionTests {
  let library: RuleLibrary

  init() throws {
    library = try #require(RuleLibrary.load(try RuleFiles.directory(Fixtures.rules)).library)
  }

  /// halsnaes reads only the citizen's age, in this test.
  private let ageOnly = ["halsnaes": CELFieldUsage(fields: ["citizen": CELFieldUsage(fields: ["age": .whole])])]

  private func read(_ json: String, fieldsRead: [String: CELFieldUsage]?, mapping: ColumnMapping? = nil) throws -> CELValue? {
    try read(Array(json.utf8), fieldsRead: fieldsRead, mapping: mapping)
  }

  private func read(_ bytes: [UInt8], fieldsRead: [String: CELFieldUsage]?, mapping: ColumnMapping? = nil) throws -> CELValue? {
    let reader = try #require(SchemaDirectedReader(schema: library.schema, mapping: mapping, fieldsRead: fieldsRead))
    return bytes.withUnsafeBufferPointer { reader.read($0) }
  }

  @Test func everyRuleExampleScoresTheSameFromTheFieldsItsPackReads() throws {
    let options = AuditOptions(threads: 1, seriousCount: 0)
    let usages = DecisionJudge.fieldsRead(library, library.packs.map { Evaluator(pack: $0, ladder: library.ladder) }, options.breakdown)
    var examples = 0
    var smaller = 0
    for pack in library.packs {
      let evaluator = Evaluator(pack: pack, ladder: library.ladder)
      for rule in pack.rules {
        for example in rule.examples {
          let json = ExampleRunner.withDefaults(example.proposal, pack: pack).jsonText
          let whole = try #require(try read(json, fieldsRead: nil), "\(rule.id): \(example.name)")
          let projected = try #require(try read(json, fieldsRead: usages), "\(rule.id): \(example.name)")
          #expect(try evaluator.scorecard(projected).outcomes == evaluator.scorecard(whole).outcomes, "\(rule.id): \(example.name)")
          examples += 1
          if projected.jsonText.count < whole.jsonText.count { smaller += 1 }
        }
      }
    }
    #expect(examples > 400)
    // Not a vacuous comparison: many examples hold facts other rules of their pack read but theirs does not.
    #expect(smaller > 100)
  }

  @Test func aProposalHoldsOnlyWhatItsPackReadsAfterThePackField() throws {
    let json = """
      {"case_id":"A-1","municipality":"halsnaes","decision_date":"2024-02-01","citizen":{"age":40,"living_situation":"own_home",\
      "wishes":["Jeg vil bo selv – med støtte"]},"interventions":[{"kind":"sel_85","goals":[{"text":"Delmål"}]}],"plan":{"action_plan":true}}
      """
    let value = try #require(try read(json, fieldsRead: ageOnly))
    #expect(value.jsonText == #"{"case_id":"A-1","municipality":"halsnaes","citizen":{"age":40}}"#)
  }

  @Test func fieldsBeforeThePackFieldAreBuiltInFull() throws {
    let json = #"{"citizen":{"age":40,"living_situation":"own_home"},"municipality":"halsnaes","case_id":"A-1","decision_date":"2024-02-01","interventions":[{"kind":"sel_85"}]}"#
    let value = try #require(try read(json, fieldsRead: ageOnly))
    #expect(value.jsonText == #"{"citizen":{"age":40,"living_situation":"own_home"},"municipality":"halsnaes"}"#)
  }

  @Test func aPackWithoutAProjectionGetsEveryField() throws {
    let json = #"{"case_id":"A-1","municipality":"viborg","decision_date":"2024-02-01","citizen":{"age":40},"interventions":[{"kind":"sel_85"}]}"#
    let whole = try #require(try read(json, fieldsRead: nil))
    #expect(try read(json, fieldsRead: ageOnly)?.jsonText == whole.jsonText)
  }

  /// Each record breaks the schema only in fields halsnaes does not read here.
  @Test(arguments: [
    #""living_situation":"castle""#,
    #""living_situation":7"#,
    #""wishes":["ok",3]"#,
    #""network":[{"involved":true,"involved":false}]"#,
    #""network":[{"unknown_field":true}]"#,
    #""wishes":"not a list""#,
  ])
  func unbuiltFieldsAreStillChecked(citizenField: String) throws {
    func record(_ field: String) -> String {
      #"{"case_id":"A-1","municipality":"halsnaes","decision_date":"2024-02-01","citizen":{"age":40,\#(field)},"interventions":[{"kind":"sel_85"}]}"#
    }
    #expect(try read(record(#""living_situation":"own_home""#), fieldsRead: ageOnly)?.jsonText.contains("own_home") == false)
    let json = record(citizenField)
    #expect(try read(json, fieldsRead: nil) == nil)
    #expect(try read(json, fieldsRead: ageOnly) == nil)
  }

  @Test func anUnbuiltNestedObjectStillNeedsItsRequiredFields() throws {
    let json = #"{"case_id":"A-1","municipality":"halsnaes","decision_date":"2024-02-01","interventions":[{"provider":"private"}]}"#
    #expect(try read(json, fieldsRead: ageOnly) == nil)
    #expect(try read(json.replacingOccurrences(of: "{\"provider", with: "{\"kind\":\"sel_85\",\"provider"), fieldsRead: ageOnly) != nil)
  }

  @Test func invalidUTF8InAnUnbuiltStringIsStillRefused() throws {
    let start = Array(#"{"case_id":"A-1","municipality":"halsnaes","decision_date":"2024-02-01","interventions":[{"kind":"sel_85","title":"ab"#.utf8)
    let end = Array(#""}]}"#.utf8)
    #expect(try read(start + [0xC3, 0xA6] + end, fieldsRead: ageOnly) != nil)
    #expect(try read(start + [0xED, 0xA0, 0x80] + end, fieldsRead: ageOnly) == nil)  // a surrogate
    #expect(try read(start + [0xC3] + end, fieldsRead: ageOnly) == nil)
  }

  @Test func aRecordNamingAnotherPackThanTheMappingsConstantIsLeftToTheGeneralPath() throws {
    let mapping = try ColumnMapping(yaml: "columns: {}\nconstants:\n  municipality: halsnaes\n", file: "mapping.yaml")
    let named = #"{"case_id":"A-1","decision_date":"2024-02-01","citizen":{"age":40,"living_situation":"own_home"},"municipality":"viborg","interventions":[{"kind":"sel_85"}]}"#
    #expect(try read(named, fieldsRead: ageOnly, mapping: mapping) == nil)
    let unnamed = #"{"case_id":"A-1","decision_date":"2024-02-01","citizen":{"age":40,"living_situation":"own_home"},"interventions":[{"kind":"sel_85"}]}"#
    #expect(try read(unnamed, fieldsRead: ageOnly, mapping: mapping)?.jsonText == #"{"citizen":{"age":40},"municipality":"halsnaes"}"#)
  }

  @Test func utf8CheckAgreesWithTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
    for _ in 0..<20_000 {
      let bytes = (0..<Int.random(in: 1...6, using: &generator)).map { _ in interesting.randomElement(using: &generator)! }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      #expect(bytes.withUnsafeBufferPointer(SchemaDirectedReader.isValidUTF8) == expected, "\(bytes)")
    }
  }

  @Test func aBreakdownAddsOnlyTheFieldItReads() throws {
    let schema = library.schema
    #expect(try #require(Breakdown("month")).fieldsRead(in: schema) == .presence)
    #expect(try #require(Breakdown("team")).fieldsRead(in: schema) == CELFieldUsage(fields: ["metadata": CELFieldUsage(fields: ["team": .whole])]))
    #expect(
      try #require(Breakdown("intervention")).fieldsRead(in: schema)
        == CELFieldUsage(fields: ["interventions": CELFieldUsage(readsAnyKey: true, elements: CELFieldUsage(fields: ["kind": .whole]))]))
    // A field the schema does not declare: everything is kept.
    #expect(try #require(Breakdown("no_such_field.x")).fieldsRead(in: schema) == .whole)
  }

  @Test(arguments: [nil, "team", "intervention", "provider", "month", "citizen.living_situation", "metadata.district", "decision.outcome"])
  func theResultFileIsTheSameWithOrWithoutTheReport(by: String?) throws {
    let input = [AuditInput(path: Fixtures.examples + "/decisions/decisions.jsonl", format: .jsonLines)]
    let breakdown = by.flatMap(Breakdown.init)
    let projected = try AuditFixtures.run(input, library: library, options: AuditOptions(threads: 1, breakdown: breakdown, seriousCount: 0))
    let whole = try AuditFixtures.run(input, library: library, options: AuditOptions(threads: 1, breakdown: breakdown, seriousCount: 25))
    #expect(projected.results == whole.results)
    #expect(projected.summary.judged > 10)
    func table(_ summary: AuditSummary) -> [String] {
      summary.principles.map { "\($0.slot): \($0.counts)" } + summary.groups.map { "\($0.key): \($0.counts)" }
    }
    #expect(table(projected.summary) == table(whole.summary))
  }
}
