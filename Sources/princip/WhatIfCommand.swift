import ArgumentParser
import PrincipEngine
import PrincipTrainer

/// `princip whatif PROPOSAL --set PATH=VALUE …`: judges the proposal with changes made in
/// memory and shows only what moved; exits with the status of the new verdict.
struct WhatIfCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "whatif",
    abstract: "Judge a proposal with changes made in memory, and show what moved.",
    discussion: """
      Paths are written as the reports print them: interventions[0].format, alternatives, \
      plan.coordinated_with. Values are YAML: true, 12, group, "2024-05-01", \
      { kind: sel_85, status: excluded }. The changes are made in order, the result is \
      checked against the proposal schema, and judged.

      --sweep PATH=FROM..TO[:STEP] walks one number or date (step in days) through a range \
      and shows where the verdict and each rule change.

      Exit status: that of `princip check` for the new verdict (0, 1 or 3), 2 for an \
      invalid change or input. A sweep exits 0 unless the input is invalid.
      """
  )

  @Argument(help: "The proposal file (YAML or JSON); - reads standard input.")
  var proposal: String

  @Option(name: .customLong("set"), help: "PATH=VALUE: give the field this value (repeatable).")
  var sets: [String] = []

  @Option(name: .customLong("unset"), help: "PATH: remove the field or list element (repeatable).")
  var unsets: [String] = []

  @Option(name: .customLong("add"), help: "PATH=YAML: append to the list at PATH (repeatable).")
  var adds: [String] = []

  @Option(help: "PATH=FROM..TO[:STEP]: walk one number or date through a range.")
  var sweep: String?

  @OptionGroup var trainer: TrainerOptions

  func validate() throws {
    if sweep == nil, sets.isEmpty, unsets.isEmpty, adds.isEmpty {
      throw ValidationError("give at least one --set, --unset, --add or --sweep")
    }
  }

  func run() throws {
    let judge = try trainer.judge()
    let file = try trainer.proposal(proposal, judge)
    let changes = try trainer.trainer { () throws(TrainerError) in try changeList() }
    if let sweep {
      let range = try trainer.trainer { () throws(TrainerError) in try SweepResult.Range(parsing: sweep) }
      let result = try trainer.trainer { () throws(TrainerError) in try SweepResult.run(file, range: range, changes: changes, judge: judge) }
      trainer.print(result.document(in: trainer.language), json: TrainerJSON.render(result))
      return
    }
    let result = try trainer.trainer { () throws(TrainerError) in try WhatIfResult.run(file, changes: changes, judge: judge) }
    trainer.print(result.document(in: trainer.language), json: TrainerJSON.render(result))
    let status = CheckStatus(result.after.verdict)
    if status != .passed { throw ExitCode(status.rawValue) }
  }

  /// The changes in the order the flags were given: sets, then unsets, then adds.
  private func changeList() throws(TrainerError) -> [ProposalChange] {
    var changes: [ProposalChange] = []
    for argument in sets { changes.append(try ProposalChange(parsing: argument, as: .set)) }
    for argument in unsets { changes.append(try ProposalChange(parsing: argument, as: .unset)) }
    for argument in adds { changes.append(try ProposalChange(parsing: argument, as: .add)) }
    return changes
  }
}
