import ArgumentParser
import Foundation

/// The `princip` command: checks proposals against a municipality's policy principles.
@main
struct Princip: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "princip",
    abstract: "Check a social-services proposal against a municipality's policy principles.",
    subcommands: [
      CheckCommand.self, RulesCommand.self, EvalCommand.self, AuditCommand.self,
      ExplainCommand.self, WhatIfCommand.self, MendCommand.self, TradeoffsCommand.self, TrainCommand.self,
      CompareCommand.self, ServeCommand.self,
    ]
  )

  /// Runs the command, turning ArgumentParser's usage errors (exit 64 by default) into
  /// exit status 2, as docs/exit-codes.md promises; everything else exits as usual.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(ExitStatus.invalid.rawValue)
      }
      exit(withError: error)
    }
  }
}
