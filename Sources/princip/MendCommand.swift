import ArgumentParser
import PrincipEngine
import PrincipTrainer

extension MendResult.Target: ExpressibleByArgument {}

/// `princip mend PROPOSAL`: the smallest sets of changes that reach the target, as the
/// exact edits of the proposal file, with proof that they are the smallest.
struct MendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mend",
    abstract: "Find the smallest sets of changes that make a proposal honour the principles.",
    discussion: """
      Changes are searched by size (1, then 2, … up to --max-changes); every set shown \
      reaches the target and none of its proper subsets does. Values come from the \
      proposal schema's domains and from the rules' own conditions. The citizen's facts, \
      the case's identity and the justifications are never changed; mend only suggests \
      where a documented reason would justify a violation, and never writes one.

      Exit status: 0 when a set was found or nothing needs mending, 1 when nothing within \
      the bound reaches the target, 2 for invalid input.
      """
  )

  @Argument(help: "The proposal file (YAML or JSON); - reads standard input.")
  var proposal: String

  @Option(help: "compliant (nothing broken or undetermined) or no-violations.")
  var target: MendResult.Target = .compliant

  @Option(name: .customLong("keep"), help: "PATH: leave this part of the proposal as it is (repeatable).")
  var keep: [String] = []

  @Option(help: "The most changes in one set.")
  var maxChanges = 3

  @Option(help: "How many sets of the smallest size to show.")
  var alternatives = 3

  @Flag(help: "Let mend change the citizen's facts too, for a teaching demonstration.")
  var freeCitizen = false

  @Flag(help: "Let mend replace the kind of a proposed intervention.")
  var changeKinds = false

  @OptionGroup var trainer: TrainerOptions

  func validate() throws {
    guard (1...6).contains(maxChanges) else { throw ValidationError("--max-changes must be 1 to 6") }
    guard alternatives >= 1 else { throw ValidationError("--alternatives must be at least 1") }
  }

  func run() throws {
    let judge = try trainer.judge()
    let file = try trainer.proposal(proposal, judge)
    let search = MendSearch(target: target, maxChanges: maxChanges, alternatives: alternatives, keep: keep, freeCitizen: freeCitizen, changeKinds: changeKinds)
    let result = try trainer.trainer { () throws(TrainerError) in try search.run(file, judge: judge) }
    trainer.print(result.document(in: trainer.language), json: TrainerJSON.render(result))
    if !result.alreadyReached, result.sets.isEmpty { throw ExitCode(1) }
  }
}
