import CEL
import PrincipEngine

/// `princip explain`: for each rule and subject, whether the rule applies and whether it
/// is honoured, as trees of the conditions' parts with their values, then the outcome,
/// the policy sentence, and the justification or remedy.
public struct ExplainResult: Sendable, Codable {
  public var caseID: String
  public var pack: String
  public var score: Int
  public var verdict: Verdict
  public var rules: [RuleExplanation]

  /// One rule for one subject.
  public struct RuleExplanation: Sendable, Codable {
    public var result: RuleResult
    /// The `when` tree; `nil` when the rule always applies.
    public var applies: ConditionNode?
    /// The `require` tree; `nil` when the rule does not apply (not tried).
    public var honoured: ConditionNode?
    public var quote: String
    public var source: String
    public var justification: String?
    public var remedy: LocalizedText?
  }

  /// Explains the proposal's findings, or only those of rule `ruleID`.
  public static func run(_ proposal: TrainerProposal, rule ruleID: String? = nil, judge: ProposalJudge) throws(TrainerError) -> ExplainResult {
    let judgement = try judge.judge(proposal.raw, file: proposal.file)
    let pack = judgement.pack
    if let ruleID, !pack.rules.contains(where: { $0.id == ruleID }) {
      throw .invalidArgument(ruleID, expected: .ruleID)
    }
    var explanations: [RuleExplanation] = []
    for finding in judgement.assessment.findings where ruleID == nil || finding.ruleID == ruleID {
      guard let rule = pack.rules.first(where: { $0.id == finding.ruleID }) else { continue }
      var activation = CELActivation(absentFieldsAreUnknown: true)
      activation.bind("proposal", to: judgement.proposal)
      activation.bind("ladder", to: judge.library.ladder.value)
      if case .intervention(let index) = finding.subject, let intervention = judgement.proposal["interventions"]?.listValue?.element(at: index) {
        activation.bind("intervention", to: intervention, pathPrefix: finding.subject.path)
      }
      var shown: String?
      if case .intervention(let index) = finding.subject { shown = "interventions[\(index)]" }
      let applies = rule.when.map { ConditionExplainer(rule: rule, expression: $0, activation: activation, intervention: shown).tree() }
      let honoured =
        applies?.value == .no ? nil : ConditionExplainer(rule: rule, expression: rule.require, activation: activation, intervention: shown).tree()
      let principle = pack.principle(finding.principleID)
      explanations.append(RuleExplanation(
        result: RuleResult(finding, pack: pack), applies: applies, honoured: honoured, quote: principle?.quote ?? "",
        source: principle?.source ?? "", justification: finding.justification, remedy: finding.outcome == .violated ? finding.remedy : nil))
    }
    return ExplainResult(
      caseID: judgement.assessment.caseID, pack: pack.label, score: judgement.assessment.score, verdict: judgement.assessment.verdict,
      rules: explanations)
  }
}

extension ExplainResult {
  /// The report: per rule, the two trees (with the CEL of each part when `showCEL`).
  public func document(in language: Language, showCEL: Bool = false) -> TrainerDocument {
    let words = TrainerWords(language)
    var document = TrainerDocument()
    document.add(.heading(words.format(.explainTitle, caseID, pack), level: 1))
    document.add(.paragraph("\(score)/100 — \(words.verdict(verdict))"))
    for rule in rules {
      document.add(.heading("\(rule.result.ruleID) — \(words.subjectPath(rule.result.subject)): \(words.outcome(rule.result.outcome))", level: 2))
      document.add(.paragraph(rule.result.principleTitle[language]))
      var lines: [String] = [words[.doesItApply] + " " + (rule.applies.map { words.partValue($0.value) } ?? words[.alwaysApplies])]
      if let applies = rule.applies { lines += words.treeLines(applies, depth: 1, showCEL: showCEL) }
      lines.append(words[.isItHonoured] + " " + (rule.honoured.map { words.partValue($0.value) } ?? words[.notRequired]))
      if let honoured = rule.honoured { lines += words.treeLines(honoured, depth: 1, showCEL: showCEL) }
      document.add(.code(lines.joined(separator: "\n")))
      var after = [words.format(.outcomeLine, words.outcome(rule.result.outcome))]
      if let reason = rule.result.reason?[language] { after.append(reason) }
      after.append(words.format(.policyLine, rule.quote, rule.source))
      if let justification = rule.justification { after.append(words.format(.justificationLine, justification)) }
      if let remedy = rule.remedy?[language] { after.append(words.format(.remedyLine, remedy)) }
      document.add(.list(after))
    }
    return document
  }
}

extension TrainerWords {
  func partValue(_ value: PartValue) -> String {
    switch value {
    case .yes: self[.valueYes]
    case .no: self[.valueNo]
    case .unknown: self[.valueUnknown]
    case .notTried: self[.valueNotTried]
    case .other: self[.valueOther]
    }
  }

  /// A tree as indented lines: value, words, what was missing and the facts read.
  func treeLines(_ node: ConditionNode, depth: Int, showCEL: Bool) -> [String] {
    let indent = String(repeating: "  ", count: depth)
    var line = "\(indent)[\(partValue(node.value))] \(node.label[language])"
    if !node.missing.isEmpty { line += " — " + format(.missingWord, node.missing.joined(separator: ", ")) }
    if !node.facts.isEmpty {
      line += " — " + format(.factsWord, node.facts.map { "\($0.path) = \($0.value?.plain ?? self[.valueUnknown])" }.joined(separator: "; "))
    }
    var lines = [line]
    if showCEL { lines.append("\(indent)    CEL: \(node.cel)  (\(node.location))") }
    for child in node.children { lines += treeLines(child, depth: depth + 1, showCEL: showCEL) }
    return lines
  }
}
