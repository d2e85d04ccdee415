import Foundation
import PrincipEngine
import PrincipTrainer
import Testing

/// `compare` marks the rows that changed between two versions of the rules, and a rule
/// author's labels replace the words `explain` makes from the CEL.
@Suite struct CompareTests {
  /// The repository's rules with one rule file's text changed.
  static func judge(replacing old: String, with new: String, in file: String) throws -> ProposalJudge {
    var texts = try RuleFiles.directory(TrainerFixtures.root.appending(path: "Rules").path).texts
    let original = try #require(texts[file])
    #expect(original.contains(old))
    texts[file] = original.replacingOccurrences(of: old, with: new)
    let library = try #require(RuleLibrary.load(RuleFiles(origin: "test", texts: texts), examples: false).library)
    return ProposalJudge(library: library)
  }

  @Test func theChangedRuleIsMarked() throws {
    let changed = try Self.judge(
      replacing: "&& ladder[p.kind].category == \"home_support\" && p.outcome == \"not_met\")",
      with: "&& ladder[p.kind].category == \"home_support\" && p.outcome in [\"not_met\", \"partly_met\"])",
      in: "halsnaes/rules/home-before-residential.yaml")
    let proposal = try TrainerFixtures.proposal("halsnaes-psychiatric-botilbud-violated.yaml")
    let result = try RuleComparison.run(proposal, first: ("A", TrainerFixtures.judge), second: ("B", changed))
    #expect(result.rows.filter(\.changed).map(\.ruleID) == ["halsnaes.home-before-residential"])
    let text = result.document(in: .en).text
    #expect(text.contains("1 of \(result.rows.count) rules change their outcome (marked ◆)."))
    #expect(text.contains("◆  halsnaes.home-before-residential"))
  }

  @Test func anAuthorsLabelIsShown() throws {
    let labelled = try Self.judge(
      replacing: "    when: ladder[intervention.kind].category == \"residential\"\n",
      with: "    when: ladder[intervention.kind].category == \"residential\"\n    labels:\n      'ladder[intervention.kind].category==\"residential\"': { da: indsatsen er et botilbud, en: the intervention is a residential offer }\n",
      in: "halsnaes/rules/home-before-residential.yaml")
    let proposal = try TrainerFixtures.proposal("halsnaes-psychiatric-botilbud-violated.yaml")
    let result = try ExplainResult.run(proposal, rule: "halsnaes.home-before-residential", judge: labelled)
    let applies = try #require(result.rules.first?.applies)
    #expect(applies.labelled)
    #expect(applies.label.en == "the intervention is a residential offer")
    #expect(applies.location.line > 0)
  }
}
