import ArgumentParser
import PrincipEngine

/// `princip rules lint [DIR]`
struct RulesLintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check rule files: YAML, keys, CEL syntax, fields and values against the proposal schema, examples.",
    discussion: "Exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 the folder cannot be read or the output cannot be written."
  )

  @Argument(help: "The rules folder, or one pack's folder in it (default: the rules built into princip).")
  var directory: String?

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @OptionGroup var options: LanguageOption

  func run() throws {
    let files: RuleFiles, pack: String?
    do { (files, pack) = try RuleSource.locate(directory) } catch { throw error.report(in: options.language) }
    let diagnostics = Linter.lint(files, only: pack.map { [$0] })
    let errors = diagnostics.filter { $0.level == .error }.count
    let warnings = diagnostics.count - errors
    var lines = diagnostics.map { $0.rendered(in: options.language) }
    lines.append(options.language == .da
      ? "\(files.origin): \(errors) fejl, \(warnings) advarsler"
      : "\(files.origin): \(errors) errors, \(warnings) warnings")
    try writeOutput(lines.joined(separator: "\n") + "\n", language: options.language)
    if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
  }
}
