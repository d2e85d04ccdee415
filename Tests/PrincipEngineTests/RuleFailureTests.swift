import CEL
import Foundation
@testable import PrincipEngine
import Testing

/// A rule that fails at run time for a reason other than a missing fact is an error, never
/// an undetermined outcome: it names the rule, where in it, and the kind of error.
struct RuleFailureTests {
  /// The demo rule whose `require` type-checks but divides by zero when it runs.
  static let failing = Fixtures.localRule.replacingOccurrences(of: """
    && a.status in ["unavailable", "insufficient"])
    """, with: """
    && a.status in ["unavailable", "insufficient"]) || 1 / size(proposal.alternatives) > 0
    """)

  @Test func theAssessmentNamesTheRuleAndTheErrorAndNoMissingFacts() throws {
    #expect(Self.failing != Fixtures.localRule)
    let library = try Fixtures.library(Fixtures.pack(rules: Self.failing))
    let proposal = try ProposalReader(schema: library.schema).read(text: """
      case_id: T-1
      municipality: demo
      decision_date: 2024-03-01
      interventions: [{ kind: sel_85, provider: private }]
      alternatives: []
      """, file: "test.yaml")
    let evaluator = Evaluator(pack: try library.latest(named: "demo"), ladder: library.ladder)
    let assessment = try evaluator.assess(proposal)
    let failure = try #require(assessment.failures.first?.failure)
    #expect(assessment.failures.first?.missing == [])
    #expect(failure.message(rule: "demo.local", subject: .intervention(0)).en
      == "rule 'demo.local' (fixture/demo/rules/local.yaml:10:62) could not be evaluated for proposal.interventions[0]: require failed: division by zero")
    #expect(failure.message(rule: "demo.local", subject: .intervention(0)).da
      == "reglen 'demo.local' (fixture/demo/rules/local.yaml:10:62) kunne ikke vurderes for proposal.interventions[0]: require fejlede: division med nul")
    #expect(try evaluator.scorecard(proposal).failed)
  }

  @Test func theAuditMakesItAnErrorRow() throws {
    let library = try Fixtures.library(Fixtures.pack(rules: Self.failing))
    let input = AuditFixtures.line("A-1") + "\n"
    let path = try AuditFixtures.file("decisions.jsonl", input)
    let (summary, results) = try AuditFixtures.run([AuditInput(path: path, format: .jsonLines)], library: library)
    #expect(summary.judged == 0)
    #expect(summary.errors == 1)
    #expect(results.contains("\"error\"") && results.contains("reglen 'demo.local' (fixture/demo/rules/local.yaml:10:62) kunne ikke vurderes for proposal.interventions[0]: require fejlede: division med nul"), "\(results)")
  }
}
