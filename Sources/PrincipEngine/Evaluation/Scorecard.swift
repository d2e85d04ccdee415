/// A proposal judged for counting: each finding's outcome, the score and the verdict —
/// what an audit counts and writes, without the messages, remedies and evidence of an
/// ``Assessment`` (``Evaluator/assess(_:explain:)`` gives those when they are wanted).
public struct Scorecard: Sendable, Equatable {
  /// Every rule's outcome for every subject, in the order of ``Assessment/findings``:
  /// pack rule order, one outcome for a proposal-scoped rule and one per intervention
  /// for an intervention-scoped one.
  public var outcomes: [Outcome]
  /// How many interventions the proposal has.
  public var interventionCount: Int
  /// 0–100, as ``Assessment/score``.
  public var score: Int
  public var verdict: Verdict

  /// How many findings are violations.
  public var violations: Int { outcomes.reduce(0) { $1 == .violated ? $0 + 1 : $0 } }

  /// Calls `body` with each outcome, its rule's index in the pack and its subject.
  ///
  /// - Parameter scopes: the pack's rule scopes, in rule order (read once per pack).
  /// - Complexity: O(outcomes).
  @inline(__always)
  public func forEach(scopes: [RuleScope], _ body: (_ ruleIndex: Int, _ subject: Subject, _ outcome: Outcome) -> Void) {
    var cursor = 0
    outcomes.withUnsafeBufferPointer { outcomes in
      for ruleIndex in scopes.indices {
        switch scopes[ruleIndex] {
        case .proposal:
          guard cursor < outcomes.count else { return }
          body(ruleIndex, .proposal, outcomes[cursor])
          cursor += 1
        case .intervention:
          guard cursor + interventionCount <= outcomes.count else { return }
          for index in 0..<interventionCount { body(ruleIndex, .intervention(index), outcomes[cursor + index]) }
          cursor += interventionCount
        }
      }
    }
  }
}
