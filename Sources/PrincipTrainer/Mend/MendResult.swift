import PrincipEngine

/// What `princip mend` found: the smallest sets of changes that reach the target, and
/// why they are the smallest.
public struct MendResult: Sendable, Codable {
  /// What a mended proposal must reach.
  public enum Target: String, Sendable, Codable, CaseIterable {
    /// Every principle honoured or justified, nothing undetermined.
    case compliant
    /// No violations (undetermined rules may remain).
    case noViolations = "no-violations"

    /// Whether an outcome stands in the way of the target.
    public func isBad(_ outcome: Outcome) -> Bool {
      outcome == .violated || (self == .compliant && outcome == .undetermined)
    }
  }

  public var caseID: String
  /// The proposal file as the user named it.
  public var file: String
  public var target: Target
  public var maxChanges: Int
  public var before: JudgementSummary
  /// The target already holds: nothing to mend.
  public var alreadyReached: Bool
  /// The smallest sets found (all of one size), at most the number of alternatives asked for.
  public var sets: [ChangeSet]
  /// How many candidate changes the search could choose from, and how many sets it judged.
  public var candidates: Int
  public var judged: Int
  /// Parts of the proposal mend does not change (the citizen's facts, and `--keep`).
  public var fixed: [String]
  /// Rules standing in the way that no allowed change reaches (they read fixed facts only).
  public var unreachable: [RuleResult]
  /// Violations a documented reason could justify: suggestions, never text.
  public var justifications: [JustificationSuggestion]

  /// A set of changes that reaches the target.
  public struct ChangeSet: Sendable, Codable {
    public var edits: [Edit]
    public var after: JudgementSummary
    /// The rules that move, before → after.
    public var moved: [MovedRule]
    /// Proper subsets judged; none of them reaches the target.
    public var subsetsChecked: Int
  }

  /// One change as an edit of the proposal file.
  public struct Edit: Sendable, Codable {
    public var change: ProposalChange
    /// The value at the path before the change, if any.
    public var old: FactValue?
    /// A free-text field: the caseworker writes the text (mend judged a placeholder).
    public var needsText: Bool
  }

  /// A violation that a documented reason would turn into a justified deviation.
  public struct JustificationSuggestion: Sendable, Codable {
    public var rule: RuleResult
    /// The keys under `justifications` the rule accepts: its principle's id, then its themes.
    public var keys: [String]
  }
}
