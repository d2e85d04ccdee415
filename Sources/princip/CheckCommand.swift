import ArgumentParser
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
    let batch = try ProposalBatch(files: proposals, pack: pack, rules: directory, language: language)
    var status: CheckStatus = batch.failures > 0 ? .invalid : .passed
    let rendered = pack == "all" ? compare(batch, &status, language) : assess(batch, &status, language)
    try write(rendered, language)
    if status != .passed { throw ExitCode(status.rawValue) }
  }

  /// Each proposal judged by its pack; a proposal without a pack in force is an error.
  private func assess(_ batch: ProposalBatch, _ status: inout CheckStatus, _ language: Language) -> String {
    var reports: [AssessmentReport] = []
    for (file, proposal) in batch.proposals {
      do {
        let pack = try batch.pack(for: proposal, named: pack)
        let assessment = Evaluator(pack: pack, ladder: batch.library.ladder).assess(proposal)
        reports.append(AssessmentReport(assessment: assessment, pack: pack, ladder: batch.library.ladder, file: file, schema: batch.library.schema))
        status.record(CheckStatus(assessment.verdict))
      } catch {
        printError(error.message(in: language))
        status.record(.invalid)
      }
    }
    guard !reports.isEmpty else { return "" }
    return proposals.count == 1
      ? format.reporter.generateReport(reports[0], in: language)
      : format.reporter.generateReport(reports, in: language)
  }

  /// Each proposal compared across every pack.
  private func compare(_ batch: ProposalBatch, _ status: inout CheckStatus, _ language: Language) -> String {
    let comparisons = batch.proposals.map { Comparison(judging: $0.proposal, by: batch.library, file: $0.file) }
    comparisons.forEach { status.record(CheckStatus(comparing: $0)) }
    guard !comparisons.isEmpty else { return "" }
    return proposals.count == 1
      ? format.comparisonReporter.generateReport(comparisons[0], in: language)
      : format.comparisonReporter.generateReport(comparisons, in: language)
  }

  /// Writes the reports to standard output or `--output`; nothing at all when no proposal
  /// could be judged, so an earlier report in the output file is not replaced by nothing.
  private func write(_ text: String, _ language: Language) throws {
    guard !text.isEmpty else { return }
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
}
