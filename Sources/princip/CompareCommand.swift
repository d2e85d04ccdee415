import ArgumentParser
import PrincipEngine
import PrincipTrainer

/// `princip compare PROPOSAL --rules A --rules B`: one proposal under two versions of the rules.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Judge one proposal by two versions of the rules, rule by rule.",
    discussion: """
      Each --rules names a rules folder (give exactly two; `bundled` means the rules built \
      into princip). Every rule and subject is listed with its outcome under each; the \
      rows that changed are marked ◆. To compare the policies of the municipalities, \
      use `princip check --pack all`.
      """
  )

  @Argument(help: "The proposal file (YAML or JSON); - reads standard input.")
  var proposal: String

  @Option(name: .customLong("rules"), help: "A rules folder, or 'bundled' (give two).")
  var folders: [String] = []

  @Option(help: "Judge by this pack instead of the proposal's municipality.")
  var pack: String?

  @Option(help: "Output format: text, markdown or json.")
  var format: TrainerFormat = .text

  @OptionGroup var options: LanguageOption

  func validate() throws {
    guard folders.count == 2 else { throw ValidationError("give exactly two --rules (a folder, or 'bundled')") }
  }

  func run() throws {
    let judges = try folders.map { folder in
      try TrainerOptions(pack: pack, directory: folder == "bundled" ? nil : folder, format: format, options: options).judge()
    }
    let trainer = TrainerOptions(pack: pack, directory: nil, format: format, options: options)
    let file = try trainer.proposal(proposal, judges[0])
    let result = try trainer.trainer { () throws(TrainerError) in
      try RuleComparison.run(file, first: (folders[0], judges[0]), second: (folders[1], judges[1]))
    }
    trainer.print(result.document(in: options.language), json: TrainerJSON.render(result))
  }
}
