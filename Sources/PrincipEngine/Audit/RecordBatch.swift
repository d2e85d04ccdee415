import CEL

/// A run of consecutive records, handed to one worker.
enum RecordBatch: Sendable {
  /// Lines of a JSON Lines input.
  case lines(input: String, LineBatch)
  /// Decisions assembled from CSV rows (or the reason they could not be).
  case values([AssembledDecision])
  /// Proposal files, one decision each.
  case files([String])

  var count: Int {
    switch self {
    case .lines(_, let batch): batch.lines.count
    case .values(let values): values.count
    case .files(let paths): paths.count
    }
  }

  /// The bytes of the records, where the batch holds them (0 for assembled decisions
  /// and files).
  var byteCount: Int {
    if case .lines(_, let batch) = self { batch.bytes.count } else { 0 }
  }
}

/// A decision put together from CSV rows.
struct AssembledDecision: Sendable {
  var location: SourceLocation
  var value: Result<CELValue, AuditRecordError>
}
