/// Cuts the inputs of an audit, one after the other, into batches of records in input order.
final class RecordBatches {
  private var pending: ArraySlice<AuditInput>
  private let options: AuditOptions
  private let schema: ProposalSchema
  private var current: Reader?
  /// Bytes read from inputs already finished.
  private var finishedBytes = 0

  private enum Reader {
    case lines(String, JSONLinesReader)
    case csv(CSVDecisionReader)
    case files(ArraySlice<String>)
  }

  static let filesPerBatch = 32

  init(inputs: [AuditInput], options: AuditOptions, schema: ProposalSchema) {
    pending = inputs[...]
    self.options = options
    self.schema = schema
  }

  /// Bytes read so far over all inputs.
  var bytesRead: Int {
    switch current {
    case .lines(_, let reader): finishedBytes + reader.bytesRead
    case .csv(let reader): finishedBytes + reader.bytesRead
    case .files, nil: finishedBytes
    }
  }

  /// The next batch, `nil` when every input is read.
  func next() throws(AuditError) -> RecordBatch? {
    while true {
      if current == nil {
        guard let input = pending.popFirst() else { return nil }
        current = try open(input)
      }
      switch current {
      case .lines(let name, let reader):
        if let batch = try reader.next(targetBytes: options.batchBytes) { return .lines(input: name, batch) }
        finishedBytes += reader.bytesRead
      case .csv(let reader):
        if let decisions = try reader.next(targetBytes: options.batchBytes) { return .values(decisions) }
        finishedBytes += reader.bytesRead
      case .files(var paths):
        if !paths.isEmpty {
          let batch = Array(paths.prefix(Self.filesPerBatch))
          paths = paths.dropFirst(Self.filesPerBatch)
          current = .files(paths)
          return .files(batch)
        }
      case nil:
        break
      }
      current = nil
    }
  }

  private func open(_ input: AuditInput) throws(AuditError) -> Reader {
    switch input.format {
    case .jsonLines:
      return .lines(input.path, JSONLinesReader(source: try ByteSource(path: input.path)))
    case .csv:
      guard let mapping = options.mapping else { throw .mappingRequired(file: input.path) }
      return .csv(try CSVDecisionReader(source: try ByteSource(path: input.path), mapping: mapping, schema: schema))
    case .files:
      return .files(try input.proposalFiles()[...])
    }
  }
}
