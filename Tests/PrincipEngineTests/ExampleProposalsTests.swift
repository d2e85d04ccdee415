import CEL
import Foundation
import PrincipEngine
import Testing

/// Every proposal under `Examples/proposals/` gives the outcomes its expectation file
/// states: per pack, the verdict and the outcome of the rules that matter.
///
/// Expectation files are the `*expected.yaml` files beside the proposals:
///
///     halsnaes-psychiatric-botilbud-violated.yaml:
///       verdict: non_compliant                      # for the proposal's own pack…
///       findings: { halsnaes.home-before-residential: [violated] }
///       ishoj: { verdict: deviations }              # …and, optionally, per other pack
struct ExampleProposalsTests {
  struct Expectation: Sendable, CustomTestStringConvertible {
    var file: String
    var pack: String?
    var verdict: String?
    /// Rule id → outcomes (one per intervention, or one for a proposal-scoped rule).
    var findings: [String: [String]]
    var testDescription: String { "\(file) @ \(pack ?? "own pack")" }
  }

  static let directory = Fixtures.examples + "/proposals"

  static var proposalFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
      .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix("expected.yaml") }.sorted()
  }

  static let expectations: [Expectation] = {
    var all: [Expectation] = []
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix("expected.yaml") }
    for file in files.sorted() {
      guard let document = try? YAMLDocument(path: directory + "/" + file), let root = try? document.value().mapValue else { continue }
      for (key, value) in root.pairs {
        guard let proposal = key.stringValue, let entry = value.mapValue else { continue }
        all.append(expectation(proposal, pack: nil, entry))
        for (packKey, packValue) in entry.pairs {
          guard let pack = packKey.stringValue, pack != "verdict", pack != "findings", let packEntry = packValue.mapValue else { continue }
          all.append(expectation(proposal, pack: pack, packEntry))
        }
      }
    }
    return all
  }()

  private static func expectation(_ file: String, pack: String?, _ entry: CELMap) -> Expectation {
    var findings: [String: [String]] = [:]
    for (rule, outcomes) in entry[.string("findings")]?.mapValue?.pairs ?? [] {
      guard let rule = rule.stringValue else { continue }
      findings[rule] = outcomes.listValue?.compactMap(\.stringValue) ?? outcomes.stringValue.map { [$0] } ?? []
    }
    return Expectation(file: file, pack: pack, verdict: entry[.string("verdict")]?.stringValue, findings: findings)
  }

  @Test func everyExampleProposalHasAnExpectation() {
    let covered = Set(Self.expectations.map(\.file))
    #expect(Self.proposalFiles.count >= 6)
    for file in Self.proposalFiles {
      #expect(covered.contains(file), "\(file) has no entry in an *expected.yaml file")
    }
  }

  @Test(arguments: expectations)
  func outcomes(_ expected: Expectation) throws {
    let library = try #require(RuleLibrary.load(try RuleFiles.directory(Fixtures.rules)).library)
    let proposal = try ProposalReader(schema: library.schema).read(path: Self.directory + "/" + expected.file)
    let (own, date) = try #require(ProposalReader.packAndDate(of: proposal))
    let name = expected.pack ?? own
    let pack = try (try? library.pack(named: name, on: date)) ?? library.latest(named: name)
    let evaluator = Evaluator(pack: pack, ladder: library.ladder)
    let assessment = try evaluator.assess(proposal)
    // The audit's scorecard must read the same as the full assessment.
    let scorecard = try evaluator.scorecard(proposal)
    #expect(scorecard.outcomes == assessment.findings.map(\.outcome), "\(expected.file) under \(pack.label)")
    #expect(scorecard.score == assessment.score && scorecard.verdict == assessment.verdict, "\(expected.file) under \(pack.label)")
    #expect(scorecard.violations == assessment.findings.filter { $0.outcome == .violated }.count)
    if let verdict = expected.verdict {
      #expect(assessment.verdict.rawValue == verdict, "\(expected.file) under \(pack.label): score \(assessment.score)")
    }
    for (rule, outcomes) in expected.findings {
      let actual = assessment.findings.filter { $0.ruleID == rule }.map(\.outcome.rawValue)
      #expect(!actual.isEmpty, "\(expected.file): no rule \(rule) in \(pack.label)")
      let matches = outcomes.count == 1 ? actual.first == outcomes.first : actual == outcomes
      #expect(matches, "\(expected.file) under \(pack.label): \(rule) expected \(outcomes), got \(actual)")
    }
  }
}
