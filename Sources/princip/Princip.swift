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
    subcommands: [CheckCommand.self, RulesCommand.self, EvalCommand.self, AuditCommand.self]
  )

  /// Runs the command, turning ArgumentParser's usage errors (exit 64 by default) into
  /// exit status 2, as docs/exit-codes.md promises; everything else exits as usual.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let misuse = UsageCheck.misuse(in: arguments, root: UsageCheck.CommandTree(self)) {
      printError(misuse)
      Foundation.exit(ExitStatus.invalid.rawValue)
    }
    do {
      var command = try parseAsRoot(arguments)
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
