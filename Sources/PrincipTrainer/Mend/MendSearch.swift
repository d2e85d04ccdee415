import CEL
import PrincipEngine

/// `princip mend`: searches the changes a caseworker could make for the smallest sets
/// that reach the target.
///
/// Minimal by construction: sets are searched by size, 1, 2, … up to the bound. A set is
/// grown only by a change that touches (alters a fact read by) a rule still standing in
/// the way, chosen as the one with the fewest such changes; any set that reaches the
/// target must contain such a change, so the search misses no smaller set among the
/// candidates. Each set returned is checked again: none of its proper subsets reaches
/// the target.
public struct MendSearch: Sendable {
  public var target: MendResult.Target = .compliant
  public var maxChanges = 3
  public var alternatives = 3
  /// Paths mend leaves as they are, besides the proposal's identity and the citizen.
  public var keep: [String] = []
  /// Let mend change the citizen's facts too (a teaching demo).
  public var freeCitizen = false
  /// Let mend replace the kind of a proposed intervention (by default it mends around
  /// the intervention proposed; weighing other kinds is what `tradeoffs` shows).
  public var changeKinds = false

  public init(target: MendResult.Target = .compliant, maxChanges: Int = 3, alternatives: Int = 3, keep: [String] = [], freeCitizen: Bool = false, changeKinds: Bool = false) {
    self.changeKinds = changeKinds
    self.target = target
    self.maxChanges = maxChanges
    self.alternatives = alternatives
    self.keep = keep
    self.freeCitizen = freeCitizen
  }

  /// What is never changed: the case's identity and pack, the decision, the
  /// justifications (mend never writes a reason), and the citizen unless freed.
  public var fixedPaths: [String] {
    ["case_id", "municipality", "decision_date", "justifications", "decision", "metadata", "$schema"]
      + (freeCitizen ? [] : ["citizen"]) + (changeKinds ? [] : ["interventions[*].kind"]) + keep
  }

  public func run(_ proposal: TrainerProposal, judge: ProposalJudge) throws(TrainerError) -> MendResult {
    var fixed: [PathPattern] = []
    for path in fixedPaths {
      fixed.append(path.hasSuffix("[*].kind") ? PathPattern([.field(String(path.prefix { $0 != "[" })), .anyIndex, .field("kind")]) : PathPattern(try FieldPath(parsing: path)))
    }
    let start = try judge.judge(proposal.raw, file: proposal.file)
    let evaluator = try judge.evaluator(for: start.proposal)
    let pack = evaluator.pack
    let pool = MendCandidates(
      schema: judge.library.schema, ladder: judge.library.ladder.value, raw: proposal.raw, proposal: start.proposal, fixed: fixed,
      kindsFixed: !changeKinds
    ).all(for: pack)
    var state = State(search: self, judge: judge, evaluator: evaluator, raw: proposal.raw, proposal: start.proposal, pool: pool)

    let initialBad = state.bad(in: [])
    var result = MendResult(
      caseID: start.assessment.caseID, file: proposal.file, target: target, maxChanges: maxChanges, before: JudgementSummary(start),
      alreadyReached: initialBad?.isEmpty ?? false, sets: [], candidates: pool.count, judged: 0, fixed: fixedPaths,
      unreachable: [], justifications: [])
    let results = start.results
    result.unreachable = (initialBad ?? []).filter { state.touching($0).isEmpty }.compactMap { key in
      results.first { $0.ruleID == pack.rules[key.rule].id && $0.subject == key.subject.path }
    }
    result.justifications = start.assessment.findings.filter { $0.outcome == .violated }.compactMap { finding in
      guard let rule = pack.rules.first(where: { $0.id == finding.ruleID }), rule.justifiable else { return nil }
      return MendResult.JustificationSuggestion(
        rule: RuleResult(finding, pack: pack), keys: [finding.principleID] + (pack.principle(finding.principleID)?.themes ?? []))
    }
    if !result.alreadyReached, result.unreachable.isEmpty {
      for size in 1...max(1, maxChanges) where result.sets.isEmpty {
        state.visited = []
        state.search(from: [], size: size)
        if !state.solutions.isEmpty { break }
      }
    }
    for solution in state.solutions {
      let raw = state.apply(solution) ?? proposal.raw
      let after = try judge.judge(raw, file: proposal.file)
      var subsets = 0
      for mask in 1..<((1 << solution.count) - 1) where solution.count > 1 {
        let subset = solution.indices.filter { mask & (1 << $0) != 0 }.map { solution[$0] }
        subsets += 1
        if state.bad(in: subset)?.isEmpty == true { subsets = -1; break }
      }
      guard subsets >= 0 else { continue }
      result.sets.append(
        MendResult.ChangeSet(
          edits: solution.map { index in
            let candidate = pool[index]
            return MendResult.Edit(
              change: candidate.change,
              old: candidate.change.action == .set ? ProposalEditing.value(at: candidate.path, in: proposal.raw).map(FactValue.init) : nil,
              needsText: candidate.needsText)
          },
          after: JudgementSummary(after), moved: start.moved(to: after).filter(\.isSerious), subsetsChecked: solution.count == 1 ? 0 : subsets))
    }
    result.judged = state.judged
    return result
  }

  /// A finding's identity in a scorecard: the rule's index and the subject.
  struct FindingKey: Hashable {
    var rule: Int
    var subject: Subject
  }

  /// The search's working state.
  struct State {
    let search: MendSearch
    let judge: ProposalJudge
    let evaluator: Evaluator
    let raw: CELValue
    /// The proposal as it is, as the rules see it.
    let proposal: CELValue
    let pool: [MendCandidate]
    let scopes: [RuleScope]
    var visited: Set<[Int]> = []
    var solutions: [[Int]] = []
    var judged = 0
    private var readsCache: [FindingKey: [PathPattern]] = [:]
    private var touchingCache: [FindingKey: [Int]] = [:]

    init(search: MendSearch, judge: ProposalJudge, evaluator: Evaluator, raw: CELValue, proposal: CELValue, pool: [MendCandidate]) {
      self.proposal = proposal
      self.search = search
      self.judge = judge
      self.evaluator = evaluator
      self.raw = raw
      self.pool = pool
      scopes = evaluator.pack.rules.map(\.scope)
    }

    /// The proposal with the candidates at `indices` made, or `nil` when that fails.
    func apply(_ indices: [Int]) -> CELValue? {
      var value = raw
      for index in indices {
        guard let next = pool[index].applied(to: value) else { return nil }
        value = next
      }
      return value
    }

    /// The findings standing in the way of the target with the candidates at `indices`
    /// made; `nil` when the result is not a valid proposal.
    mutating func bad(in indices: [Int]) -> [FindingKey]? {
      guard let value = apply(indices), case .success(let proposal) = judge.library.schema.validate(value) else { return nil }
      judged += 1
      let card = evaluator.scorecard(proposal)
      var bad: [FindingKey] = []
      let target = search.target
      card.forEach(scopes: scopes) { rule, subject, outcome in
        if target.isBad(outcome) { bad.append(FindingKey(rule: rule, subject: subject)) }
      }
      return bad
    }

    /// The candidates that change a fact the finding's rule reads.
    mutating func touching(_ key: FindingKey) -> [Int] {
      if let known = touchingCache[key] { return known }
      let reads = readsCache[key] ?? MendCandidates.reads(of: evaluator.pack.rules[key.rule], subject: key.subject)
      readsCache[key] = reads
      let rule = evaluator.pack.rules[key.rule]
      let macros = RuleMacros(
        rule: rule, subject: key.subject, proposal: proposal, ladder: judge.library.ladder.value, kindsFixed: !search.changeKinds)
      let touching = pool.indices.filter { index in
        let candidate = pool[index]
        guard reads.contains(where: { $0.overlaps(candidate.path) }) else { return false }
        guard candidate.change.action == .add, let element = candidate.value else { return true }
        return macros.addingMatters(element, to: candidate.path)
      }
      touchingCache[key] = touching
      return touching
    }

    /// Depth-first search for sets of exactly `size` changes that reach the target.
    mutating func search(from set: [Int], size: Int) {
      guard solutions.count < search.alternatives, visited.insert(set).inserted else { return }
      guard let bad = bad(in: set) else { return }
      if bad.isEmpty {
        if set.count == size { solutions.append(set) }
        return
      }
      guard set.count < size else { return }
      let used = Set(set.map { pool[$0].path })
      var best: [Int]?
      for key in bad {
        let options = touching(key).filter { !set.contains($0) && (pool[$0].change.action == .add || !used.contains(pool[$0].path)) }
        if best == nil || options.count < best!.count { best = options }
        if options.isEmpty { return }
      }
      for option in best ?? [] {
        search(from: (set + [option]).sorted(), size: size)
        if solutions.count >= search.alternatives { return }
      }
    }
  }
}
