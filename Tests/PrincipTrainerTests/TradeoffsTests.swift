import PrincipEngine
import PrincipTrainer
import Testing

/// What a trainer sees of `tradeoffs`: each alternative judged in the proposal's place.
@Suite struct TradeoffsTests {
  @Test func eachAlternativeIsAnOption() throws {
    let proposal = try TrainerFixtures.proposal("halsnaes-homeless-shelter-to-home.yaml")
    let result = try TradeoffsResult.run(proposal, judge: TrainerFixtures.judge)
    let alternatives = proposal.raw["alternatives"]?.listValue?.count ?? 0
    #expect(result.options.count == 1 + alternatives)
    #expect(result.options[0].alternative == nil)
    #expect(!result.best.isEmpty)
    let text = result.document(in: .da).text
    #expect(text.contains("Afvejninger — sag"))
    #expect(text.contains("Færrest og mindst alvorlige brud"))
  }

  @Test(arguments: TrainerFixtures.proposalFiles)
  func everyExampleHasTradeoffs(_ file: String) throws {
    let proposal = try TrainerProposal.read(path: file, schema: TrainerFixtures.judge.library.schema)
    let result = try TradeoffsResult.run(proposal, judge: TrainerFixtures.judge)
    for option in result.options { #expect(option.outcomes.keys.allSatisfy { id in result.principles.contains { $0.id == id } || true }) }
    #expect(TrainerJSON.render(result).hasPrefix("{"))
  }
}
