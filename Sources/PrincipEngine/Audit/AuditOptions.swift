import Foundation

/// How an audit runs.
public struct AuditOptions: Sendable {
  /// Worker threads; the result does not depend on it.
  public var threads: Int
  /// The breakdown of the table (`--by`), if any.
  public var breakdown: Breakdown?
  /// The column mapping for CSV inputs (and field renames for JSON Lines).
  public var mapping: ColumnMapping?
  /// The language of error reasons in the result file.
  public var language: Language
  /// How many of the most serious decisions the summary keeps, explained.
  public var seriousCount: Int
  /// About how many bytes of input one batch holds.
  public var batchBytes: Int

  /// The longest JSON Lines line or CSV row an audit reads (16 MiB; a decision takes a
  /// few kilobytes). A longer one stops the audit (``AuditError/recordTooLong(_:limit:)``).
  public static let maxRecordBytes = 16 << 20

  public init(
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, breakdown: Breakdown? = nil, mapping: ColumnMapping? = nil,
    language: Language = .da, seriousCount: Int = 25, batchBytes: Int = 512 << 10
  ) {
    self.threads = max(1, threads)
    self.breakdown = breakdown
    self.mapping = mapping
    self.language = language
    self.seriousCount = seriousCount
    self.batchBytes = max(4096, batchBytes)
  }
}
