import CEL
import PrincipEngine

/// `princip whatif`: a proposal judged before and after changes made in memory, and
/// only what moved.
public struct WhatIfResult: Sendable, Codable {
  public var caseID: String
  public var changes: [ProposalChange]
  public var before: JudgementSummary
  public var after: JudgementSummary
  /// Each rule whose outcome changed, in pack order.
  public var moved: [MovedRule]

  /// Judges `proposal` as it is and with `changes` made; a change that leads nowhere or
  /// makes the proposal invalid is an error naming the change and what the schema expects.
  public static func run(_ proposal: TrainerProposal, changes: [ProposalChange], judge: ProposalJudge) throws(TrainerError) -> WhatIfResult {
    let before = try judge.judge(proposal.raw, file: proposal.file)
    var value = proposal.raw
    for change in changes {
      value = try change.applied(to: value)
      if case .failure(let violation) = judge.library.schema.validate(value) {
        throw .invalidChange(.invalidProposal(SourceLocation(file: change.argument), field: violation.path.description, problem: violation.problem))
      }
    }
    let after = try judge.judge(value, change: changes.last?.argument, file: proposal.file)
    return WhatIfResult(before: before, after: after, changes: changes)
  }

  /// The difference between two judgements of one proposal.
  public init(before: Judgement, after: Judgement, changes: [ProposalChange]) {
    caseID = after.assessment.caseID
    self.changes = changes
    self.before = JudgementSummary(before)
    self.after = JudgementSummary(after)
    moved = before.moved(to: after)
  }
}
