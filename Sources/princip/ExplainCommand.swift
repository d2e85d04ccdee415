import ArgumentParser
import PrincipEngine
import PrincipTrainer

/// `princip explain PROPOSAL`: step by step, why each rule ended as it did.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain, step by step, why each rule ended as it did for a proposal.",
    discussion: """
      For each rule and subject: does the rule apply (its `when` as a tree of parts, each \
      ja/nej/ukendt/ikke afprøvet with the facts it read), is the principle honoured (its \
      `require` the same way), the outcome, the policy sentence, and the justification or \
      remedy. --cel shows each part's CEL and its place in the rule file. The JSON tree \
      is documented in docs/explain-json.md.
      """
  )

  @Argument(help: "The proposal file (YAML or JSON); - reads standard input.")
  var proposal: String

  @Option(help: "Only this rule (its id).")
  var rule: String?

  @Flag(help: "Show the CEL of each part, with its line and column in the rule file.")
  var cel = false

  @OptionGroup var trainer: TrainerOptions

  func run() throws {
    let judge = try trainer.judge()
    let file = try trainer.proposal(proposal, judge)
    let result = try trainer.trainer { () throws(TrainerError) in try ExplainResult.run(file, rule: rule, judge: judge) }
    trainer.print(result.document(in: trainer.language, showCEL: cel), json: TrainerJSON.render(result))
  }
}
