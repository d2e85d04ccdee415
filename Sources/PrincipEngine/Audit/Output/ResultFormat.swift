/// A format of the per-decision result file (`--out`): one entry per decision, in input order.
public enum ResultFormat: String, Sendable, CaseIterable {
  case jsonLines = "jsonl"
  case csv

  /// The format a file name implies: `.csv` is CSV, anything else JSON Lines.
  public static func forFile(_ path: String) -> ResultFormat {
    path.lowercased().hasSuffix(".csv") ? .csv : .jsonLines
  }
}

/// Writes result entries as bytes. Implementations pre-encode what repeats (rule ids,
/// outcomes) once, so formatting a decision is mostly copying.
protocol ResultWriter: Sendable {
  /// Bytes before the first entry (a CSV header).
  var header: [UInt8] { get }
  /// Appends one decision's entry, line break included.
  func append(_ result: DecisionResult, to bytes: inout [UInt8])
}

extension ResultFormat {
  /// A writer of this format for the packs of `library`, with error reasons in `language`.
  func writer(library: RuleLibrary, language: Language) -> any ResultWriter {
    switch self {
    case .jsonLines: JSONLinesResultWriter(library: library, language: language)
    case .csv: CSVResultWriter(library: library, language: language)
    }
  }
}
