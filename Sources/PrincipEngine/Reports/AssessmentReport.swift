/// One proposal's assessment together with what a report needs to explain it: the pack
/// that judged it (titles, quotes, sources), the ladder (names of intervention kinds) and
/// the file it came from.
public struct AssessmentReport: Sendable {
  public var assessment: Assessment
  /// The pack version that made the assessment (`assessment.pack` names it).
  public var pack: RulePack
  /// For naming intervention kinds; reports fall back to the kind's id without it.
  public var ladder: Ladder?
  /// The proposal file as the user named it, if it came from a file.
  public var file: String?
  /// For the placeholders of the facts to add (``factsToAdd``); without it they are generic.
  public var schema: ProposalSchema?

  public init(
    assessment: Assessment, pack: RulePack, ladder: Ladder? = nil, file: String? = nil, schema: ProposalSchema? = nil
  ) {
    self.assessment = assessment
    self.pack = pack
    self.ladder = ladder
    self.file = file
    self.schema = schema
  }

  /// A principle of the pack and how the proposal fared on it.
  public struct PrincipleResult: Sendable {
    public var principle: Principle
    /// The most serious outcome among the principle's findings; `nil` when no rule
    /// checks it (a principle no proposal can show).
    public var outcome: Outcome?
    /// The most severe rule severity among its findings that were not satisfied.
    public var severity: Severity?
  }

  /// Every principle of the pack in pack order, with its overall outcome.
  public var principleResults: [PrincipleResult] {
    var outcomes: [String: Outcome] = [:]
    var severities: [String: Severity] = [:]
    for finding in assessment.findings {
      outcomes[finding.principleID] = min(outcomes[finding.principleID] ?? finding.outcome, finding.outcome)
      if finding.outcome == .violated || finding.outcome == .undetermined || finding.outcome == .justified {
        severities[finding.principleID] = max(severities[finding.principleID] ?? finding.severity, finding.severity)
      }
    }
    return pack.principles.map { principle in
      PrincipleResult(principle: principle, outcome: outcomes[principle.id], severity: severities[principle.id])
    }
  }

  /// The findings grouped by outcome, most serious outcome first (violated, undetermined,
  /// justified, satisfied, not applicable); empty groups are left out. Within a group the
  /// most severe come first, otherwise in pack order.
  public var findingsByOutcome: [(outcome: Outcome, findings: [Finding])] {
    let ordered = assessment.findings.enumerated().sorted { lhs, rhs in
      (lhs.element.outcome, rhs.element.severity, lhs.offset) < (rhs.element.outcome, lhs.element.severity, rhs.offset)
    }.map(\.element)
    var groups: [(outcome: Outcome, findings: [Finding])] = []
    for finding in ordered {
      if groups.last?.outcome == finding.outcome {
        groups[groups.count - 1].findings.append(finding)
      } else {
        groups.append((finding.outcome, [finding]))
      }
    }
    return groups
  }

  /// The principle a finding is about.
  public func principle(of finding: Finding) -> Principle? {
    pack.principle(finding.principleID)
  }

  /// The principle's title, or its id when the pack does not declare it.
  public func principleTitle(of finding: Finding, in language: Language) -> String {
    principle(of: finding)?.title[language] ?? finding.principleID
  }

  /// How a report names an intervention: its title, or else the ladder's name of its kind.
  public func interventionName(_ index: Int, in language: Language) -> String {
    let scores = assessment.interventions
    guard scores.indices.contains(index) else { return "#\(index + 1)" }
    let entry = scores[index]
    if let title = entry.title, !title.isEmpty { return title }
    if let kind = entry.kind { return ladder?.step(kind)?.title[language] ?? kind }
    return "#\(index + 1)"
  }

  /// The intervention kind as the ladder names it, with its paragraph: `Bostøtte (SEL §85)`.
  public func kindName(_ index: Int, in language: Language) -> String? {
    guard assessment.interventions.indices.contains(index), let kind = assessment.interventions[index].kind else {
      return nil
    }
    guard let step = ladder?.step(kind) else { return kind }
    return step.paragraph.map { "\(step.title[language]) (\($0))" } ?? step.title[language]
  }

  /// Where a fact to add goes, in words: `under interventions[0] (Bostøtte)`, or the top.
  public func place(of fact: FactToAdd, in language: Language) -> String {
    let words = ReportWords(language)
    guard !fact.parent.isEmpty else { return words.topLevel }
    let prefix = "interventions["
    if fact.parent.hasPrefix(prefix), let index = Int(fact.parent.dropFirst(prefix.count).prefix { $0.isNumber }) {
      return "\(words.under) \(fact.parent) (\(interventionName(index, in: language)))"
    }
    return "\(words.under) \(fact.parent)"
  }

  /// The subject of a finding in words: `hele indstillingen` or `indsats 2` (the report
  /// names each intervention once, beside its score).
  public func subjectName(_ subject: Subject, in language: Language) -> String {
    let words = ReportWords(language)
    switch subject {
    case .proposal: return words.wholeProposal
    case .intervention(let index): return "\(words.intervention) \(index + 1)"
    }
  }
}
