import ArgumentParser
import Foundation
import PrincipEngine

extension AuditInput.Format: ExpressibleByArgument {}

/// `princip audit INPUT…`: judges a batch of past decisions, each by its municipality's
/// pack version in force on its decision date, and summarises where practice and policy
/// part. Parses flags, calls the engine, renders, picks the exit code.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Audit a batch of past decisions against the principles in force when they were made.",
    discussion: """
      Inputs: JSON Lines (.jsonl, one decision a line), CSV (.csv, one intervention a row, \
      grouped into decisions by the column mapped to case_id; needs --mapping), a YAML/JSON \
      proposal file, or a folder of them; - reads standard input (JSON Lines unless \
      --format says otherwise). A decision is a proposal with optional `decision` and \
      `metadata` (team, caseworker_id, district).

      A record that cannot be judged (malformed, wrong types, unknown municipality, a date \
      outside every pack version) becomes an error row with its line and reason; the \
      batch goes on, and the summary reconciles read = judged + errors. A line or row \
      longer than 16 MiB stops the audit (exit 2): such input is not one of decisions. \
      Output files (--out, --report) are written under a temporary name and renamed when \
      complete; earlier files of the same names are removed as the run starts, so that a \
      run that stops leaves each output complete or absent. An output that is also an \
      input is refused. Devices and FIFOs (/dev/null) are written in place.

      Exit status:
        0  every record was judged (violations in the decisions do not change this)
        2  the audit could not run: unusable rules, an unreadable input, mapping or \
      baseline, an output that cannot be written, or invalid usage
        4  the audit ran, but some records are error rows
        130  interrupted (Ctrl-C, kill, SIGQUIT; no output file is left behind)
      """
  )

  @Argument(help: "Decision files: .jsonl, .csv, .json/.yaml, a folder of proposal files, or - for standard input.")
  var inputs: [String] = []

  @Option(name: .customLong("format"), help: "Read every input as this format: jsonl, csv or files.")
  var inputFormat: AuditInput.Format?

  @Option(help: "Column mapping (YAML) from the export's columns to proposal fields; needed for CSV.")
  var mapping: String?

  @Option(name: .customLong("by"), help: "Break the table down by team, month, quarter, year, intervention, provider, municipality or a field path (metadata.district).")
  var breakdown: String?

  @Option(help: "Write one result per decision, in input order, to FILE.jsonl or FILE.csv.")
  var out: String?

  @Option(help: "Write a self-contained HTML report to this file.")
  var report: String?

  @Option(help: "An earlier audit's results (.jsonl from --out) to compare against.")
  var baseline: String?

  @Option(name: .customLong("rules"), help: "The rules folder (default: the rules built into princip).")
  var directory: String?

  @Option(help: "Worker threads (default: one per core). The output is the same for any number.")
  var threads: Int?

  @OptionGroup var options: LanguageOption

  func validate() throws {
    guard !inputs.isEmpty else { throw ValidationError("Name at least one input (a file, a folder or -).") }
    if let breakdown, Breakdown(breakdown) == nil { throw ValidationError("--by: '\(breakdown)' is not a breakdown or a field path.") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
    if let out, !(out.hasSuffix(".jsonl") || out.hasSuffix(".csv") || out.hasSuffix(".ndjson")) {
      throw ValidationError("--out must name a .jsonl or .csv file.")
    }
  }

  /// How many further copies of the rules are worth loading: one per further thread up
  /// to one per core (threads beyond the cores share the first copy), and none for input
  /// files too small to keep more than one thread busy.
  static func ruleCopies(threads: Int, inputs: [String]) -> Int {
    let batches = 4 * AuditOptions().batchBytes
    let small = inputs.allSatisfy { path in
      guard path != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? Int
      else { return false }
      return size < batches
    }
    return small ? 0 : max(0, min(threads, ProcessInfo.processInfo.activeProcessorCount) - 1)
  }

  func run() throws {
    let language = options.language
    // First of all, before the rules load: whenever the run stops from now on, each
    // output is either this run's complete file or absent.
    let outputs: [OutputFile]
    do { outputs = try openOutputs() } catch { throw error.report(in: language) }
    defer { outputs.forEach { $0.discard() } }
    let results = out.map { _ in outputs[0] }
    let reportFile = report.map { _ in outputs[outputs.count - 1] }

    let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
    let files = try RuleSource.files(directory, language: language)
    // Further threads get copies of the rules of their own, so that they share no
    // reference counts, loaded now beside the main load.
    // The main load type-checks the rules (and stops the audit if they fail), so the copies need not.
    var copies = files
    copies.linted = true
    let replicas = RulePrefetch(files: copies, count: Self.ruleCopies(threads: threads, inputs: inputs))
    let library = try RuleSource.library(files, examples: false, language: language)
    do {
      let breakdown = try breakdown.map { (text) throws(AuditError) -> Breakdown in try Self.breakdown(text, schema: library.schema) }
      let audit = AuditOptions(
        threads: threads, breakdown: breakdown,
        mapping: try mapping.map { (path) throws(AuditError) in try ColumnMapping.read(path: path) }, language: language,
        // Only the HTML report explains the most serious decisions; without it none are kept.
        seriousCount: report == nil ? 0 : 25)
      let earlier = try baseline.map { (path) throws(AuditError) in try AuditBaseline.read(path: path) }
      let sources = try inputs.map { (path) throws(AuditError) in try AuditInput.detect(path, format: inputFormat) }

      let runner = AuditRunner(
        library: library, options: audit, resultFormat: out.map(ResultFormat.forFile), replica: replicas.next)
      let bar = ProgressBar.forStandardError(language: language)
      var summary = try runner.run(sources, results: results, progress: bar.map { bar in { bar.update($0) } })
      bar?.finish()
      if let earlier { summary.compare(with: earlier) }
      do {
        if let reportFile {
          try reportFile.write(AuditHTMLReport.render(summary, in: language))
          try reportFile.commit()
        }
        try results?.commit()
      } catch {
        throw AuditError.output(error)
      }
      try writeOutput(AuditTextReport.render(summary, in: language), language: language)
      // Decision by decision against the baseline: read back from the results just written.
      if let earlier, let out, out.hasSuffix(".jsonl") || out.hasSuffix(".ndjson") {
        let now = try AuditBaseline.read(path: out)
        try writeOutput("\n" + BaselineDecisions(baseline: earlier, now: now).text(in: language), language: language)
      }
      if summary.errors > 0 { throw ExitCode(4) }
    } catch let error as AuditError {
      printError(error.message(in: language))
      throw ExitStatus.invalid
    }
  }

  /// Opens `--out` and `--report` (in that order), refusing one that is an input (or both
  /// the same file), and removes earlier files under their names.
  private func openOutputs() throws(OutputError) -> [OutputFile] {
    let paths = [out, report].compactMap(\.self)
    guard !paths.isEmpty else { return [] }
    try OutputFile.refuseOverlaps(outputs: paths, inputs: inputs + [mapping, baseline].compactMap(\.self))
    var files: [OutputFile] = []
    for path in paths {
      let file: OutputFile
      do { file = try OutputFile(path: path) } catch {
        files.forEach { $0.discard() }
        throw error
      }
      files.append(file)
    }
    for file in files { file.removeEarlier() }
    return files
  }

  /// The breakdown, its field path checked against the schema.
  static func breakdown(_ text: String, schema: ProposalSchema) throws(AuditError) -> Breakdown {
    guard let breakdown = Breakdown(text) else { throw .unknownFormat(file: text) }
    if let path = breakdown.fieldPath, schema.node(at: path) == nil {
      // Suggest a sibling of the last field: `metadata.distrct` → `metadata.district`.
      var siblings: [String] = []
      var parent = schema.node(at: Array(path.dropLast()))
      while case .array(let items, _)? = parent { parent = items }
      if case .object(let rule)? = parent { siblings = rule.properties.map(\.name) }
      let suggestion = path.last.flatMap { Suggestion.closest(to: $0, among: siblings) }
      throw .unknownBreakdownField(text, suggestion: suggestion.map { (path.dropLast() + [$0]).joined(separator: ".") })
    }
    // Groups are named by their values in every output: never by free text (Disclosure.withheld).
    if let path = breakdown.fieldPath, schema.node(at: path)?.mayHoldFreeText == true { throw .freeTextBreakdownField(text) }
    return breakdown
  }
}
