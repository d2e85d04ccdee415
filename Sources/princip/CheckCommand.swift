import ArgumentParser
import CEL
import Foundation
import PrincipEngine

extension ReportFormat: ExpressibleByArgument {}

/// `princip check PROPOSAL…`: judges proposals by their municipality's principles and
/// prints a report. Parses flags, calls the engine, renders, and picks the exit code.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check proposals against their municipality's policy principles.",
    discussion: """
      Each proposal (YAML or JSON; - reads standard input) is judged by the pack named \
      by its `municipality`, in the version in force on its `decision_date`, unless \
      --pack names another. --pack all compares the proposal across every pack (the \
      version in force on the decision date, or else the newest) in a matrix of shared \
      themes.

      Exit status (docs/exit-codes.md):
        0  every principle honoured, or the deviation justified
        1  violations found
        2  invalid input or usage: unreadable, malformed or invalid proposal, unknown \
      pack, no pack version in force, unusable rules
        3  no violations, but facts are missing to decide some principles
      With several proposals the worst status wins (2, then 1, then 3, then 0), and \
      every proposal gets its report or its error. With --pack all, a violation under \
      any pack gives 1.
      """
  )

  @Argument(help: "Proposal files (YAML or JSON); - reads standard input.")
  var proposals: [String]

  @Option(help: "Judge by this pack instead of the proposal's municipality; 'all' compares every pack.")
  var pack: String?

  @Option(name: .customLong("rules"), help: "The rules folder (default: the rules built into princip).")
  var directory: String?

  @Option(help: "Output format: text, markdown or json.")
  var format: ReportFormat = .text

  @OptionGroup var options: LanguageOption

  @Option(help: "Write the report to this file instead of standard output.")
  var output: String?

  func run() throws {
    let language = options.language
    let files: RuleFiles
    do { files = try RuleSource.files(directory) } catch { throw error.report(in: language) }

    var status = CheckStatus.passed

    // Read the files first: the municipality each names tells which packs to load, and
    // loading only those keeps a single check fast. The hint is only a hint; the schema
    // decides, and a pack the hint missed is loaded after all.
    var texts: [(file: String, text: String)] = []
    for file in proposals {
      do {
        texts.append((file, try InputText.read(path: file)))
      } catch {
        printError(error.message(in: language))
        status.record(.invalid)
      }
    }
    let needed: Set<String>? =
      switch pack {
      case "all": nil
      case let name?: [name]
      case nil: Set(texts.compactMap { PackHint.municipality(in: $0.text) })
      }
    var library = try Self.library(files, only: needed, language: language)

    let reader = ProposalReader(schema: library.schema)
    var read: [(file: String, proposal: CELValue)] = []
    for (file, text) in texts {
      do {
        read.append((file, try reader.read(text: text, file: file)))
      } catch {
        printError(error.message(in: language))
        status.record(.invalid)
      }
    }
    if pack == nil, let needed {
      let named = Set(read.compactMap { $0.proposal["municipality"]?.stringValue })
      if !named.isSubset(of: needed) {
        library = try Self.library(files, only: needed.union(named), language: language)
      }
    }
    let known = Self.packFolders(in: files)

    var rendered: String
    if pack == "all" {
      let comparisons = read.map { Comparison(judging: $0.proposal, by: library, file: $0.file) }
      comparisons.forEach { status.record(CheckStatus(comparing: $0)) }
      rendered = comparisons.isEmpty ? "" : render(comparisons, language)
    } else {
      var reports: [AssessmentReport] = []
      for (file, proposal) in read {
        do {
          let pack = try Self.pack(for: proposal, named: pack, in: library, known: known)
          let assessment = Evaluator(pack: pack, ladder: library.ladder).assess(proposal)
          reports.append(AssessmentReport(assessment: assessment, pack: pack, ladder: library.ladder, file: file))
          status.record(CheckStatus(assessment.verdict))
        } catch {
          printError(error.message(in: language))
          status.record(.invalid)
        }
      }
      rendered = reports.isEmpty ? "" : render(reports, language)
    }
    try write(rendered, language)
    if status != .passed { throw ExitCode(status.rawValue) }
  }

  /// One document for every report; a JSON array when several proposals were named.
  private func render(_ reports: [AssessmentReport], _ language: Language) -> String {
    proposals.count == 1 && reports.count == 1
      ? format.reporter.generateReport(reports[0], in: language)
      : format.reporter.generateReport(reports, in: language)
  }

  private func render(_ comparisons: [Comparison], _ language: Language) -> String {
    proposals.count == 1 && comparisons.count == 1
      ? format.comparisonReporter.generateReport(comparisons[0], in: language)
      : format.comparisonReporter.generateReport(comparisons, in: language)
  }

  private func write(_ text: String, _ language: Language) throws {
    guard let output else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
      let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
      printError("\(output): " + (language == .da ? "kan ikke skrives: \(reason)" : "cannot be written: \(reason)"))
      throw ExitStatus.invalid
    }
  }

  /// The pack version that judges a proposal: `--pack NAME` or the proposal's
  /// municipality, in the version in force on its decision date.
  static func pack(for proposal: CELValue, named name: String?, in library: RuleLibrary, known: [String])
    throws(PrincipError) -> RulePack
  {
    guard let (municipality, date) = ProposalReader.packAndDate(of: proposal) else {
      throw .unknownPack(name ?? "?", available: known)
    }
    let chosen = name ?? municipality
    guard !library.versions(of: chosen).isEmpty else { throw .unknownPack(chosen, available: known) }
    return try library.pack(named: chosen, on: date)
  }

  /// Loads the library from files already read, printing its errors; exit status 2 if unusable.
  static func library(_ files: RuleFiles, only: Set<String>?, language: Language) throws -> RuleLibrary {
    let (library, diagnostics) = RuleLibrary.load(files, only: only)
    for diagnostic in diagnostics where diagnostic.level == .error {
      printError(diagnostic.rendered(in: language))
    }
    guard let library else { throw ExitStatus.invalid }
    return library
  }

  /// The pack folders of the rule files (`halsnaes`, …), for "did you mean" on an unknown
  /// pack: only the needed packs are loaded, so the library does not know the others.
  static func packFolders(in files: RuleFiles) -> [String] {
    let folders = files.texts.keys.compactMap { path -> String? in
      let parts = path.split(separator: "/")
      return parts.count >= 2 && parts.last == "pack.yaml" ? String(parts[0]) : nil
    }
    return Array(Set(folders)).sorted()
  }
}
