/// The outcome of an audit: reconciliation, per-principle counts worst first, the
/// breakdown, the trend and the most serious decisions, explained.
public struct AuditSummary: Sendable {
  /// The inputs as the user named them.
  public var inputs: [String]
  public var read: Int
  public var judged: Int
  public var errors: Int
  /// Judged decisions per verdict, in `Verdict.allCases` order.
  public var verdicts: [(verdict: Verdict, count: Int)]
  /// All judged decisions together.
  public var all: GroupCounts
  /// Principles that applied to at least one decision, the highest violation rate first.
  public var principles: [PrincipleRow]
  /// Principles of the loaded packs that applied to no decision.
  public var unusedPrinciples: [PrincipleTable.Entry]
  public var breakdown: Breakdown?
  /// The breakdown's groups, by key.
  public var groups: [(key: String, counts: GroupCounts)]
  /// Every month with judged decisions, oldest first.
  public var months: [(key: String, counts: GroupCounts)]
  /// The pack versions that judged decisions, with how many each.
  public var packs: [PackUse]
  public var firstDate: CivilDate?
  public var lastDate: CivilDate?
  /// The first error rows, in input order (all of them are in the result file).
  public var firstErrors: [AuditRecordError]
  /// The decisions with the most serious findings, explained.
  public var serious: [SeriousDecision]
  /// Every principle of the loaded packs, as the counts index them.
  public var table: PrincipleTable
  /// The comparison with an earlier audit, when one was given.
  public var baseline: BaselineComparison?

  /// Whether every record is accounted for: read = judged + errors.
  public var reconciles: Bool { read == judged + errors }

  /// One principle's counts.
  public struct PrincipleRow: Sendable {
    public var entry: PrincipleTable.Entry
    public var slot: Int
    public var counts: PrincipleCounts
  }

  /// A pack version and the decisions it judged.
  public struct PackUse: Sendable {
    public var name: String
    public var version: String
    public var fingerprint: String
    public var municipality: LocalizedText
    public var inForce: RulePack.Period
    /// The decisions this version judged.
    public var counts: GroupCounts
    public var decisions: Int { counts.judged }
  }

  /// A decision among the most serious, with its findings explained.
  public struct SeriousDecision: Sendable {
    public var caseID: String
    public var location: SourceLocation
    public var pack: RulePack
    public var decisionDate: CivilDate
    public var assessment: Assessment
  }

  init(tally: AuditTally, months: MonthlyCounts, judge: DecisionJudge, options: AuditOptions, inputs: [String]) {
    self.inputs = inputs
    read = tally.read
    judged = tally.judged
    errors = tally.errors
    verdicts = Verdict.allCases.enumerated().map { ($1, tally.verdicts[$0]) }
    all = tally.all
    table = judge.table
    var rows: [PrincipleRow] = []
    var unused: [PrincipleTable.Entry] = []
    for (slot, entry) in judge.table.entries.enumerated() {
      let counts = all.principles[slot]
      if counts.applicable > 0 { rows.append(PrincipleRow(entry: entry, slot: slot, counts: counts)) } else { unused.append(entry) }
    }
    principles = rows.sorted(by: Self.worseFirst)
    unusedPrinciples = unused
    breakdown = options.breakdown
    groups = tally.groups.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
    self.months = months.byMonth.sorted { $0.key < $1.key }.map { (Breakdown.month(year: $0.key / 12, month: $0.key % 12 + 1), $0.value) }
    packs = judge.library.packs.enumerated().compactMap { index, pack in
      tally.byPack[index].judged == 0 ? nil : PackUse(
        name: pack.name, version: pack.version, fingerprint: pack.fingerprint, municipality: pack.municipality,
        inForce: pack.inForce, counts: tally.byPack[index])
    }
    firstDate = tally.firstDate
    lastDate = tally.lastDate
    firstErrors = tally.firstErrors
    serious = tally.serious.decisions.compactMap { result in
      guard case .judged(let judgement) = result.outcome, let assessment = judge.explain(judgement) else { return nil }
      return SeriousDecision(
        caseID: judgement.caseID, location: result.location, pack: judge.library.packs[judgement.packIndex],
        decisionDate: judgement.decisionDate, assessment: assessment)
    }
  }

  /// Worst first: higher violation rate, then more violations, then the principle's key.
  static func worseFirst(_ a: PrincipleRow, _ b: PrincipleRow) -> Bool {
    let rateA = a.counts.violationRate ?? 0, rateB = b.counts.violationRate ?? 0
    if rateA != rateB { return rateA > rateB }
    if a.counts.violated != b.counts.violated { return a.counts.violated > b.counts.violated }
    return a.entry.key < b.entry.key
  }

  /// The counts of the principle in `slot`.
  public func counts(slot: Int) -> PrincipleCounts { all.principles[slot] }
}
