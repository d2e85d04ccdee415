/// A checkable rule: when it applies, what it requires, and how to explain the result.
public struct Rule: Sendable {
  /// Unique across all packs, e.g. `halsnaes.local-before-external`.
  public var id: String
  /// The id of the principle it enforces.
  public var principleID: String
  public var severity: Severity
  /// Whether a documented justification for the principle can excuse a violation.
  public var justifiable: Bool
  public var scope: RuleScope
  /// How the principle was made checkable.
  public var description: String
  /// When the rule applies; `nil` means always.
  public var when: Expression?
  /// What the principle demands of the subject.
  public var require: Expression
  /// What a violation means, naming the facts.
  public var message: MessageTemplate
  /// What would mend it.
  public var remedy: MessageTemplate
  /// Small proposals with the outcome each must give; they run as tests.
  public var examples: [RuleExample]
  /// Where the rule is declared.
  public var location: SourceLocation
  /// Words for parts of `when` and `require`, keyed by the part's CEL (`explain` shows
  /// them instead of words made from the CEL).
  public var labels: [String: LocalizedText] = [:]
}
