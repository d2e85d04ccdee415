import ArgumentParser

/// `princip rules …`: tools for rule authors and trainers.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Lint, test and show rule packs.",
    subcommands: [RulesLintCommand.self, RulesTestCommand.self, RulesListCommand.self, RulesShowCommand.self]
  )
}
