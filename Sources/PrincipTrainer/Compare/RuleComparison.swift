import PrincipEngine

/// `princip compare PROPOSAL --rules A --rules B`: one proposal judged by two versions of
/// the rules, every rule side by side, the rows that changed marked.
public struct RuleComparison: Sendable, Codable {
  public var caseID: String
  public var first: Side
  public var second: Side
  /// Every rule and subject of either, in the first's order (then the second's new ones).
  public var rows: [Row]

  /// One version of the rules and how it judged.
  public struct Side: Sendable, Codable {
    /// The rules folder as named.
    public var rules: String
    public var summary: JudgementSummary
    public var fingerprint: String
  }

  /// One rule for one subject under both.
  public struct Row: Sendable, Codable {
    public var ruleID: String
    public var subject: String
    public var first: Outcome?
    public var second: Outcome?
    /// Why under the second, when its outcome changed.
    public var reason: LocalizedText?
    public var changed: Bool { first != second }
  }

  /// Judges the proposal (read with the first library's schema) by both.
  public static func run(
    _ proposal: TrainerProposal, first: (name: String, judge: ProposalJudge), second: (name: String, judge: ProposalJudge)
  ) throws(TrainerError) -> RuleComparison {
    let a = try first.judge.judge(proposal.raw, file: proposal.file)
    let b = try second.judge.judge(proposal.raw, file: proposal.file)
    let theirs = Dictionary(b.results.map { ($0.key, $0) }, uniquingKeysWith: { x, _ in x })
    var rows: [Row] = []
    var seen: Set<String> = []
    for result in a.results {
      seen.insert(result.key)
      let other = theirs[result.key]
      rows.append(Row(
        ruleID: result.ruleID, subject: result.subject, first: result.outcome, second: other?.outcome,
        reason: other?.outcome != result.outcome ? other?.reason : nil))
    }
    for result in b.results where !seen.contains(result.key) {
      rows.append(Row(ruleID: result.ruleID, subject: result.subject, first: nil, second: result.outcome, reason: result.reason))
    }
    return RuleComparison(
      caseID: a.assessment.caseID,
      first: Side(rules: first.name, summary: JudgementSummary(a), fingerprint: a.pack.fingerprint),
      second: Side(rules: second.name, summary: JudgementSummary(b), fingerprint: b.pack.fingerprint), rows: rows)
  }

  /// The report: both verdicts, then the table of rules, changed rows marked ◆.
  public func document(in language: Language) -> TrainerDocument {
    let words = TrainerWords(language)
    var document = TrainerDocument()
    document.add(.heading(words.format(.compareTitle, caseID), level: 1))
    document.add(.list([first, second].map { side in
      "\(side.rules): \(side.summary.pack) \(side.summary.version), \(side.summary.score)/100 (\(words.verdict(side.summary.verdict))), "
        + "\(words[.fingerprintWord]) \(side.fingerprint.prefix(12))"
    }))
    let changed = rows.filter(\.changed).count
    document.add(.paragraph(words.format(.compareChanged, String(changed), String(rows.count))))
    document.add(.table(
      header: ["", words[.ruleWord], words[.subjectWord], first.rules, second.rules, words[.whyWord]],
      rows: rows.map { row in
        [
          row.changed ? "◆" : "", row.ruleID, words.subjectPath(row.subject), row.first.map(words.outcome) ?? "–",
          row.second.map(words.outcome) ?? "–", row.reason?[language] ?? "",
        ]
      }))
    return document
  }
}
