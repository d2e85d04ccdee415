import CEL
import Foundation
import PrincipEngine

/// One teaching scenario: a story about a citizen and a proposal, the question to the
/// trainee, the outcome each principle should have, and points for discussion.
public struct Scenario: Sendable, Codable {
  public var id: String
  /// The file the scenario was read from.
  public var file: String
  public var title: LocalizedText
  public var story: LocalizedText
  public var question: LocalizedText
  /// The principles the trainee predicts, in file order, each with its expected outcome.
  /// A principle not listed must be honoured or not apply.
  public var expected: [Expectation]
  public var discussion: [LocalizedText]
  /// The proposal as the file writes it.
  public var proposal: FactValue

  /// A principle and the outcome it should have.
  public struct Expectation: Sendable, Codable, Hashable {
    public var principle: String
    public var outcome: Outcome
  }

  /// The proposal as a trainer's tools read it.
  public var trainerProposal: TrainerProposal {
    TrainerProposal(file: "\(file)#proposal", raw: proposal.celValue)
  }

  /// Reads a deck: a scenario file, or a folder of them (`*.yaml`, in name order).
  public static func deck(at path: String) throws(TrainerError) -> [Scenario] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw .principError(.unreadable(file: path, reason: "no such file or folder"))
    }
    let files: [String]
    if isFolder.boolValue {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(path)/\($0)" }
    } else {
      files = [path]
    }
    guard !files.isEmpty else { throw .invalidDeck(SourceLocation(file: path), .empty) }
    var scenarios: [Scenario] = []
    for file in files { scenarios.append(try read(path: file)) }
    return scenarios
  }

  /// Reads one scenario file.
  public static func read(path: String) throws(TrainerError) -> Scenario {
    let document: YAMLDocument
    let value: CELValue
    do {
      document = try YAMLDocument(path: path)
      value = try document.value()
    } catch { throw .principError(error) }
    func location(_ components: [FieldPath.Component]) -> SourceLocation {
      document.location(of: document.node(at: FieldPath(components)))
    }
    func text(_ key: String) throws(TrainerError) -> LocalizedText {
      guard let node = value[key] else { throw .invalidDeck(location([]), .missingKey(key)) }
      guard let da = node["da"]?.stringValue, let en = node["en"]?.stringValue else {
        throw .invalidDeck(location([.field(key)]), .wrongType(key: key, expected: "{ da: …, en: … }"))
      }
      return LocalizedText(da: da, en: en)
    }
    guard let id = value["id"]?.stringValue else { throw .invalidDeck(location([]), .missingKey("id")) }
    guard case .map(let expectedMap)? = value["expected"] else {
      throw value["expected"] == nil
        ? .invalidDeck(location([]), .missingKey("expected"))
        : .invalidDeck(location([.field("expected")]), .wrongType(key: "expected", expected: "principle: outcome"))
    }
    var expected: [Expectation] = []
    for (key, outcomeValue) in expectedMap.pairs {
      let principle = key.stringValue ?? key.description
      guard let name = outcomeValue.stringValue, let outcome = Outcome(rawValue: name) else {
        throw .invalidDeck(location([.field("expected"), .field(principle)]), .unknownOutcome(outcomeValue.stringValue ?? "\(outcomeValue)"))
      }
      expected.append(Expectation(principle: principle, outcome: outcome))
    }
    var discussion: [LocalizedText] = []
    for (index, point) in (value["discussion"]?.listValue ?? []).enumerated() {
      guard let da = point["da"]?.stringValue, let en = point["en"]?.stringValue else {
        throw .invalidDeck(location([.field("discussion"), .index(index)]), .wrongType(key: "discussion", expected: "{ da: …, en: … }"))
      }
      discussion.append(LocalizedText(da: da, en: en))
    }
    guard let proposal = value["proposal"], proposal.mapValue != nil else {
      throw .invalidDeck(location([]), .missingKey("proposal"))
    }
    let question =
      value["question"] == nil
      ? LocalizedText(da: TrainerWords(.da)[.defaultQuestion], en: TrainerWords(.en)[.defaultQuestion]) : try text("question")
    return Scenario(
      id: id, file: path, title: try text("title"), story: try text("story"), question: question, expected: expected,
      discussion: discussion, proposal: FactValue(proposal))
  }
}

/// A scenario judged: the outcome of each principle, and where it differs from the expected.
public struct ScenarioResult: Sendable, Codable {
  public var id: String
  public var file: String
  public var pack: String
  /// Per principle of the pack that a rule judged: its worst outcome.
  public var outcomes: [String: Outcome]
  /// The findings, for the reveal.
  public var results: [RuleResult]
  public var mismatches: [Mismatch]
  /// The policy sentence of each principle, by id.
  public var quotes: [String: String]
  public var titles: [String: LocalizedText]

  /// A principle whose outcome is not the expected one (`expected == nil`: not listed, and
  /// neither honoured nor inapplicable).
  public struct Mismatch: Sendable, Codable, Hashable {
    public var principle: String
    public var expected: Outcome?
    public var actual: Outcome?
  }

  /// Judges a scenario's proposal and compares each principle with the expectation.
  public static func judge(_ scenario: Scenario, judge: ProposalJudge) throws(TrainerError) -> ScenarioResult {
    let proposal = scenario.trainerProposal
    let judgement = try judge.judge(proposal.raw, file: proposal.file)
    let report = judgement.report(ladder: judge.library.ladder, file: proposal.file)
    var outcomes: [String: Outcome] = [:]
    for result in report.principleResults { if let outcome = result.outcome { outcomes[result.principle.id] = outcome } }
    var mismatches: [Mismatch] = []
    let listed = Set(scenario.expected.map(\.principle))
    for expectation in scenario.expected where outcomes[expectation.principle] != expectation.outcome {
      mismatches.append(Mismatch(principle: expectation.principle, expected: expectation.outcome, actual: outcomes[expectation.principle]))
    }
    for principle in judgement.pack.principles where !listed.contains(principle.id) {
      if let outcome = outcomes[principle.id], outcome != .satisfied, outcome != .notApplicable {
        mismatches.append(Mismatch(principle: principle.id, expected: nil, actual: outcome))
      }
    }
    return ScenarioResult(
      id: scenario.id, file: scenario.file, pack: judgement.pack.label, outcomes: outcomes, results: judgement.results,
      mismatches: mismatches, quotes: Dictionary(judgement.pack.principles.map { ($0.id, $0.quote) }, uniquingKeysWith: { a, _ in a }),
      titles: Dictionary(judgement.pack.principles.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }))
  }
}
