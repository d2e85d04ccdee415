import CEL
@testable import PrincipEngine
import Testing

struct EvaluatorTests {
  let library: RuleLibrary
  let pack: RulePack

  init() throws {
    library = try Fixtures.library(Fixtures.pack(rules: Fixtures.localRule))
    pack = try library.latest(named: "demo")
  }

  private func assess(_ yaml: String) throws -> Assessment {
    let proposal = try ProposalReader(schema: library.schema).read(text: yaml, file: "test.yaml")
    return try Evaluator(pack: pack, ladder: library.ladder).assess(proposal)
  }

  private let header = """
    case_id: T-1
    municipality: demo
    decision_date: 2024-03-01

    """

  @Test func violationNamesFactsMessageAndRemedy() throws {
    let assessment = try assess(header + """
      interventions: [{ kind: sel_85, provider: private }]
      alternatives: [{ kind: sel_85, provider: private, status: insufficient }]
      """)
    let finding = try #require(assessment.findings.first)
    #expect(finding.outcome == .violated)
    #expect(finding.subject == .intervention(0))
    #expect(finding.message?.da == "private uden lokalt alternativ")
    #expect(finding.remedy?.en == "Consider local offers")
    #expect(finding.evidence.map(\.path) == ["proposal.interventions[0].provider", "proposal.alternatives"])
    #expect(finding.evidence.first?.value == .string("private"))
    #expect(assessment.score == 80)
    #expect(assessment.verdict == .deviations)
  }

  @Test func satisfiedWhenALocalAlternativeWasConsidered() throws {
    let assessment = try assess(header + """
      interventions: [{ kind: sel_85, provider: private }]
      alternatives: [{ kind: sel_85, provider: own_municipality, status: unavailable }]
      """)
    #expect(assessment.findings.map(\.outcome) == [.satisfied])
    #expect(assessment.score == 100)
    #expect(assessment.verdict == .compliant)
  }

  @Test func justifiedShowsTheProposalsReason() throws {
    let assessment = try assess(header + """
      interventions: [{ kind: sel_85, provider: private }]
      alternatives: []
      justifications: { local_first: "Særligt tilbud kun i Roskilde" }
      """)
    let finding = try #require(assessment.findings.first)
    #expect(finding.outcome == .justified)
    #expect(finding.justification == "Særligt tilbud kun i Roskilde")
    #expect(assessment.score == 100)
  }

  @Test func missingFactsAreUndeterminedNotFalse() throws {
    let assessment = try assess(header + """
      interventions: [{ kind: sel_85, provider: private }, { kind: sel_82a }]
      """)
    #expect(assessment.findings.map(\.outcome) == [.undetermined, .undetermined])
    #expect(assessment.findings[0].missing == ["proposal.alternatives"])
    // Whether the rule applies (the provider) and what it requires (the alternatives) are both unknown.
    #expect(assessment.findings[1].missing == ["proposal.alternatives", "proposal.interventions[1].provider"])
    #expect(assessment.verdict == .needsInformation)
    #expect(assessment.score == 90)
  }

  @Test func notApplicableForTheMunicipalitysOwnOffer() throws {
    let assessment = try assess(header + "interventions: [{ kind: sel_85, provider: own_municipality }]\n")
    #expect(assessment.findings.map(\.outcome) == [.notApplicable])
    #expect(assessment.interventions.map(\.score) == [100])
  }

  @Test func scoreNeverDropsWhenAViolationIsMended() {
    // Every way of mending one violated finding, for every severity, keeps or raises the score.
    for severity in Severity.allCases {
      for mended in [Outcome.satisfied, .justified, .notApplicable, .undetermined] {
        let violated = Finding(ruleID: "r", principleID: "p", severity: severity, subject: .proposal, outcome: .violated, missing: [], evidence: [])
        var better = violated
        better.outcome = mended
        #expect(better.penalty <= violated.penalty, "\(severity) → \(mended)")
      }
    }
  }

  @Test func outcomeCodesAndVerdictIndicesAreOneToOne() {
    // A scorecard stores outcomes as codes and the tally counts verdicts by index.
    #expect(Outcome.allCases.map { Outcome(code: $0.code) } == Outcome.allCases)
    #expect(Set(Outcome.allCases.map(\.code)).count == Outcome.allCases.count)
    #expect(Verdict.allCases.map(\.index) == Array(Verdict.allCases.indices))
  }
}
