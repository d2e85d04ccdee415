import Foundation
import PrincipEngine
import Testing

/// Bad input never crashes: each gives an error naming the file and position.
struct ProposalReaderTests {
  let reader: ProposalReader

  init() throws {
    reader = ProposalReader(schema: try Fixtures.library(Fixtures.pack(rules: Fixtures.localRule)).schema)
  }

  private func message(_ text: String) -> String? {
    do {
      _ = try reader.read(text: text, file: "p.yaml")
      return nil
    } catch {
      return error.message(in: .en)
    }
  }

  @Test func malformedYAMLPointsAtLineAndColumn() {
    #expect(message("case_id: A\ninterventions: [\n")?.hasPrefix("p.yaml:3:1: syntax error") == true)
  }

  @Test func unknownFieldSuggestsTheNearestOne() {
    let text = "case_id: A\nmunicipality: demo\ndecision_date: 2024-01-01\ninterventions:\n  - kind: sel_85\n    provder: private\n"
    #expect(message(text) == "p.yaml:6:14: interventions[0].provder: unknown field (did you mean 'provider'?)")
  }

  @Test func wrongValueSuggestsAnAllowedOne() throws {
    let text = "case_id: A\nmunicipality: demo\ndecision_date: 2024-01-01\ninterventions: [{ kind: sel_85, provider: privat }]\n"
    let error = try #require(message(text))
    #expect(error.hasPrefix("p.yaml:4:43: interventions[0].provider: 'privat' is not an allowed value (did you mean 'private'?)"))
  }

  @Test func wrongTypeAndBadDate() {
    #expect(message("case_id: A\nmunicipality: demo\ndecision_date: 2024-02-30\ninterventions: [{ kind: sel_85 }]\n")
      == "p.yaml:3:16: decision_date: '2024-02-30' is not a date (YYYY-MM-DD)")
    #expect(message("case_id: A\nmunicipality: demo\ndecision_date: 2024-02-03\ninterventions: [{ kind: sel_85, hours_per_week: many }]\n")
      == "p.yaml:4:49: interventions[0].hours_per_week: expected number, found string")
  }

  @Test func missingRequiredField() {
    #expect(message("case_id: A\nmunicipality: demo\ninterventions: [{ kind: sel_85 }]\n") == "p.yaml:1:1: decision_date: this field is required")
  }

  @Test func emptyBinaryAndHugeFilesAreRefused() throws {
    #expect(throws: PrincipError.unusableFile(file: "e", problem: .empty)) { try InputText.decode(Data("  \n".utf8), file: "e") }
    #expect(throws: PrincipError.unusableFile(file: "b", problem: .binary, line: 1, column: 5)) { try InputText.decode(Data([0x7f, 0x45, 0x4c, 0x46, 0]), file: "b") }
    #expect(throws: PrincipError.unusableFile(file: "l", problem: .tooLarge(bytes: 11, limit: 10))) {
      try InputText.decode(Data("01234567890".utf8), file: "l", limit: 10)
    }
    #expect(throws: PrincipError.unusableFile(file: "u", problem: .notUTF8, line: 1, column: 1)) { try InputText.decode(Data([0xff, 0xfe, 0x41]), file: "u") }
  }

  @Test func aliasBombIsRefusedQuickly() {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1...9 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
    let start = ContinuousClock.now
    #expect(message(lines.joined(separator: "\n")) == "p.yaml: the document expands to more than 200000 nodes (a YAML alias bomb?)")
    #expect(ContinuousClock.now - start < .seconds(10))
  }

  @Test func jsonProposalsReadToo() throws {
    let json = #"{"case_id": "J-1", "municipality": "demo", "decision_date": "2024-01-05", "interventions": [{"kind": "sel_85", "hours_per_week": 3}]}"#
    let proposal = try reader.read(text: json, file: "p.json")
    #expect(proposal["case_id"] == .string("J-1"))
    #expect(proposal["interventions"]?.listValue?.first?["hours_per_week"] == .double(3))
  }
}
