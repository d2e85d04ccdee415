/// The decisions with the most serious findings: lowest score first, then most
/// violations, then input order — a total order, so the list is the same whatever the
/// threads. Keeps at most `capacity`, with their proposals, so the report can explain them.
struct SeriousDecisions: Sendable {
  let capacity: Int
  private var kept: [(key: Key, result: DecisionResult)] = []

  /// Lower is more serious.
  struct Key: Comparable, Sendable {
    var score: Int
    var negatedViolations: Int
    var record: Int

    static func < (a: Key, b: Key) -> Bool {
      (a.score, a.negatedViolations, a.record) < (b.score, b.negatedViolations, b.record)
    }
  }

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// The kept decisions, most serious first.
  var decisions: [DecisionResult] { kept.map(\.result) }

  /// - Complexity: O(1) for a decision that is not among the most serious (most of them).
  mutating func consider(_ result: DecisionResult) {
    guard capacity > 0, case .judged(let judgement) = result.outcome, judgement.scorecard.verdict.hasViolations else { return }
    let score = judgement.scorecard.score
    // Cheap test first: a higher score than the least serious kept cannot enter.
    if kept.count == capacity, let last = kept.last, score > last.key.score { return }
    insert(Key(score: score, negatedViolations: -judgement.scorecard.violations, record: result.record), result)
  }

  mutating func merge(_ other: SeriousDecisions) {
    for (key, result) in other.kept { insert(key, result) }
  }

  private mutating func insert(_ key: Key, _ result: DecisionResult) {
    if kept.count == capacity, let last = kept.last, !(key < last.key) { return }
    let index = kept.firstIndex { key < $0.key } ?? kept.count
    kept.insert((key, result), at: index)
    if kept.count > capacity { kept.removeLast() }
  }
}
