import CEL

/// Runs an audit: reads the inputs as a stream of batches, judges each batch on a worker
/// thread, and writes results and tallies in input order.
///
/// Memory stays flat: at most `4 × threads` batches of about ``AuditOptions/batchBytes``
/// each are in flight, and the tally's size depends on the number of
/// principles and groups, not on the number of decisions. Output bytes and counts are the
/// same for any number of threads.
public struct AuditRunner: Sendable {
  private let judge: DecisionJudge
  private let replica: (@Sendable () -> RuleLibrary?)?
  private let options: AuditOptions
  private let resultFormat: ResultFormat?

  /// - Parameters:
  ///   - resultFormat: the format of the per-decision results, if they are wanted.
  ///   - replica: loads the same rules again, for each worker thread beyond the first;
  ///     each thread calls it when it starts. Threads that share rule objects and
  ///     interned strings contend for their reference counts on every use; with a copy
  ///     each, they share nothing. Without it (or when it returns `nil`) the threads
  ///     share `library`, with the same results.
  public init(
    library: RuleLibrary, options: AuditOptions, resultFormat: ResultFormat? = nil, replica: (@Sendable () -> RuleLibrary?)? = nil
  ) {
    judge = DecisionJudge(library: library, options: options)
    self.replica = replica
    self.options = options
    self.resultFormat = resultFormat
  }

  /// The principles the audit counts.
  public var principles: PrincipleTable { judge.table }

  /// Audits `inputs` in order.
  ///
  /// - Parameters:
  ///   - results: where the per-decision results go (with `resultFormat`), in input order.
  ///   - progress: called after each batch of records, on the calling thread.
  /// - Throws: ``AuditError`` when an input cannot be read or the results cannot be
  ///   written; a bad record never throws, it becomes an error row.
  public func run(
    _ inputs: [AuditInput], results: (any ResultSink)? = nil, progress: ((AuditProgress) -> Void)? = nil
  ) throws(AuditError) -> AuditSummary {
    let writer = resultFormat.map { $0.writer(library: judge.library, language: options.language) }
    if let writer, let results, !writer.header.isEmpty { try Self.write(writer.header, to: results) }
    let batches = RecordBatches(inputs: inputs, options: options, schema: judge.library.schema)
    let totalBytes = inputs.reduce(0 as Int?) { sum, input in input.byteCount.flatMap { size in sum.map { $0 + size } } }
    var tally = newTally()
    var nextRecord = 1
    func nextBatch() throws(AuditError) -> (batch: RecordBatch, firstRecord: Int)? {
      guard let batch = try batches.next() else { return nil }
      defer { nextRecord += batch.count }
      return (batch, nextRecord)
    }
    func deliver(_ output: BatchOutput) throws(AuditError) {
      if let results, !output.bytes.isEmpty { try Self.write(output.bytes, to: results) }
      tally.merge(output.tally)
      progress?(AuditProgress(records: tally.read, errors: tally.errors, bytesRead: batches.bytesRead, totalBytes: totalBytes))
    }
    var months = MonthlyCounts(principleCount: judge.table.entries.count)
    if options.threads == 1 {
      while let (batch, firstRecord) = try nextBatch() {
        try deliver(process(batch, firstRecord: firstRecord, judge: judge, writer: writer, months: &months))
      }
    } else {
      // The calling thread reads and writes; the workers judge, each with its own rules.
      let lanes = WorkerLanes(count: options.threads)
      let pipeline = OrderedPipeline<(batch: RecordBatch, firstRecord: Int), BatchOutput>(
        workers: options.threads, window: options.threads * 4
      ) { [self] worker, job in
        let lane = lanes.lane(worker) {
          let library = worker == 0 ? judge.library : replica?() ?? judge.library
          let judge = worker == 0 ? judge : DecisionJudge(library: library, options: options)
          return WorkerLanes.Lane(
            judge: judge, writer: resultFormat.map { $0.writer(library: library, language: options.language) },
            months: MonthlyCounts(principleCount: judge.table.entries.count))
        }
        return process(job.batch, firstRecord: job.firstRecord, judge: lane.judge, writer: lane.writer, months: &lane.months)
      }
      try pipeline.run(next: nextBatch, deliver: deliver)
      // The workers have finished: their counts are complete.
      for lane in lanes.all { months.merge(lane.months) }
    }
    return AuditSummary(tally: tally, months: months, judge: judge, options: options, inputs: inputs.map(\.path))
  }

  private static func write(_ bytes: [UInt8], to results: any ResultSink) throws(AuditError) {
    do { try results.write(bytes) } catch { throw .output(error) }
  }

  /// How many JSON Lines records ``process(_:firstRecord:judge:writer:)`` judges before
  /// it records their results.
  private static let groupSize = 16

  private struct BatchOutput: Sendable {
    var bytes: [UInt8]
    var tally: AuditTally
  }

  private func newTally() -> AuditTally {
    AuditTally(principleCount: judge.table.entries.count, packCount: judge.library.packs.count, keepSerious: options.seriousCount)
  }

  /// Judges a batch; its results' bytes and tally are returned, its decisions' months are
  /// counted into `months`.
  private func process(
    _ batch: RecordBatch, firstRecord: Int, judge: DecisionJudge, writer: (any ResultWriter)?, months: inout MonthlyCounts
  ) -> BatchOutput {
    var tally = newTally()
    var bytes: [UInt8] = []
    // Room for the results up front: growing the buffer would copy it. A result line
    // takes about one and a half times its record (all bundled packs).
    if writer != nil { bytes.reserveCapacity(max(batch.count * 2048, batch.byteCount * 2)) }
    var outcomes: [(slot: Int, outcome: Outcome)] = []
    var scratch: [UInt8] = []
    func record(_ result: DecisionResult) {
      writer?.append(result, to: &bytes)
      outcomes.removeAll(keepingCapacity: true)
      if case .judged(let judgement) = result.outcome {
        judge.principleOutcomes(of: judgement, into: &outcomes, scratch: &scratch)
        months.add(judgement, outcomes: outcomes)
      }
      tally.add(result, outcomes: outcomes)
    }
    switch batch {
    case .lines(let input, let lines):
      // Judged a few records at a time, and then their results recorded: judging and
      // recording each run much code of their own, and this way each one's code stays in
      // the instruction cache for the whole group rather than being evicted by the other's
      // for every record (callgrind: a fifth fewer instruction-cache misses).
      var results: [DecisionResult] = []
      results.reserveCapacity(Self.groupSize)
      lines.bytes.withUnsafeBufferPointer { buffer in
        for group in stride(from: 0, to: lines.lines.count, by: Self.groupSize) {
          for offset in group..<min(group + Self.groupSize, lines.lines.count) {
            let line = lines.lines[offset]
            let location = SourceLocation(file: input, line: line.number)
            results.append(judge.judge(jsonLine: UnsafeBufferPointer(rebasing: buffer[line.start..<line.end]), record: firstRecord + offset, location: location))
          }
          for result in results { record(result) }
          results.removeAll(keepingCapacity: true)
        }
      }
    case .values(let decisions):
      for (offset, decision) in decisions.enumerated() {
        switch decision.value {
        case .success(let value): record(judge.judge(value: value, record: firstRecord + offset, location: decision.location))
        case .failure(let error): record(DecisionResult(record: firstRecord + offset, location: decision.location, outcome: .error(error)))
        }
      }
    case .files(let paths):
      for (offset, path) in paths.enumerated() { record(judge.judge(file: path, record: firstRecord + offset)) }
    }
    return BatchOutput(bytes: bytes, tally: tally)
  }
}

/// Each worker thread's judge, writer and monthly counts, made by that thread when it
/// first needs them, so that loading the rules again for a further thread overlaps with
/// the others' work.
private final class WorkerLanes: @unchecked Sendable {  // Slot w is only ever touched by worker w, and read once all have finished.
  final class Lane {
    let judge: DecisionJudge
    let writer: (any ResultWriter)?
    var months: MonthlyCounts

    init(judge: DecisionJudge, writer: (any ResultWriter)?, months: MonthlyCounts) {
      self.judge = judge
      self.writer = writer
      self.months = months
    }
  }

  private let slots: UnsafeMutableBufferPointer<Lane?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  func lane(_ worker: Int, make: () -> Lane) -> Lane {
    if let lane = slots[worker] { return lane }
    let lane = make()
    slots[worker] = lane
    return lane
  }

  /// The lanes made so far.
  var all: [Lane] { slots.compactMap(\.self) }
}
