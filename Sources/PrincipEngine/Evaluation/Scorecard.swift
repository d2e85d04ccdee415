#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A proposal judged for counting: each finding's outcome, the score and the verdict —
/// what an audit counts and writes, without the messages, remedies and evidence of an
/// ``Assessment`` (``Evaluator/assess(_:explain:)`` gives those when they are wanted).
public struct Scorecard: Sendable, Equatable {
  /// Every rule's outcome for every subject, in the order of ``Assessment/findings``:
  /// pack rule order, one outcome for a proposal-scoped rule and one per intervention
  /// for an intervention-scoped one.
  public var outcomes: [Outcome] { codes.map(Outcome.init(code:)) }
  /// The outcomes as ``Outcome/code``s. An array of bytes, because the runtime makes a
  /// new array of a type of ours (`[Outcome]`) far more slowly than one of a standard
  /// type, and an audit makes one per decision.
  var codes: [UInt8]
  /// How many interventions the proposal has.
  public var interventionCount: Int
  /// 0–100, as ``Assessment/score``.
  public var score: Int
  public var verdict: Verdict

  /// The code of a rule that could not be evaluated (``RuleFailure``): counted as
  /// undetermined by ``outcomes``, and ``failed`` says that one did.
  static let failedCode: UInt8 = 5

  /// Whether a rule could not be evaluated (a rule or data problem): the decision is an
  /// error, not a result; ``Evaluator/assess(_:explain:)`` names the rule and the problem.
  ///
  /// - Complexity: O(outcomes), by `memchr`: an audit asks it of every decision.
  public var failed: Bool {
    codes.withUnsafeBufferPointer { codes in
      guard let base = codes.baseAddress else { return false }
      return memchr(base, Int32(Self.failedCode), codes.count) != nil
    }
  }

  /// How many findings are violations.
  public var violations: Int { codes.reduce(0) { $1 == Outcome.violated.code ? $0 + 1 : $0 } }

  /// Calls `body` with each outcome, its rule's index in the pack and its subject.
  ///
  /// - Parameter scopes: the pack's rule scopes, in rule order (read once per pack).
  /// - Complexity: O(outcomes).
  @inline(__always)
  public func forEach(scopes: [RuleScope], _ body: (_ ruleIndex: Int, _ subject: Subject, _ outcome: Outcome) -> Void) {
    var cursor = 0
    codes.withUnsafeBufferPointer { outcomes in
      for ruleIndex in scopes.indices {
        switch scopes[ruleIndex] {
        case .proposal:
          guard cursor < outcomes.count else { return }
          body(ruleIndex, .proposal, Outcome(code: outcomes[cursor]))
          cursor += 1
        case .intervention:
          guard cursor + interventionCount <= outcomes.count else { return }
          for index in 0..<interventionCount { body(ruleIndex, .intervention(index), Outcome(code: outcomes[cursor + index])) }
          cursor += interventionCount
        }
      }
    }
  }
}
