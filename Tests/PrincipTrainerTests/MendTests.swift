import CEL
import Foundation
import PrincipEngine
import PrincipTrainer
import Testing

/// What a trainer sees of `mend`: every set reaches the target, none of its proper subsets
/// does, and `whatif` of a set equals `check` of the edited file.
@Suite struct MendTests {
  static let files = TrainerFixtures.proposalFiles

  @Test(arguments: files)
  func everySetReachesTheTargetAndNoProperSubsetDoes(_ file: String) throws {
    let judge = TrainerFixtures.judge
    let proposal = try TrainerProposal.read(path: file, schema: judge.library.schema)
    let result = try MendSearch(maxChanges: 3, alternatives: 2).run(proposal, judge: judge)
    for set in result.sets {
      let changes = set.edits.map(\.change)
      let after = try judge.judge(try proposal.applying(changes), file: file)
      #expect(after.assessment.verdict == .compliant, "\(file): \(changes)")
      #expect(set.after.verdict == .compliant)
      for mask in 0..<((1 << changes.count) - 1) {
        let subset = changes.indices.filter { mask & (1 << $0) != 0 }.map { changes[$0] }
        let judged = try judge.judge(try proposal.applying(subset), file: file)
        #expect(judged.assessment.verdict != .compliant, "\(file): the subset \(subset) already reaches the target")
      }
    }
    if !result.alreadyReached, result.sets.isEmpty {
      #expect(result.unreachable.count + result.judged > 0)
    }
  }

  @Test func theViolatedResidentialCaseNeedsThreeChanges() throws {
    let judge = TrainerFixtures.judge
    let proposal = try TrainerFixtures.proposal("halsnaes-psychiatric-botilbud-violated.yaml")
    let result = try MendSearch().run(proposal, judge: judge)
    #expect(result.sets.count == 3)
    #expect(result.sets.allSatisfy { $0.edits.count == 3 && $0.subsetsChecked == 6 })
    let text = result.document(in: .da).text
    #expect(text.contains("Bevis: ingen af sættets 6 ægte delmængder når målet."))
    #expect(text.contains("mend skriver aldrig begrundelsens tekst"))
    // Justifications are suggested, never written.
    #expect(result.sets.allSatisfy { $0.edits.allSatisfy { !$0.change.path.hasPrefix("justifications") } })
    #expect(result.justifications.map(\.rule.ruleID).contains("halsnaes.home-before-residential"))
  }

  @Test func citizenFactsAreFixedUnlessFreed() throws {
    let judge = TrainerFixtures.judge
    let proposal = try TrainerFixtures.proposal("viborg-substance-abuse-treatment.yaml")
    let fixed = try MendSearch().run(proposal, judge: judge)
    #expect(fixed.sets.isEmpty)
    #expect(fixed.unreachable.map(\.ruleID) == ["viborg.relatives-by-wishes"])
    let freed = try MendSearch(freeCitizen: true).run(proposal, judge: judge)
    #expect(!freed.sets.isEmpty)
    #expect(freed.sets.allSatisfy { $0.edits.contains { $0.change.path.hasPrefix("citizen.") } })
  }

  @Test(arguments: files)
  func whatifOfAMendSetEqualsCheckOfTheEditedFile(_ file: String) throws {
    let judge = TrainerFixtures.judge
    let proposal = try TrainerProposal.read(path: file, schema: judge.library.schema)
    let result = try MendSearch(alternatives: 1).run(proposal, judge: judge)
    guard let set = result.sets.first else { return }
    let whatif = try WhatIfResult.run(proposal, changes: set.edits.map(\.change), judge: judge)
    // The edited proposal written out as a file (JSON, which the reader reads), then checked as `check` does.
    let edited = try proposal.applying(set.edits.map(\.change))
    let path = FileManager.default.temporaryDirectory.appending(path: "mend-\(UUID().uuidString).json").path
    try Data(edited.jsonText.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let checked = try ProposalReader(schema: judge.library.schema).read(path: path)
    let pack = try judge.evaluator(for: checked).pack
    let assessment = Evaluator(pack: pack, ladder: judge.library.ladder).assess(checked)
    #expect(whatif.after.verdict == assessment.verdict)
    #expect(whatif.after.score == assessment.score)
  }
}
