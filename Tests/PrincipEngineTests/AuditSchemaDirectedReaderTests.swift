import CEL
import Foundation
@testable import PrincipEngine
import Testing

/// The one-pass reader gives exactly what parse + validate give, or leaves the record to them.
struct AuditSchemaDirectedReaderTests {
  let library: RuleLibrary

  init() throws {
    library = try #require(RuleLibrary.load(try RuleFiles.directory(Fixtures.rules)).library)
  }

  /// The general path's value for a JSON record, or `nil` when it is an error row.
  private func general(_ json: String, mapping: ColumnMapping? = nil, schema: ProposalSchema) throws -> CELValue? {
    let parsed = try CELValue.parseJSON(json)
    return try? ProposalReader(schema: schema).validate(mapping.map { $0.renamed(parsed) } ?? parsed, record: SourceLocation(file: "t"))
  }

  private func fast(_ json: String, mapping: ColumnMapping? = nil, schema: ProposalSchema) throws -> CELValue? {
    let reader = try #require(SchemaDirectedReader(schema: schema, mapping: mapping))
    return Array(json.utf8).withUnsafeBufferPointer { reader.read($0) }
  }

  @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: Fixtures.examples + "/proposals").filter { !$0.contains("expected") }.sorted())
  func everyExampleProposalReadsTheSameBothWays(file: String) throws {
    let document = try YAMLDocument(path: Fixtures.examples + "/proposals/" + file)
    let json = try document.value().jsonText
    let expected = try #require(try general(json, schema: library.schema), "\(file) should be valid")
    let got = try #require(try fast(json, schema: library.schema), "\(file) should take the fast path")
    #expect(got.description == expected.description)
  }

  @Test(arguments: [
    #"{"case_id":"X","municipality":"halsnaes","decision_date":"2024-02-30","interventions":[{"kind":"sel_85"}]}"#,
    #"{"case_id":"X","municipality":"halsnaes","decision_date":"2024-02-01","interventions":[]}"#,
    #"{"case_id":"X","municipality":"halsnaes","decision_date":"2024-02-01","interventions":[{"kind":"sel_86"}]}"#,
    #"{"case_id":"X","municipality":"halsnaes","decision_date":"2024-02-01","interventions":[{"kind":"sel_85","hours_per_week":-1}]}"#,
    #"{"case_id":"X","municipality":"halsnaes","decision_date":"2024-02-01","interventions":[{"kind":"sel_85"}],"extra":1}"#,
    #"{"case_id":"X","case_id":"Y","municipality":"halsnaes","decision_date":"2024-02-01","interventions":[{"kind":"sel_85"}]}"#,
    #"{"case_id":"","municipality":"halsnaes","decision_date":"2024-02-01","interventions":[{"kind":"sel_85"}]}"#,
    #"{"municipality":"halsnaes","decision_date":"2024-02-01","interventions":[{"kind":"sel_85"}]}"#,
    #"{"case_id":"X","municipality":"halsnaes","decision_date":"2024-02-01","interventions":[{"kind":"sel_85"}]} x"#,
    #"{"case_id":"X\u00e6","municipality":"halsnaes","decision_date":"2024-02-01","interventions":[{"kind":"sel_85"}]}"#,
  ])
  func aRecordOffTheSchemaIsLeftToTheGeneralPath(json: String) throws {
    #expect(try fast(json, schema: library.schema) == nil)
  }

  @Test func numbersAreCoercedAsTheSchemaDoes() throws {
    let json = #"{"case_id":"N","municipality":"halsnaes","decision_date":"2024-02-01","citizen":{"age":40.0},"interventions":[{"kind":"sel_85","hours_per_week":3,"yearly_cost":1.5e5,"duration_weeks":12}]}"#
    let expected = try #require(try general(json, schema: library.schema))
    let got = try #require(try fast(json, schema: library.schema))
    #expect(got.description == expected.description)
    #expect(got["citizen"]?["age"] == .int(40))
    #expect(got["interventions"]?.listValue?.first?["hours_per_week"]?.typeName == "double")
  }

  @Test func thePeersRecordsAreRenamedAndCompletedByTheMapping() throws {
    let peers = try #require(RuleLibrary.load(try RuleFiles.directory(Fixtures.root.appending(path: "Benchmarks/peers/rules").path)).library)
    let mapping = try ColumnMapping.read(path: Fixtures.root.appending(path: "Benchmarks/peers/mapping.yaml").path)
    let json = #"{"id":"P0000001","decision_date":"2024-07-10","citizen":{"age":20,"wishes_documented":true,"network_resources":["family"],"network_considered":true,"home_support_excluded":false},"interventions":[{"type":"bostoette","provider":"own","format":"group","time_limited":true,"hours_per_week":9,"local_alternative_considered":true,"group_alternative_considered":true,"justification":""}]}"#
    let expected = try #require(try general(json, mapping: mapping, schema: peers.schema))
    let got = try #require(try fast(json, mapping: mapping, schema: peers.schema))
    #expect(got.description == expected.description)
    #expect(got["case_id"] == .string("P0000001") && got["municipality"] == .string("peers"))
  }
}
