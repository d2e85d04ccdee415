import ArgumentParser
import PrincipEngine

/// Usage errors that ArgumentParser words unhelpfully, found before it parses: a
/// misspelt command (`princip chek`: "2 unexpected arguments") and an argument that
/// starts with `-` but is no option (`check -dash.yaml` is read as `-d -a -s -h …`, and
/// so prints the help).
enum UsageCheck {
  /// The message for the first such misuse in `arguments`, in the language they ask
  /// for; `nil` when there is none and ArgumentParser should parse them.
  static func misuse(in arguments: [String], root: CommandTree) -> String? {
    let da = language(of: arguments) == .da
    var command = root
    var path = [root.name]
    for argument in arguments {
      if argument == "--" { return nil }
      if !command.subcommands.isEmpty {
        // Options (`--help`, `--version`) are the parser's to handle.
        guard !argument.hasPrefix("-") else { return nil }
        if let next = command.subcommands.first(where: { $0.name == argument }) {
          command = next
          path.append(argument)
          continue
        }
        if argument == "help" { return nil }
        let names = command.subcommands.map(\.name)
        let hint = Suggestion.hint(for: argument, among: names, in: da ? .da : .en)
        let list = names.joined(separator: ", ")
        let owner = path.joined(separator: " ")
        return da
          ? "'\(argument)' er ikke en kommando i \(owner)\(hint); kommandoerne er: \(list)"
          : "'\(argument)' is not a command of \(owner)\(hint); the commands are: \(list)"
      }
      if isStrayDash(argument) {
        let example = (path + ["--", argument]).joined(separator: " ")
        return da
          ? "'\(argument)' er ikke et tilvalg; et argument, der begynder med '-' (som et filnavn), skrives efter '--' (\(example)) eller som ./\(argument)"
          : "'\(argument)' is not an option; an argument that starts with '-' (such as a file name) goes after '--' (\(example)) or is written ./\(argument)"
      }
    }
    return nil
  }

  /// The names of a command and its subcommands, read once from their configurations.
  struct CommandTree {
    var name: String
    var subcommands: [CommandTree]

    init(_ command: any ParsableCommand.Type) {
      let configuration: CommandConfiguration = command.configuration
      name = configuration.commandName ?? ""
      var children: [CommandTree] = []
      for subcommand in configuration.subcommands { children.append(CommandTree(subcommand)) }
      subcommands = children
    }
  }

  /// A single-dash word longer than one short option (`-dash.yaml`): princip has no
  /// clusters of short options, so it can only be a file name or a typo. `-` alone is
  /// standard input; `-h`, `-v` and unknown single letters are left to the parser.
  private static func isStrayDash(_ argument: String) -> Bool {
    argument.hasPrefix("-") && !argument.hasPrefix("--") && argument.count > 2
  }

  /// The language `--lang` asks for (Danish by default), read before parsing.
  private static func language(of arguments: [String]) -> Language {
    for (index, argument) in arguments.enumerated() {
      if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .da }
      if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst("--lang=".count))) ?? .da }
    }
    return .da
  }
}
