import PrincipEngine
import PrincipTrainer
import Testing

/// What a trainer sees of `explain`: the trees' values agree with the outcomes.
@Suite struct ExplainTests {
  @Test(arguments: TrainerFixtures.proposalFiles)
  func treeValuesAgreeWithTheOutcome(_ file: String) throws {
    let proposal = try TrainerProposal.read(path: file, schema: TrainerFixtures.judge.library.schema)
    let result = try ExplainResult.run(proposal, judge: TrainerFixtures.judge)
    #expect(!result.rules.isEmpty)
    for rule in result.rules {
      let applies = rule.applies?.value ?? .yes
      let honoured = rule.honoured?.value
      let where_ = "\(file): \(rule.result.ruleID) \(rule.result.subject)"
      switch rule.result.outcome {
      case .notApplicable:
        #expect(applies == .no, "\(where_)")
        #expect(honoured == nil, "\(where_)")
      case .satisfied:
        #expect(applies == .yes && honoured == .yes, "\(where_)")
      case .violated, .justified:
        #expect(applies == .yes && honoured == .no, "\(where_)")
      case .undetermined:
        #expect(applies == .unknown || honoured == .unknown || honoured == .other, "\(where_)")
      }
      for tree in [rule.applies, rule.honoured].compactMap(\.self) { checkChildren(tree, where_) }
    }
  }

  /// A chain of `&&` is no exactly when a tried part is no; of `||` yes when a tried part is yes.
  private func checkChildren(_ node: ConditionNode, _ place: String) {
    let tried = node.children.filter { $0.value != .notTried }
    if node.label.en == "all of these hold", node.value == .no {
      #expect(tried.contains { $0.value == .no }, "\(place): \(node.cel)")
    }
    if node.label.en == "at least one of these holds", node.value == .yes {
      #expect(tried.contains { $0.value == .yes }, "\(place): \(node.cel)")
    }
    node.children.forEach { checkChildren($0, place) }
  }

  @Test func partsAreInWordsWithTheCELOneFlagAway() throws {
    let proposal = try TrainerFixtures.proposal("halsnaes-psychiatric-botilbud-violated.yaml")
    let result = try ExplainResult.run(proposal, rule: "halsnaes.home-before-residential", judge: TrainerFixtures.judge)
    let text = result.document(in: .da).text
    #expect(text.contains("[nej] citizen.previous_interventions[0].outcome er not_met — læser: citizen.previous_interventions[0].outcome = partly_met"))
    #expect(text.contains("[ikke afprøvet] alternatives[0].status er en af: excluded, insufficient"))
    #expect(!text.contains("CEL:"))
    #expect(result.document(in: .en, showCEL: true).text.contains("CEL: p.outcome == \"not_met\""))
    #expect(throws: TrainerError.self) { try ExplainResult.run(proposal, rule: "halsnaes.nope", judge: TrainerFixtures.judge) }
  }
}
