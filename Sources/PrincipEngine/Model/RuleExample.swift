import CEL

/// A rule's example: a small proposal and the outcome the rule must give on it.
public struct RuleExample: Sendable {
  public var name: String
  /// The proposal as written, before the defaults (`case_id`, …) are filled in.
  public var proposal: CELValue
  /// One outcome for a proposal-scoped rule; one per intervention otherwise (a single
  /// expected outcome means the first intervention).
  public var expected: [Outcome]
  public var location: SourceLocation
  /// The proposal's YAML, to find the line and column of a field in it (`nil` when unknown).
  var proposalSource: YAMLDocument?
}
