import CEL
@testable import PrincipEngine
import Testing

/// A rule over the CEL evaluation budget: an error naming the rule and its place, never
/// an outcome; and lint's warning about it beforehand.
struct EvaluationBudgetTests {
  /// The demo rule with a `require` of three nested macros over the proposal's alternatives.
  static let cubicRule = Fixtures.localRule
    .replacingOccurrences(
      of: #"proposal.alternatives.exists(a, a.provider == "own_municipality""#,
      with: "proposal.alternatives.all(a, proposal.alternatives.all(b,")
    .replacingOccurrences(
      of: #"&& a.status in ["unavailable", "insufficient"])"#,
      with: #"proposal.alternatives.all(c, true)))"#)

  static func proposal(alternatives: Int, _ library: RuleLibrary) throws -> CELValue {
    let alternative = "{ kind: sel_85, provider: private, status: insufficient }"
    let yaml = """
      case_id: T-1
      municipality: demo
      decision_date: 2024-03-01
      interventions: [{ kind: sel_85, provider: private }]
      alternatives: [\(Array(repeating: alternative, count: alternatives).joined(separator: ", "))]
      """
    return try ProposalReader(schema: library.schema).read(text: yaml, file: "test.yaml")
  }

  @Test func aRuleOverTheBudgetIsAnErrorAtItsPlaceNotAnOutcome() throws {
    #expect(Self.cubicRule != Fixtures.localRule)
    let library = try Fixtures.library(Fixtures.pack(rules: Self.cubicRule))
    let evaluator = Evaluator(pack: try library.latest(named: "demo"), ladder: library.ladder)
    // 10 alternatives: 1,110 steps, judged as usual.
    #expect(try evaluator.assess(Self.proposal(alternatives: 10, library)).findings.map(\.outcome) == [.satisfied])
    // 220: 220³ > 10,000,000 steps.
    let large = try Self.proposal(alternatives: 220, library)
    let expected = "fixture/demo/rules/local.yaml:10:31: rule 'demo.local': evaluation budget of 10000000 steps exceeded"
    #expect {
      _ = try evaluator.assess(large)
    } throws: { error in
      (error as? PrincipError)?.message(in: .en) == expected
    }
    #expect {
      _ = try evaluator.scorecard(large)
    } throws: { error in
      (error as? PrincipError)?.message(in: .da)
        == "fixture/demo/rules/local.yaml:10:31: reglen 'demo.local': evalueringsbudgettet på 10000000 skridt er overskredet"
    }
  }

  @Test func lintWarnsAboutNestedMacrosOverTheProposalsLists() throws {
    let warnings = Linter.lint(try Fixtures.files(Fixtures.pack(rules: Self.cubicRule)))
      .filter { $0.level == .warning }.map { $0.rendered(in: .en) }
    #expect(warnings.contains(
      "fixture/demo/rules/local.yaml:9:29: warning: rule 'demo.local': 3 nested macros over lists from the proposal may take "
        + "1001001000 steps (at 1000 elements a list), over the evaluation budget of 10000000"), "\(warnings)")
    let plain = Linter.lint(try Fixtures.files(Fixtures.pack(rules: Fixtures.localRule)))
    #expect(!plain.contains { $0.message.en.contains("evaluation budget") })
  }
}
