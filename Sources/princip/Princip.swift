import ArgumentParser

/// The `princip` command: checks proposals against a municipality's policy principles.
@main
struct Princip: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "princip",
    abstract: "Check a social-services proposal against a municipality's policy principles.",
    subcommands: [RulesCommand.self]
  )
}
