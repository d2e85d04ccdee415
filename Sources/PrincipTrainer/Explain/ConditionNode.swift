import PrincipEngine

/// One part of a rule's condition, with its value for one proposal: the tree `explain`
/// shows and prints as JSON (docs/explain-json.md).
public struct ConditionNode: Sendable, Codable, Hashable {
  /// What the part says, in words: the rule author's label, or words made from the CEL.
  public var label: LocalizedText
  /// Whether `label` is the rule author's (`true`) or made from the CEL.
  public var labelled: Bool
  /// The part's CEL, as it would be written on its own.
  public var cel: String
  /// Where the part starts in the rule file.
  public var location: SourceLocation
  public var value: PartValue
  /// For an unknown part: the facts that were missing.
  public var missing: [String]
  /// The facts this part reads directly, with their values (`nil`: missing).
  public var facts: [Fact]
  public var children: [ConditionNode]

  /// A fact read, and its value.
  public struct Fact: Sendable, Codable, Hashable {
    public var path: String
    public var value: FactValue?
  }
}

/// The value of one part of a condition.
public enum PartValue: String, Sendable, Codable, Hashable {
  /// ja / yes.
  case yes
  /// nej / no.
  case no
  /// ukendt: a fact it needs is missing.
  case unknown
  /// ikke afprøvet: an earlier part already decided.
  case notTried = "not_tried"
  /// Not a truth value (a number, a text, a list), or an error.
  case other
}
