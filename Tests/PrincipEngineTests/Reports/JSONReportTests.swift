import Foundation
@testable import PrincipEngine
import Testing

struct JSONReportTests {
  @Test func violatedExampleSnapshot() throws {
    let report = try ReportFixtures.example(ReportFixtures.violatedExample)
    let json = JSONReport.generateReport(report, in: .da)
    try Snapshot.assert(
      Snapshot.normalized(json, fingerprints: [report.pack.fingerprint]), named: "json-violated.da.json")
  }

  private func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test func isValidJSONWithTheDocumentedTopLevelKeysInOrder() throws {
    let report = try ReportFixtures.demo("interventions: [{ kind: sel_85, provider: private }]\nalternatives: []\n")
    let json = JSONReport.generateReport(report, in: .en)
    let top = try object(json)
    #expect(top["format"] as? String == "princip.assessment/1")
    let keys = [
      "format", "case_id", "file", "language", "pack", "score", "verdict", "counts", "interventions", "principles",
      "findings",
    ]
    let positions = keys.map { json.range(of: "\n  \"\($0)\":")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 }.sorted() == positions.compactMap { $0 })
    let pack = try #require(top["pack"] as? [String: Any])
    #expect(pack["fingerprint"] as? String == report.pack.fingerprint)
  }

  @Test func everyFindingCarriesEveryKey() throws {
    let report = try ReportFixtures.demo("interventions: [{ kind: sel_85, provider: private }]\n")
    let top = try object(JSONReport.generateReport(report, in: .da))
    let findings = try #require(top["findings"] as? [[String: Any]])
    let finding = try #require(findings.first)
    let keys: Set = [
      "rule", "principle", "title", "quote", "source", "severity", "subject", "outcome", "evidence", "missing",
      "justification", "message", "remedy", "problem",
    ]
    #expect(Set(finding.keys) == keys)
    #expect(finding["outcome"] as? String == "undetermined")
    #expect(finding["missing"] as? [String] == ["proposal.alternatives"])
    let evidence = try #require(finding["evidence"] as? [[String: Any]])
    #expect(evidence.first?["value"] as? String == "private")
    #expect(evidence.last?["missing"] as? Bool == true)
    #expect(evidence.last?["value"] is NSNull)
    let subject = try #require(finding["subject"] as? [String: Any])
    #expect(subject["type"] as? String == "intervention")
    #expect(subject["index"] as? Int == 0)
  }

  @Test func severalReportsMakeAnArray() throws {
    let report = try ReportFixtures.demo("interventions: [{ kind: sel_85, provider: own_municipality }]\n")
    let json = JSONReport.generateReport([report, report], in: .da)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])
    #expect(array.count == 2)
  }

  @Test func escapesStringsAndKeepsDanishLetters() {
    let node = JSONNode.object([("tekst", .string("æøå «citat» \"q\" \\ \n\t\u{01}"))])
    #expect(node.rendered == "{\n  \"tekst\": \"æøå «citat» \\\"q\\\" \\\\ \\n\\t\\u0001\"\n}\n")
  }

  @Test func writesNumbersDatesAndBytes() {
    #expect(JSONNode(.double(5)).rendered == "5\n")
    #expect(JSONNode(.double(2.5)).rendered == "2.5\n")
    #expect(JSONNode(.double(.nan)).rendered == "\"NaN\"\n")
    #expect(JSONNode(.bytes([0x68, 0x69])).rendered == "\"aGk=\"\n")
    #expect(JSONNode(CivilDate("2024-03-01")?.timestamp ?? .null).rendered == "\"2024-03-01\"\n")
    #expect(JSONNode(.list([.string("a"), .int(1)])).rendered == "[\"a\", 1]\n")
  }
}
