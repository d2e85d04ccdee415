import CEL
import PrincipEngine
import PrincipTrainer
import Testing

/// What a trainer sees of `whatif`: only what moved, and clear errors for bad changes.
@Suite struct WhatIfTests {
  @Test func showsOnlyTheRulesThatMoved() throws {
    let proposal = try TrainerFixtures.proposal("halsnaes-psychiatric-botilbud-violated.yaml")
    let changes = [
      try ProposalChange(parsing: "interventions[0].time_limited=true", as: .set),
      try ProposalChange(parsing: "alternatives={ kind: sel_85, status: excluded }", as: .add),
    ]
    let result = try WhatIfResult.run(proposal, changes: changes, judge: TrainerFixtures.judge)
    #expect(result.before.verdict == .nonCompliant)
    #expect(result.moved.map(\.ruleID) == ["halsnaes.home-before-residential", "halsnaes.phase-out"])
    #expect(result.moved.allSatisfy { $0.before?.outcome == .violated && $0.after?.outcome == .satisfied })
    let text = result.document(in: .en).text
    #expect(text.contains("Before: 0/100 (Breaks the principles) → after: 60/100 (Deviations)"))
    #expect(text.contains("halsnaes.phase-out"))
    #expect(!text.contains("halsnaes.citizen-wishes"))
    #expect(TrainerJSON.render(result).contains("\"moved\""))
  }

  @Test func anInvalidChangeNamesThePathAndWhatTheSchemaExpects() throws {
    let proposal = try TrainerFixtures.proposal("halsnaes-psychiatric-botilbud-violated.yaml")
    let change = try ProposalChange(parsing: "interventions[0].format=grp", as: .set)
    #expect {
      try WhatIfResult.run(proposal, changes: [change], judge: TrainerFixtures.judge)
    } throws: { error in
      (error as? TrainerError)?.message(in: .en)
        == "--set interventions[0].format=grp: interventions[0].format: 'grp' is not an allowed value; allowed: group, individual"
    }
    #expect(throws: TrainerError.self) { try ProposalChange(parsing: "interventions[0]format=x", as: .set) }
    #expect {
      try ProposalChange(parsing: "interventions[4].format=group", as: .set).applied(to: proposal.raw)
    } throws: { error in
      (error as? TrainerError)?.message(in: .da) == "interventions[4]: intet sådant element (listen har 1)"
    }
  }

  @Test func aSweepReportsWhereTheVerdictChanges() throws {
    let proposal = try TrainerFixtures.proposal("halsnaes-psychiatric-botilbud-satisfied.yaml")
    let range = try SweepResult.Range(parsing: "interventions[0].follow_up_date=2024-01-01..2026-12-31:30")
    let result = try SweepResult.run(proposal, range: range, judge: TrainerFixtures.judge)
    #expect(result.verdicts.count > 1)
    #expect(result.rules.contains { $0.ruleID == "halsnaes.effects.follow-up" })
    #expect(throws: TrainerError.self) { try SweepResult.Range(parsing: "plan.contact_persons=3..1") }
    #expect(throws: TrainerError.self) { try SweepResult.Range(parsing: "plan.contact_persons=a..b") }
  }
}
