import CEL

/// Judges the records of a JSON Lines stream one at a time, for a caller that receives
/// them piece by piece (`princip serve`'s `/v1/audit`), with the audit's own per-record
/// judging (``DecisionJudge``) and result line writer: a record gets exactly the line
/// `princip audit --out results.jsonl` writes for it.
///
/// It keeps nothing between records, so memory stays flat however long the stream.
public struct AuditLineJudge: Sendable {
  private let judge: DecisionJudge
  private let writers: [Language: JSONLinesResultWriter]
  private let library: RuleLibrary

  /// What the caller may record about a judged record (for metrics and a decision log):
  /// never any of the proposal's content beyond its case id.
  public struct Decision: Sendable {
    public var caseID: String
    public var pack: RulePack
    public var verdict: Verdict
    /// Each principle the decision touched, with its most serious outcome, in table order.
    public var outcomes: [(principle: String, outcome: Outcome)]
  }

  public init(library: RuleLibrary) {
    self.library = library
    judge = DecisionJudge(library: library, options: AuditOptions(threads: 1, seriousCount: 0))
    writers = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, JSONLinesResultWriter(library: library, language: $0)) })
  }

  /// Judges the record `bytes` (one line, without its line break) and appends its result
  /// line to `output`; returns what was decided, `nil` for an error row.
  ///
  /// - Parameters:
  ///   - input: the name the result line gives the input (`"input"`).
  ///   - line: the record's 1-based line number in the input.
  public func judge(
    _ bytes: UnsafeBufferPointer<UInt8>, input: String, line: Int, language: Language, into output: inout [UInt8]
  ) -> Decision? {
    let location = SourceLocation(file: input, line: line)
    let result = judge.judge(jsonLine: bytes, record: line, location: location)
    writers[language]?.append(result, to: &output)
    return verdict(of: result)
  }

  /// Appends the error row of a record longer than the caller accepts (its bytes dropped).
  public func tooLong(input: String, line: Int, limit: Int, language: Language, into output: inout [UInt8]) {
    let location = SourceLocation(file: input, line: line)
    let result = DecisionResult(
      record: line, location: location, outcome: .error(AuditRecordError(location: location, problem: .lineTooLong(limit: limit))))
    writers[language]?.append(result, to: &output)
  }

  private func verdict(of result: DecisionResult) -> Decision? {
    guard case .judged(let judgement) = result.outcome else { return nil }
    var slots: [(slot: Int, outcome: Outcome)] = []
    var scratch: [UInt8] = []
    judge.principleOutcomes(of: judgement, into: &slots, scratch: &scratch)
    let entries = judge.table.entries
    return Decision(
      caseID: judgement.caseID, pack: library.packs[judgement.packIndex], verdict: judgement.scorecard.verdict,
      outcomes: slots.map { (entries[$0.slot].id, $0.outcome) })
  }
}
