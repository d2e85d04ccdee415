import ArgumentParser
import Foundation
import PrincipEngine

/// The `princip` command: checks proposals against a municipality's policy principles.
@main
struct Princip: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "princip",
    abstract: "Check a social-services proposal against a municipality's policy principles.",
    version: PrincipVersion.current,
    subcommands: [
      CheckCommand.self, RulesCommand.self, EvalCommand.self, AuditCommand.self,
      ExplainCommand.self, WhatIfCommand.self, MendCommand.self, TradeoffsCommand.self, TrainCommand.self,
      CompareCommand.self, ServeCommand.self,
    ]
  )

  /// Runs the command, turning ArgumentParser's usage errors (exit 64 by default) into
  /// exit status 2, as docs/exit-codes.md promises; everything else exits as usual.
  static func main() {
    InterruptCleanup.install()
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let misuse = UsageCheck.misuse(in: arguments, root: UsageCheck.CommandTree(self)) {
      printError(misuse)
      Foundation.exit(ExitStatus.invalid.rawValue)
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        printError(fullMessage(for: error))
        Foundation.exit(ExitStatus.invalid.rawValue)
      }
      // The help, written as every other output is: a full disk is an error here too.
      if code == .success, case let help = fullMessage(for: error), !help.isEmpty {
        let english = zip(CommandLine.arguments, CommandLine.arguments.dropFirst()).contains { $0 == "--lang" && $1 == "en" }
        do { try writeOutput(help + "\n", language: english ? .en : .da) } catch { Foundation.exit(ExitStatus.invalid.rawValue) }
        Foundation.exit(0)
      }
      exit(withError: error)
    }
  }
}
