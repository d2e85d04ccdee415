import CEL

/// Runs the examples written inside rules, as SwiftLint runs its rules' triggering and
/// non-triggering examples: each must give the outcome it states.
public struct ExampleRunner: Sendable {
  /// One example's result.
  public struct Result: Sendable {
    public var pack: String
    public var ruleID: String
    public var example: String
    public var location: SourceLocation
    public var expected: [Outcome]
    /// The outcomes the rule gave, or `nil` when the example's proposal is invalid.
    public var actual: [Outcome]?
    /// Why it failed: an invalid proposal, or the findings' details.
    public var detail: String?

    public var passed: Bool { actual.map { Self.matches(expected, $0) } ?? false }

    /// A single expected outcome speaks of the first subject; a list of each.
    static func matches(_ expected: [Outcome], _ actual: [Outcome]) -> Bool {
      expected.count == 1 ? actual.first == expected.first : expected == actual
    }
  }

  public let library: RuleLibrary

  public init(library: RuleLibrary) {
    self.library = library
  }

  /// Every example of every rule of `packs` (all packs when `nil`), in pack and rule order.
  public func run(packs: [RulePack]? = nil) -> [Result] {
    var results: [Result] = []
    for pack in packs ?? library.packs {
      let evaluator = Evaluator(pack: pack, ladder: library.ladder)
      for (ruleIndex, rule) in pack.rules.enumerated() {
        for example in rule.examples {
          results.append(run(example, of: rule, at: ruleIndex, evaluator))
        }
      }
    }
    return results
  }

  private func run(_ example: RuleExample, of rule: Rule, at ruleIndex: Int, _ evaluator: Evaluator) -> Result {
    var result = Result(
      pack: evaluator.pack.label, ruleID: rule.id, example: example.name, location: example.location,
      expected: example.expected)
    let proposal = Self.withDefaults(example.proposal, pack: evaluator.pack)
    switch library.schema.validate(proposal) {
    case .failure(let violation):
      result.detail = "\(violation.path): \(violation.problem.message(in: .en))"
    case .success(let valid):
      let findings: [Finding]
      do {
        findings = try evaluator.findings(ofRuleAt: ruleIndex, in: valid)
      } catch {
        result.detail = error.message(in: .en)
        return result
      }
      result.actual = findings.map(\.outcome)
      if !result.passed {
        result.detail = findings.map { finding in
          var parts = ["\(finding.subject.path): \(finding.outcome.rawValue)"]
          if !finding.missing.isEmpty { parts.append("missing \(finding.missing.joined(separator: ", "))") }
          if let problem = finding.problem { parts.append(problem) }
          return parts.joined(separator: "; ")
        }.joined(separator: " | ")
      }
    }
    return result
  }

  /// Fills in what every proposal has, so an example holds only the facts its rule reads.
  static func withDefaults(_ proposal: CELValue, pack: RulePack) -> CELValue {
    guard case .map(let map) = proposal else { return proposal }
    var builder = CELMap.Builder(capacity: map.count + 3)
    let defaults: [(String, CELValue)] = [
      ("case_id", "EKSEMPEL"), ("municipality", .string(pack.name)), ("decision_date", .string(pack.inForce.from.description)),
    ]
    for (key, value) in defaults where map[.string(key)] == nil { builder.set(.string(key), value) }
    if map[.string("interventions")] == nil { builder.set("interventions", [["kind": "general_offer"]]) }
    for (key, value) in map.pairs { builder.set(key, value) }
    return .map(builder.build())
  }
}
