import ArgumentParser
import PrincipEngine
import PrincipTrainer

/// `princip tradeoffs PROPOSAL`: the proposed intervention and each listed alternative,
/// judged in its place, as a matrix of principles honoured, broken or left open.
struct TradeoffsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tradeoffs",
    abstract: "Show which principles each option (the proposal, each alternative) honours or breaks.",
    discussion: """
      Each alternative under `alternatives` is judged as if it had been proposed in place \
      of the intervention of its ladder category (or the first), with its own provider and \
      format. Principles that pull in opposite directions are named and quoted.
      """
  )

  @Argument(help: "The proposal file (YAML or JSON); - reads standard input.")
  var proposal: String

  @OptionGroup var trainer: TrainerOptions

  func run() throws {
    let judge = try trainer.judge()
    let file = try trainer.proposal(proposal, judge)
    let result = try trainer.trainer { () throws(TrainerError) in try TradeoffsResult.run(file, judge: judge) }
    trainer.print(result.document(in: trainer.language), json: TrainerJSON.render(result))
  }
}
