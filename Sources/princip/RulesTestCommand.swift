import ArgumentParser
import PrincipEngine

/// `princip rules test [DIR]`
struct RulesTestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run every rule's examples and report the ones that do not give their expected outcome.",
    discussion: "Exit status: 0 all pass, 1 some fail, 2 the rules cannot be loaded or the output cannot be written."
  )

  @Argument(help: "The rules folder, or one pack's folder in it (default: the rules built into princip).")
  var directory: String?

  @Option(help: "Only this pack.")
  var pack: String?

  @Flag(name: .shortAndLong, help: "List every example, not only failures.")
  var verbose = false

  @OptionGroup var options: LanguageOption

  func run() throws {
    let files: RuleFiles, folder: String?
    do { (files, folder) = try RuleSource.locate(directory) } catch { throw error.report(in: options.language) }
    let library = try RuleSource.library(files, language: options.language)
    let packs = try (pack ?? folder).map { name in
      let versions = library.versions(of: name)
      guard !versions.isEmpty else { throw PrincipError.unknownPack(name, available: library.packNames).report(in: options.language) }
      return versions
    }
    let results = ExampleRunner(library: library).run(packs: packs)
    let da = options.language == .da
    var lines: [String] = []
    for result in results where verbose || !result.passed {
      let status = result.passed ? "ok" : (da ? "FEJL" : "FAIL")
      var line = "\(result.location): \(status) \(result.ruleID) — \(result.example)"
      if !result.passed {
        let expected = result.expected.map(\.rawValue).joined(separator: ", ")
        let actual = result.actual.map { $0.map(\.rawValue).joined(separator: ", ") } ?? (da ? "ugyldigt forslag" : "invalid proposal")
        line += da ? ": forventede \(expected), fik \(actual)" : ": expected \(expected), got \(actual)"
        if let detail = result.detail { line += " (\(detail))" }
      }
      lines.append(line)
    }
    let failed = results.filter { !$0.passed }.count
    lines.append(da
      ? "\(results.count) eksempler, \(results.count - failed) bestået, \(failed) fejlede"
      : "\(results.count) examples, \(results.count - failed) passed, \(failed) failed")
    try writeOutput(lines.joined(separator: "\n") + "\n", language: options.language)
    if failed > 0 { throw ExitCode(1) }
  }
}
