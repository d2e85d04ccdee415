import CEL
import PrincipEngine

/// `princip tradeoffs`: the proposed intervention and each alternative the proposal
/// lists, each judged as if it had been proposed in its place; which principles each
/// option honours, breaks or leaves open, and which principles pull in opposite directions.
public struct TradeoffsResult: Sendable, Codable {
  public var caseID: String
  public var pack: String
  public var options: [Option]
  /// The pack's checkable principles, in pack order: the matrix's rows.
  public var principles: [PrincipleRow]
  /// Pairs of principles where one option honours the first and breaks the second and
  /// another the other way round.
  public var collisions: [Collision]
  /// The options that break the fewest principles, and of those the least severely.
  public var best: [Int]
  /// The principles the proposal as made breaks or justifies a deviation from: the ones it gave way.
  public var givenWay: [String]

  /// One option: the proposal as made, or one alternative in its place.
  public struct Option: Sendable, Codable {
    /// `nil` for the proposal as made; else the alternative's index in `alternatives`.
    public var alternative: Int?
    /// The alternative's status in the proposal (`excluded`, `declined_by_citizen`, …).
    public var status: String?
    public var kind: String
    public var kindTitle: LocalizedText
    public var provider: String?
    public var format: String?
    public var score: Int
    public var verdict: Verdict
    /// Per principle id (the rows), the worst outcome among its findings; absent when no rule judged it.
    public var outcomes: [String: Outcome]
    /// The sum of the penalties of its broken principles' findings.
    public var penalty: Int
    public var broken: Int { outcomes.values.filter { $0 == .violated }.count }
  }

  /// A principle with its title and the policy sentence.
  public struct PrincipleRow: Sendable, Codable {
    public var id: String
    public var title: LocalizedText
    public var quote: String
    public var source: String
  }

  /// Two principles that pull apart, and the options that honour each while breaking the other.
  public struct Collision: Sendable, Codable, Hashable {
    public var first: String
    public var second: String
    public var favourFirst: [Int]
    public var favourSecond: [Int]
  }

  public static func run(_ proposal: TrainerProposal, judge: ProposalJudge) throws(TrainerError) -> TradeoffsResult {
    let original = try judge.judge(proposal.raw, file: proposal.file)
    let ladder = judge.library.ladder
    let interventions = proposal.raw["interventions"]?.listValue ?? []
    let alternatives = proposal.raw["alternatives"]?.listValue ?? []
    var options: [(Option, Judgement)] = [(option(original, alternative: nil, intervention: interventions.first, ladder: ladder), original)]
    for (index, alternative) in alternatives.enumerated() {
      guard let kind = alternative["kind"]?.stringValue else { continue }
      // In place of the intervention of the same ladder category, or else the first.
      let category = ladder.step(kind)?.category
      let slot = interventions.firstIndex { ($0["kind"]?.stringValue).flatMap { ladder.step($0)?.category } == category } ?? 0
      guard interventions.indices.contains(slot) else { continue }
      var replaced = interventions[slot].setting("kind", to: .string(kind))
      replaced = replaced.removing("title")
      for field in ["provider", "format"] {
        replaced = alternative[field].map { replaced.setting(field, to: $0) } ?? replaced.removing(field)
      }
      var newInterventions = interventions
      newInterventions[slot] = replaced
      var others = alternatives
      others.remove(at: index)
      let raw = proposal.raw.setting("interventions", to: .list(newInterventions)).setting("alternatives", to: .list(others))
      guard let judged = try? judge.judge(raw, file: proposal.file) else { continue }
      var entry = option(judged, alternative: index, intervention: replaced, ladder: ladder)
      entry.status = alternative["status"]?.stringValue
      options.append((entry, judged))
    }
    let pack = original.pack
    let rows = pack.principles.filter { $0.notCheckableReason == nil }.map {
      PrincipleRow(id: $0.id, title: $0.title, quote: $0.quote, source: $0.source)
    }
    var collisions: [Collision] = []
    for (i, first) in rows.enumerated() {
      for second in rows[(i + 1)...] {
        let favourFirst = options.indices.filter { honours(options[$0].0, first.id) && options[$0].0.outcomes[second.id] == .violated }
        let favourSecond = options.indices.filter { honours(options[$0].0, second.id) && options[$0].0.outcomes[first.id] == .violated }
        if !favourFirst.isEmpty, !favourSecond.isEmpty {
          collisions.append(Collision(first: first.id, second: second.id, favourFirst: favourFirst, favourSecond: favourSecond))
        }
      }
    }
    let ranked = options.map { ($0.0.broken, $0.0.penalty) }
    let bestKey = ranked.min { $0 < $1 }
    let best = options.indices.filter { ranked[$0] == bestKey! }
    let givenWay = rows.map(\.id).filter { [.violated, .justified].contains(options[0].0.outcomes[$0]) }
    return TradeoffsResult(
      caseID: original.assessment.caseID, pack: pack.label, options: options.map(\.0), principles: rows,
      collisions: collisions, best: best, givenWay: givenWay)
  }

  private static func honours(_ option: Option, _ principle: String) -> Bool {
    option.outcomes[principle] == .satisfied || option.outcomes[principle] == .justified
  }

  private static func option(_ judgement: Judgement, alternative: Int?, intervention: CELValue?, ladder: Ladder) -> Option {
    let report = judgement.report(ladder: ladder, file: nil)
    var outcomes: [String: Outcome] = [:]
    for result in report.principleResults { if let outcome = result.outcome { outcomes[result.principle.id] = outcome } }
    let penalty = judgement.assessment.findings.filter { $0.outcome == .violated }.map(\.penalty).reduce(0, +)
    let kind = intervention?["kind"]?.stringValue ?? "?"
    return Option(
      alternative: alternative, status: nil, kind: kind, kindTitle: ladder.step(kind)?.title ?? LocalizedText(da: kind, en: kind),
      provider: intervention?["provider"]?.stringValue, format: intervention?["format"]?.stringValue,
      score: judgement.assessment.score, verdict: judgement.assessment.verdict, outcomes: outcomes, penalty: penalty)
  }
}

extension CELValue {
  /// This map without one field.
  func removing(_ field: String) -> CELValue {
    guard case .map(let map) = self else { return self }
    var builder = CELMap.Builder(capacity: map.count)
    for (key, value) in map.pairs where key.stringValue != field { builder.set(key, value) }
    return .map(builder.build())
  }
}
