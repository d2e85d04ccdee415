import CEL
import Foundation
@testable import PrincipEngine
import Testing

/// Silence is unknown, `none` is an answer — the same in every pack, and in every reader.
struct SilenceAndNoneTests {
  static let library: RuleLibrary = {
    let (library, diagnostics) = RuleLibrary.load(try! RuleFiles.directory(Fixtures.rules))
    guard let library else { fatalError("\(diagnostics.map { $0.rendered(in: .en) })") }
    return library
  }()

  private func outcomes(_ yaml: String, pack: String, rule: String) throws -> [Outcome] {
    let proposal = try ProposalReader(schema: Self.library.schema).read(text: yaml, file: "t.yaml")
    let evaluator = Evaluator(pack: try Self.library.latest(named: pack), ladder: Self.library.ladder)
    return try evaluator.assess(proposal).findings.filter { $0.ruleID == rule }.map(\.outcome)
  }

  private func proposal(_ pack: String, _ intervention: String) -> String {
    "case_id: T\nmunicipality: \(pack)\ndecision_date: 2024-03-01\ninterventions:\n  - { kind: sel_85, title: Bostøtte\(intervention) }\n"
  }

  /// A follow-up the proposal does not mention is undetermined in all four packs; `none` is violated.
  @Test(arguments: [
    ("halsnaes", "halsnaes.effects.follow-up"), ("ishoj", "ishoj.follow-up"),
    ("silkeborg", "silkeborg.follow-up"), ("viborg", "viborg.goal-directed.follow-up"),
  ])
  func aFollowUpIsTreatedAlikeByEveryPack(pack: String, rule: String) throws {
    #expect(try outcomes(proposal(pack, ""), pack: pack, rule: rule) == [.undetermined])
    #expect(try outcomes(proposal(pack, ", follow_up_date: none"), pack: pack, rule: rule) == [.violated])
    #expect(try outcomes(proposal(pack, ", follow_up_date: 2024-09-01"), pack: pack, rule: rule) == [.satisfied])
  }

  @Test func noneIsAcceptedOnlyWhereTheSchemaSaysSo() throws {
    let reader = ProposalReader(schema: Self.library.schema)
    #expect(throws: (any Error).self) {
      try reader.read(text: proposal("halsnaes", ", provider: none"), file: "t.yaml")
    }
    #expect(throws: (any Error).self) {
      try reader.read(text: "case_id: T\nmunicipality: halsnaes\ndecision_date: none\n", file: "t.yaml")
    }
    _ = try reader.read(text: proposal("halsnaes", ", follow_up_date: none, phase_out_plan: none, knowledge_basis: none"), file: "t.yaml")
  }

  @Test func aJustificationSettlesAPrincipleWhoseFactsAreMissing() throws {
    let base = proposal("halsnaes", ", time_limited: false")
    #expect(try outcomes(base, pack: "halsnaes", rule: "halsnaes.phase-out") == [.undetermined])
    let justified = base + "justifications: { phase-out: \"Livslangt behov (neuropsykologisk undersøgelse 2024-01-10)\" }\n"
    #expect(try outcomes(justified, pack: "halsnaes", rule: "halsnaes.phase-out") == [.justified])
    // `none` under a principle states there is no justification: it justifies nothing.
    let none = base + "justifications: { phase-out: none }\n"
    #expect(try outcomes(none, pack: "halsnaes", rule: "halsnaes.phase-out") == [.undetermined])
  }

  /// No "?" in a sentence: a fact a message names but the proposal does not state is named in words.
  @Test func aMessageNamesAnUntitledInterventionInWords() throws {
    let yaml = "case_id: T\nmunicipality: halsnaes\ndecision_date: 2024-03-01\ninterventions:\n  - { kind: sel_85, time_limited: false, phase_out_plan: none }\n"
    let proposal = try ProposalReader(schema: Self.library.schema).read(text: yaml, file: "t.yaml")
    let evaluator = Evaluator(pack: try Self.library.latest(named: "halsnaes"), ladder: Self.library.ladder)
    let finding = try #require(evaluator.assess(proposal).findings.first { $0.ruleID == "halsnaes.phase-out" })
    #expect(finding.outcome == .violated)
    #expect(finding.message?.da.hasPrefix("indsats 1 (uden titel) er ikke tidsafgrænset") == true, "\(finding.message?.da ?? "")")
    #expect(finding.message?.en.hasPrefix("intervention 1 (untitled) is not time-limited") == true)
    #expect(finding.message?.da.contains("?") == false)
  }
}
