import CEL
import PrincipEngine

/// `princip whatif --sweep PATH=FROM..TO[:STEP]`: one numeric or date fact walked through
/// a range, and where the verdict and each rule change.
public struct SweepResult: Sendable, Codable {
  public var caseID: String
  public var path: String
  /// The values tried, in order.
  public var values: [FactValue]
  /// Stretches of the range with one verdict and score.
  public var verdicts: [Stretch<VerdictPoint>]
  /// Per rule and subject whose outcome is not the same over the whole range: its stretches.
  public var rules: [RuleSweep]

  /// Consecutive values with the same result: from the first to the last of them.
  public struct Stretch<Point: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
    public var from: FactValue
    public var to: FactValue
    public var result: Point
  }

  /// A verdict and score.
  public struct VerdictPoint: Sendable, Codable, Hashable {
    public var verdict: Verdict
    public var score: Int
  }

  /// One rule's outcome over the range.
  public struct RuleSweep: Sendable, Codable, Hashable {
    public var ruleID: String
    public var principleTitle: LocalizedText
    public var subject: String
    public var stretches: [Stretch<Outcome>]
  }

  /// The range of a sweep: numbers (`10..40:5`) or dates (`2024-01-01..2024-12-31:30`, the
  /// step in days).
  public struct Range: Sendable, Hashable {
    public var path: String
    public var values: [FactValue]

    /// The most values a sweep tries.
    public static let limit = 2_000

    /// Reads `PATH=FROM..TO[:STEP]`.
    public init(parsing argument: String) throws(TrainerError) {
      guard let equals = argument.firstIndex(of: "=") else { throw .invalidArgument(argument, expected: .pathEqualsValue) }
      path = String(argument[..<equals])
      _ = try FieldPath(parsing: path)
      var spec = Substring(argument[argument.index(after: equals)...])
      var stepText: Substring?
      if let colon = spec.lastIndex(of: ":") {
        stepText = spec[spec.index(after: colon)...]
        spec = spec[..<colon]
      }
      let bounds = spec.split(separator: "..", omittingEmptySubsequences: false)
      guard bounds.count == 2 else { throw .invalidRange(argument, .syntax) }
      let from = String(bounds[0]), to = String(bounds[1])
      if let start = CivilDate(from), let end = CivilDate(to) {
        guard let step = stepText.map({ Int($0) }) ?? 1 else { throw .invalidRange(argument, .syntax) }
        guard step > 0 else { throw .invalidRange(argument, .emptyStep) }
        let first = start.daysSinceEpoch, last = end.daysSinceEpoch
        guard last >= first else { throw .invalidRange(argument, .syntax) }
        guard (last - first) / step < Self.limit else { throw .invalidRange(argument, .tooManySteps) }
        values = stride(from: first, through: last, by: step).map { .string(CivilDate(daysSinceEpoch: $0).description) }
      } else if let start = Double(from), let end = Double(to), start.isFinite, end.isFinite {
        guard let step = stepText.map({ Double($0) }) ?? 1, step.isFinite else { throw .invalidRange(argument, .syntax) }
        guard step > 0 else { throw .invalidRange(argument, .emptyStep) }
        guard end >= start else { throw .invalidRange(argument, .syntax) }
        guard (end - start) / step < Double(Self.limit) else { throw .invalidRange(argument, .tooManySteps) }
        let whole = [start, end, step].allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 }
        let count = Int(((end - start) / step + 1e-9).rounded(.down))
        values = (0...count).map { whole ? .int(Int64(start) + Int64($0) * Int64(step)) : .double(start + Double($0) * step) }
      } else {
        throw .invalidRange(argument, .notNumeric)
      }
    }
  }

  /// Sets the fact at `range.path` to each value in turn (other changes made first).
  public static func run(
    _ proposal: TrainerProposal, range: Range, changes: [ProposalChange] = [], judge: ProposalJudge
  ) throws(TrainerError) -> SweepResult {
    let base = try proposal.applying(changes)
    var judgements: [Judgement] = []
    for value in range.values {
      let change = ProposalChange(.set, range.path, value)
      judgements.append(try judge.judge(try change.applied(to: base), change: change.argument, file: proposal.file))
    }
    return SweepResult(range: range, judgements: judgements)
  }

  init(range: Range, judgements: [Judgement]) {
    path = range.path
    values = range.values
    caseID = judgements.first?.assessment.caseID ?? "?"
    verdicts = Self.stretches(range.values, judgements.map { VerdictPoint(verdict: $0.assessment.verdict, score: $0.assessment.score) })
    var order: [String] = []
    var outcomes: [String: [Outcome]] = [:]
    var firstSeen: [String: RuleResult] = [:]
    for (offset, judgement) in judgements.enumerated() {
      for result in judgement.results {
        if firstSeen[result.key] == nil {
          firstSeen[result.key] = result
          order.append(result.key)
          outcomes[result.key] = Array(repeating: .notApplicable, count: offset)
        }
        outcomes[result.key]?.append(result.outcome)
      }
      for key in order where (outcomes[key]?.count ?? 0) <= offset { outcomes[key]?.append(.notApplicable) }
    }
    rules = order.compactMap { key in
      guard let first = firstSeen[key], let series = outcomes[key], Set(series).count > 1 else { return nil }
      return RuleSweep(
        ruleID: first.ruleID, principleTitle: first.principleTitle, subject: first.subject,
        stretches: Self.stretches(range.values, series))
    }
  }

  private static func stretches<Point>(_ values: [FactValue], _ points: [Point]) -> [Stretch<Point>] {
    var stretches: [Stretch<Point>] = []
    for (value, point) in zip(values, points) {
      if let last = stretches.last, last.result == point {
        stretches[stretches.count - 1].to = value
      } else {
        stretches.append(Stretch(from: value, to: value, result: point))
      }
    }
    return stretches
  }
}
