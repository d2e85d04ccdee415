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
  /// One judge per worker thread (the first is `judge`).
  private let workers: [DecisionJudge]
  private let options: AuditOptions
  private let resultFormat: ResultFormat?

  /// - Parameters:
  ///   - resultFormat: the format of the per-decision results, if they are wanted.
  ///   - replicas: further loads of the same rules, for the worker threads beyond the
  ///     first. Threads that share rule objects and interned strings contend for their
  ///     reference counts on every use; with a copy each, they share nothing. Without
  ///     replicas the threads share `library`, with the same results.
  public init(library: RuleLibrary, options: AuditOptions, resultFormat: ResultFormat? = nil, replicas: [RuleLibrary] = []) {
    judge = DecisionJudge(library: library, options: options)
    workers = [judge] + replicas.prefix(max(0, options.threads - 1)).map {
      DecisionJudge(library: $0, options: options)
    }
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
    let writers = workers.map { worker in resultFormat.map { $0.writer(library: worker.library, language: options.language) } }
    if let writer = writers[0], let results, !writer.header.isEmpty { try results.write(writer.header) }
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
      if !output.bytes.isEmpty { try results?.write(output.bytes) }
      tally.merge(output.tally)
      progress?(AuditProgress(records: tally.read, errors: tally.errors, bytesRead: batches.bytesRead, totalBytes: totalBytes))
    }
    if options.threads == 1 {
      while let (batch, firstRecord) = try nextBatch() {
        try deliver(process(batch, firstRecord: firstRecord, judge: judge, writer: writers[0]))
      }
    } else {
      // The calling thread reads and writes; the workers judge, each with its own rules.
      let workers = self.workers
      let pipeline = OrderedPipeline<(batch: RecordBatch, firstRecord: Int), BatchOutput>(
        workers: options.threads, window: options.threads * 4
      ) { [self] worker, job in
        let replica = worker < workers.count ? worker : 0
        return process(job.batch, firstRecord: job.firstRecord, judge: workers[replica], writer: writers[replica])
      }
      try pipeline.run(next: nextBatch, deliver: deliver)
    }
    return AuditSummary(tally: tally, judge: judge, options: options, inputs: inputs.map(\.path))
  }

  private struct BatchOutput: Sendable {
    var bytes: [UInt8]
    var tally: AuditTally
  }

  private func newTally() -> AuditTally {
    AuditTally(principleCount: judge.table.entries.count, packCount: judge.library.packs.count, keepSerious: options.seriousCount)
  }

  private func process(_ batch: RecordBatch, firstRecord: Int, judge: DecisionJudge, writer: (any ResultWriter)?) -> BatchOutput {
    var tally = newTally()
    var bytes: [UInt8] = []
    if writer != nil { bytes.reserveCapacity(batch.count * 2048) }
    var outcomes: [(slot: Int, outcome: Outcome)] = []
    var scratch: [UInt8] = []
    func record(_ result: DecisionResult) {
      writer?.append(result, to: &bytes)
      outcomes.removeAll(keepingCapacity: true)
      if case .judged(let judgement) = result.outcome {
        judge.principleOutcomes(of: judgement, into: &outcomes, scratch: &scratch)
      }
      tally.add(result, outcomes: outcomes)
    }
    switch batch {
    case .lines(let input, let lines):
      lines.bytes.withUnsafeBufferPointer { buffer in
        for (offset, line) in lines.lines.enumerated() {
          let location = SourceLocation(file: input, line: line.number)
          if line.tooLong {
            record(DecisionResult(record: firstRecord + offset, location: location, outcome: .error(AuditRecordError(
              location: location, problem: .lineTooLong(limit: 16 << 20)))))
          } else {
            record(judge.judge(jsonLine: UnsafeBufferPointer(rebasing: buffer[line.start..<line.end]), record: firstRecord + offset, location: location))
          }
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
